// Rows as the core sees them: a person's profile and a team's settings, read by several stores.
import { z } from "zod";
import { toLocale } from "../../core/i18n/locale.ts";
import type { TeamParameters } from "../../core/ports/parameter-store.ts";
import type { PersonalParameters, TeamSettings, UserProfile } from "../../core/ports/records.ts";
import type { Db } from "../open-database.ts";

export type UserRow = NonNullable<Awaited<ReturnType<Db["user"]["findUnique"]>>>;

const remindWhenSchema = z.enum(["due", "not-studied"]);

export function toProfile(row: UserRow): UserProfile {
  return {
    id: row.id,
    locale: toLocale(row.locale) ?? null,
    clientLocale: toLocale(row.clientLocale) ?? null,
    timeZone: row.timeZone,
    desiredRetention: row.desiredRetention,
    newPerDay: row.newPerDay,
    reviewsPerDay: row.reviewsPerDay,
    counterDay: row.counterDay,
    newToday: row.newToday,
    reviewsToday: row.reviewsToday,
    dmTeamId: row.dmTeamId,
    hidden: row.hidden,
    images: row.images,
    xpToday: row.xpToday,
    lastReviewAt: row.lastReviewAt,
    streakDays: row.streakDays,
    streakLastDay: row.streakLastDay,
    bestStreak: row.bestStreak,
    remindMinute: row.remindMinute,
    remindWhen: remindWhenSchema.catch("due").parse(row.remindWhen),
    remindTeamId: row.remindTeamId,
    nextReminderAt: row.nextReminderAt,
    nextReminderDay: row.nextReminderDay,
    nextReminderSlot: row.nextReminderSlot,
    remindersPaused: row.remindersPaused,
    pendingNotice: row.pendingNotice,
    vacationUntil: row.vacationUntil,
    vacationFrom: row.vacationFrom,
    vacationTo: row.vacationTo,
    heldDay: row.heldDay,
    heldDayFrom: row.heldDayFrom,
    heldDayUntil: row.heldDayUntil,
    personalParameters: toPersonalParameters(row),
  };
}

const parameterValues = z.array(z.number().finite()).length(21);
const parameterSource = z.enum(["fitted", "pasted", "team"]);

function toPersonalParameters(row: UserRow): PersonalParameters | null {
  if (row.fsrsParameters === null) return null;
  const values = parameterValues.safeParse(safeJson(row.fsrsParameters));
  if (!values.success) return null;
  return {
    values: values.data,
    source: parameterSource.catch("pasted").parse(row.fsrsSource),
    reviews: row.fsrsReviews,
    fittedAt: row.fsrsFittedAt,
    logLoss: row.fsrsLogLoss,
    teamId: row.fsrsTeamId,
  };
}

/** The User columns that keep personal parameters (null clears them). */
export function personalParameterColumns(p: PersonalParameters | null) {
  return {
    fsrsParameters: p ? JSON.stringify(p.values) : null,
    fsrsSource: p?.source ?? null,
    fsrsReviews: p?.reviews ?? 0,
    fsrsFittedAt: p?.fittedAt ?? null,
    fsrsLogLoss: p?.logLoss ?? null,
    fsrsTeamId: p?.teamId ?? null,
  };
}

export type TeamRow = NonNullable<Awaited<ReturnType<Db["team"]["findUnique"]>>>;

/** A team's default parameters; null when it has none (or they do not read back as 21 numbers). */
export function toTeamParameters(
  row: Pick<TeamRow, "fsrsParameters" | "fsrsReviews" | "fsrsMembers" | "fsrsFittedAt" | "fsrsLogLoss">,
): TeamParameters | null {
  if (row.fsrsParameters === null) return null;
  const values = parameterValues.safeParse(safeJson(row.fsrsParameters));
  if (!values.success) return null;
  return { values: values.data, reviews: row.fsrsReviews, members: row.fsrsMembers, fittedAt: row.fsrsFittedAt, logLoss: row.fsrsLogLoss };
}

/** The Team columns that keep its default parameters (null clears them). */
export function teamParameterColumns(p: TeamParameters | null) {
  return {
    fsrsParameters: p ? JSON.stringify(p.values) : null,
    fsrsReviews: p?.reviews ?? 0,
    fsrsMembers: p?.members ?? 0,
    fsrsFittedAt: p?.fittedAt ?? null,
    fsrsLogLoss: p?.logLoss ?? null,
  };
}

/** The User columns of a member who takes their team's defaults. */
export function fromTeamColumns(teamId: string, p: TeamParameters) {
  return personalParameterColumns({
    values: p.values,
    source: "team",
    reviews: p.reviews,
    fittedAt: p.fittedAt,
    logLoss: p.logLoss,
    teamId,
  });
}

export function toTeamSettings(row: TeamRow): TeamSettings {
  const admins = z.array(z.string()).catch([]).parse(safeJson(row.adminIds));
  return {
    id: row.id,
    timeZone: row.timeZone,
    locale: toLocale(row.locale) ?? "en",
    channelId: row.channelId,
    qotdMinute: row.qotdMinute,
    recapEnabled: row.recapEnabled,
    milestones: row.milestones,
    adminIds: admins,
  };
}

/** Items a team can see, optionally in one topic, never retired ones. */
export function visibleItems(teamId: string, topic: string | undefined) {
  return {
    retiredAt: null,
    OR: [{ teamId: null }, { teamId }],
    ...(topic ? { topics: { some: { topic } } } : {}),
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
