// How one learner is scheduled: their desired retention and, when they have them, their own FSRS
// parameters. Every caller of the scheduler takes it from the profile here, so no one forgets the second.
import type { UserProfile } from "../ports/records.ts";
import type { Schedule } from "./fsrs.ts";

export function scheduleOf(profile: Pick<UserProfile, "desiredRetention" | "personalParameters">): Schedule {
  return { retention: profile.desiredRetention, parameters: profile.personalParameters?.values ?? null };
}
