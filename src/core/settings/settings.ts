// User settings: what can be changed, the accepted values, and the error a user sees otherwise.
import { z } from "zod";
import { RETENTION_MAX, RETENTION_MIN } from "../scheduler/fsrs.ts";
import { canonicalTimeZone } from "../time/zoned-time.ts";
import type { SettingsPatch } from "../ports/study-store.ts";

export const NEW_PER_DAY_MAX = 500;
export const REVIEWS_PER_DAY_MAX = 9999;

/** One requested change, with every value as the user typed it. */
export const settingsInputSchema = z.strictObject({
  language: z.string().optional(),
  timezone: z.string().optional(),
  retention: z.union([z.string(), z.number()]).optional(),
  new: z.union([z.string(), z.number()]).optional(),
  reviews: z.union([z.string(), z.number()]).optional(),
  /** The team direct messages count for: a team id, or "personal". */
  team: z.string().optional(),
  /** Hidden from leaderboards: on or off. */
  hidden: z.union([z.string(), z.boolean()]).optional(),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;
export const SETTING_NAMES = ["language", "timezone", "retention", "new", "reviews", "team", "hidden"] as const;

const language = z.enum(["ja", "en", "auto"], { error: "language must be ja, en or auto" });
const retention = z.coerce
  .number({ error: `retention must be a number between ${RETENTION_MIN} and ${RETENTION_MAX}` })
  .refine(
    (n) => Number.isFinite(n) && n >= RETENTION_MIN && n <= RETENTION_MAX,
    `retention must be between ${RETENTION_MIN} and ${RETENTION_MAX}`,
  );
const perDay = (name: string, max: number) =>
  z.coerce
    .number({ error: `${name} must be a whole number from 0 to ${max}` })
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= max, `${name} must be a whole number from 0 to ${max}`);

/** Validates requested changes; every value is checked before anything is saved. */
export function parseSettings(input: SettingsInput): { ok: true; patch: SettingsPatch } | { ok: false; problem: string } {
  const patch: SettingsPatch = {};
  const fail = (e: z.ZodError) => ({ ok: false as const, problem: e.issues[0]?.message ?? "invalid value" });
  if (input.language !== undefined) {
    const r = language.safeParse(input.language.trim().toLowerCase());
    if (!r.success) return fail(r.error);
    patch.locale = r.data === "auto" ? null : r.data;
  }
  if (input.timezone !== undefined) {
    const zone = canonicalTimeZone(input.timezone.trim());
    if (!zone)
      return {
        ok: false,
        problem: `"${input.timezone.slice(0, 64)}" is not a time zone; use an IANA name like Asia/Tokyo or Europe/London`,
      };
    patch.timeZone = zone;
  }
  if (input.retention !== undefined) {
    const r = retention.safeParse(input.retention);
    if (!r.success) return fail(r.error);
    patch.desiredRetention = r.data;
  }
  if (input.new !== undefined) {
    const r = perDay("new", NEW_PER_DAY_MAX).safeParse(input.new);
    if (!r.success) return fail(r.error);
    patch.newPerDay = r.data;
  }
  if (input.reviews !== undefined) {
    const r = perDay("reviews", REVIEWS_PER_DAY_MAX).safeParse(input.reviews);
    if (!r.success) return fail(r.error);
    patch.reviewsPerDay = r.data;
  }
  if (input.hidden !== undefined) {
    const value = typeof input.hidden === "boolean" ? input.hidden : input.hidden.trim().toLowerCase();
    if (value === true || value === "on" || value === "yes" || value === "true") patch.hidden = true;
    else if (value === false || value === "off" || value === "no" || value === "false") patch.hidden = false;
    else return { ok: false, problem: "hidden must be on or off" };
  }
  if (input.team !== undefined) {
    const team = input.team.trim();
    if (team === "personal") patch.dmTeamId = null;
    else if (/^[a-z]+:[A-Za-z0-9:@_-]{1,120}$/.test(team)) patch.dmTeamId = team;
    else return { ok: false, problem: "team must be one of your servers, or personal" };
  }
  return { ok: true, patch };
}
