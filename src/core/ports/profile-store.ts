// What profiles need from storage: meeting a person (and their team), reading them, and the
// settings they change themselves.
import type { Actor } from "../identity.ts";
import type { UserProfile } from "./records.ts";

export type SettingsPatch = Partial<
  Pick<
    UserProfile,
    | "locale"
    | "timeZone"
    | "desiredRetention"
    | "newPerDay"
    | "reviewsPerDay"
    | "dmTeamId"
    | "hidden"
    | "images"
    | "heldDay"
    | "heldDayFrom"
    | "heldDayUntil"
    | "personalParameters"
  >
>;

export interface ProfileStore {
  /** Creates the user, team and membership when missing and records the client's language. */
  enter(actor: Actor, defaults: { timeZone: string }, now: Date): Promise<UserProfile>;
  profile(userId: string): Promise<UserProfile | null>;
  updateSettings(userId: string, patch: SettingsPatch): Promise<UserProfile>;
  /** Teams the user has studied in, most recently active first. */
  memberships(userId: string): Promise<string[]>;
}
