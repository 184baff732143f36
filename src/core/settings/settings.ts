// User settings: what can be changed, the accepted values, and the error a user sees otherwise.
import { z } from "zod";
import { PARAMETER_COUNT, parameterProblem, RETENTION_MAX, RETENTION_MIN } from "../scheduler/fsrs.ts";
import { schedulingInBoth } from "../i18n/scheduling-messages.ts";
import { canonicalTimeZone } from "../time/zoned-time.ts";
import type { SettingsPatch } from "../ports/profile-store.ts";
import type { LocalizedText } from "../i18n/locale.ts";
import { inBoth, type Messages } from "../i18n/messages.ts";

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
  /** Pictures with /stats and leaderboards: on or off. */
  images: z.union([z.string(), z.boolean()]).optional(),
  /** FSRS-6 parameters as Anki shows them (21 numbers, commas or spaces), or "reset". */
  parameters: z.string().optional(),
});
export type SettingsInput = z.infer<typeof settingsInputSchema>;
/** Every setting a person can change; each platform offers all of them and the settings view shows them. */
export const SETTING_NAMES = ["language", "timezone", "retention", "new", "reviews", "team", "hidden", "images", "parameters"] as const;
export type SettingName = (typeof SETTING_NAMES)[number];

const language = z.enum(["ja", "en", "auto"]);
const number = z.coerce.number().refine(Number.isFinite);
const wholeNumber = (max: number) => z.coerce.number().refine((n) => Number.isInteger(n) && n >= 0 && n <= max);
const newPerDay = wholeNumber(NEW_PER_DAY_MAX);
const reviewsPerDay = wholeNumber(REVIEWS_PER_DAY_MAX);

/** A value someone typed and what is wrong with it, in both languages (the reply picks one). */
export type SettingsResult = { ok: true; patch: SettingsPatch } | { ok: false; problem: LocalizedText };

/** Validates requested changes; every value is checked before anything is saved. */
export function parseSettings(input: SettingsInput): SettingsResult {
  const patch: SettingsPatch = {};
  const fail = (say: (t: Messages) => string) => ({ ok: false as const, problem: inBoth(say) });
  if (input.language !== undefined) {
    const r = language.safeParse(input.language.trim().toLowerCase());
    if (!r.success) return fail((t) => t.languageChoices);
    patch.locale = r.data === "auto" ? null : r.data;
  }
  if (input.timezone !== undefined) {
    const zone = canonicalTimeZone(input.timezone.trim());
    if (!zone) return fail((t) => t.badTimeZone(input.timezone?.slice(0, 64) ?? ""));
    patch.timeZone = zone;
  }
  if (input.retention !== undefined) {
    const r = number.safeParse(input.retention);
    if (!r.success) return fail((t) => t.retentionNotANumber(RETENTION_MIN, RETENTION_MAX));
    if (r.data < RETENTION_MIN || r.data > RETENTION_MAX) return fail((t) => t.retentionOutOfRange(RETENTION_MIN, RETENTION_MAX));
    patch.desiredRetention = r.data;
  }
  if (input.new !== undefined) {
    const r = newPerDay.safeParse(input.new);
    if (!r.success) return fail((t) => t.wholeNumberFrom("new", 0, NEW_PER_DAY_MAX));
    patch.newPerDay = r.data;
  }
  if (input.reviews !== undefined) {
    const r = reviewsPerDay.safeParse(input.reviews);
    if (!r.success) return fail((t) => t.wholeNumberFrom("reviews", 0, REVIEWS_PER_DAY_MAX));
    patch.reviewsPerDay = r.data;
  }
  if (input.hidden !== undefined) {
    const value = onOrOff(input.hidden);
    if (value === undefined) return fail((t) => t.onOrOff("hidden"));
    patch.hidden = value;
  }
  if (input.images !== undefined) {
    const value = onOrOff(input.images);
    if (value === undefined) return fail((t) => t.onOrOff("images"));
    patch.images = value;
  }
  if (input.team !== undefined) {
    const team = input.team.trim();
    if (team === "personal") patch.dmTeamId = null;
    else if (/^[a-z]+:[A-Za-z0-9:@_-]{1,120}$/.test(team)) patch.dmTeamId = team;
    else return fail((t) => t.teamChoice);
  }
  if (input.parameters !== undefined) {
    const text = input.parameters.trim();
    if (text.toLowerCase() === "reset") patch.personalParameters = null;
    else {
      const values = text
        .split(/[\s,]+/)
        .filter((w) => w !== "")
        .map(Number);
      const problem = parameterProblem(values);
      if (problem) {
        return {
          ok: false,
          problem: schedulingInBoth((t) =>
            problem.kind === "count"
              ? t.parametersCount(problem.count, PARAMETER_COUNT)
              : problem.kind === "not-a-number"
                ? t.parametersNotANumber(problem.index + 1)
                : t.parametersOutOfBounds(problem.index + 1, problem.value, problem.min, problem.max),
          ),
        };
      }
      patch.personalParameters = { values, source: "pasted", reviews: 0, fittedAt: null, logLoss: null, teamId: null };
    }
  }
  return { ok: true, patch };
}

function onOrOff(input: string | boolean): boolean | undefined {
  const value = typeof input === "boolean" ? input : input.trim().toLowerCase();
  if (value === true || value === "on" || value === "yes" || value === "true") return true;
  if (value === false || value === "off" || value === "no" || value === "false") return false;
  return undefined;
}
