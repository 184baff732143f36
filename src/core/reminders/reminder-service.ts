// Daily reminders and vacations, as the user sets them (/remind, /vacation), and what a reminder
// says when it goes out. Sending is the dispatcher's (src/jobs), which asks compose() what to send.
import { actionId } from "../actions/action-id.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import type { Actor } from "../identity.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import type { UserProfile } from "../ports/records.ts";
import { streakAtRisk } from "../stats/streak.ts";
import { vacationOf } from "../study/review-effects.ts";
import { formatDuration } from "../time/intervals.ts";
import { studyDayFor, studyDayStart, zoneChangePatch } from "../time/study-day.ts";
import { addDays, canonicalTimeZone } from "../time/zoned-time.ts";
import { notice, update, view, type Reply, type View } from "../views/view.ts";
import { formatClockTime, localDate, nextOccurrence, parseClockTime, SNOOZE_MS } from "./reminder-schedule.ts";

export const VACATION_MAX_DAYS = 90;
/** Overdue cards after a vacation come back at most this many a day (or a quarter of the review limit). */
export const RETURN_CARDS_PER_DAY = 10;
export const RETURN_MAX_DAYS = 14;

export interface RemindOptions {
  time?: string | undefined;
  timeZone?: string | undefined;
  off?: boolean | undefined;
  when?: string | undefined;
}

/** The ports and inputs ReminderService uses. */
export type ReminderDeps = Pick<CoreStores, "profiles" | "reminders"> & Pick<CoreDeps, "defaultTimeZone">;

export class ReminderService {
  private readonly deps: ReminderDeps;

  constructor(deps: ReminderDeps) {
    this.deps = deps;
  }

  private enter(actor: Actor, now: Date): Promise<UserProfile> {
    return this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
  }

  async remind(actor: Actor, o: RemindOptions, now: Date): Promise<Reply> {
    const { reminders } = this.deps;
    let profile = await this.enter(actor, now);
    const t = messages(localeOf(profile, actor));
    const fail = (problem: string) => update(view({ body: [t.invalidSetting(problem), t.remindHint], tone: "error" }));
    if (o.off) {
      profile = await reminders.updateReminder(profile.id, {
        remindMinute: null,
        nextReminderAt: null,
        nextReminderDay: null,
        remindersPaused: null,
      });
      return update(view({ body: [t.reminderOff], tone: "success" }));
    }
    if (o.time === undefined && o.timeZone === undefined && o.when === undefined)
      return update(this.reminderView(profile, actor, now, false));
    const minute = o.time !== undefined ? parseClockTime(o.time) : (profile.remindMinute ?? undefined);
    if (minute === undefined) return fail(o.time !== undefined ? t.badClockTime(o.time.slice(0, 20)) : t.remindNeedsTime);
    const timeZone = o.timeZone !== undefined ? canonicalTimeZone(o.timeZone.trim()) : profile.timeZone;
    if (!timeZone) return fail(t.badTimeZone((o.timeZone ?? "").slice(0, 64)));
    if (o.when !== undefined && o.when !== "due" && o.when !== "not-studied") return fail(t.badRemindWhen);
    const next = nextOccurrence(minute, timeZone, now);
    profile = await reminders.updateReminder(profile.id, {
      remindMinute: minute,
      // A new zone keeps the current study day until it is over there too: no second day.
      ...zoneChangePatch(profile, timeZone, now),
      remindTeamId: actor.teamId,
      ...(o.when ? { remindWhen: o.when } : {}),
      nextReminderAt: next.at,
      nextReminderDay: next.day,
      nextReminderSlot: 0,
      remindersPaused: null,
    });
    return update(this.reminderView(profile, actor, now, true));
  }

  private reminderView(profile: UserProfile, actor: Actor, now: Date, saved: boolean): View {
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    if (profile.remindMinute === null) return view({ body: [t.reminderNone(profile.timeZone), t.remindHint] });
    const next =
      profile.nextReminderAt && profile.nextReminderAt > now
        ? profile.nextReminderAt
        : nextOccurrence(profile.remindMinute, profile.timeZone, now).at;
    const lines = [
      ...(saved ? [t.settingsSaved] : []),
      t.reminderAt(formatClockTime(profile.remindMinute), profile.timeZone),
      t.reminderNext(
        `${localDate(next, profile.timeZone)} ${formatClockTime(profile.remindMinute)}`,
        formatDuration(next.getTime() - now.getTime(), locale),
      ),
      profile.remindWhen === "due" ? t.remindWhenDue : t.remindWhenNotStudied,
      ...(profile.remindersPaused ? [t.remindersPausedNotice] : []),
      ...(profile.vacationUntil && profile.vacationUntil > now
        ? [t.onVacationUntil(localDate(profile.vacationUntil, profile.timeZone))]
        : []),
      t.remindHint,
    ];
    return view({ title: t.reminderTitle, body: lines, tone: saved ? "success" : "neutral" });
  }

  /** "Remind me in 1 hour": one more reminder today, an hour from now. Only the reminder's owner can snooze it. */
  async snooze(actor: Actor, day: string, ownerId: string, now: Date): Promise<Reply> {
    const { profiles, reminders } = this.deps;
    const profile = await profiles.profile(actor.userId);
    const t = messages(localeOf(profile, actor));
    if (!profile || actor.userId !== ownerId) return notice(view({ body: [t.notYourReminder], tone: "info" }));
    const slot = profile.nextReminderSlot + 1;
    await reminders.updateReminder(profile.id, {
      nextReminderAt: new Date(now.getTime() + SNOOZE_MS),
      nextReminderDay: day,
      nextReminderSlot: slot,
    });
    return update(view({ body: [t.snoozed(formatDuration(SNOOZE_MS, localeOf(profile, actor)))], tone: "success" }));
  }

  async vacation(actor: Actor, duration: string | undefined, now: Date): Promise<Reply> {
    const { reminders } = this.deps;
    const profile = await this.enter(actor, now);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const today = studyDayFor(profile, now).day;
    const active = profile.vacationUntil !== null && profile.vacationUntil > now;
    if (duration === undefined) {
      return update(
        view({
          body: [active ? t.onVacationUntil(localDate(profile.vacationUntil as Date, profile.timeZone)) : t.noVacation, t.vacationHint],
        }),
      );
    }
    if (duration.trim().toLowerCase() === "off") {
      if (!active) return update(view({ body: [t.noVacation], tone: "info" }));
      await reminders.updateReminder(profile.id, { vacationUntil: now, vacationTo: addDays(today, -1) });
      const spread = await this.returnFromVacation({ ...profile, vacationUntil: now }, locale, now);
      return update(view({ body: [t.vacationEnded, ...(spread ? [spread] : [])], tone: "success" }));
    }
    const days = parseDays(duration);
    if (days === undefined)
      return update(view({ body: [t.invalidSetting(t.badVacation(VACATION_MAX_DAYS)), t.vacationHint], tone: "error" }));
    const until = studyDayStart(addDays(today, days), profile.timeZone);
    await reminders.updateReminder(profile.id, {
      vacationUntil: until,
      vacationFrom: active ? (profile.vacationFrom ?? today) : today,
      vacationTo: addDays(today, days - 1),
    });
    return update(view({ body: [t.vacationSet(localDate(until, profile.timeZone), days)], tone: "success" }));
  }

  /**
   * After a vacation, cards that fell due are spread over the next days (most overdue first)
   * instead of all coming back at once. Returns the message to show (in `locale`), if anything moved.
   */
  async returnFromVacation(profile: UserProfile, locale: Locale, now: Date): Promise<string | undefined> {
    const { reminders } = this.deps;
    const perDay = Math.max(RETURN_CARDS_PER_DAY, Math.floor(profile.reviewsPerDay / 4));
    const today = studyDayFor(profile, now).day;
    let days = 0;
    const moved = await reminders.spreadOverdue(profile.id, now, (count) => {
      days = Math.min(RETURN_MAX_DAYS, Math.max(1, Math.ceil(count / perDay)));
      const perThisDay = Math.ceil(count / days);
      return Array.from({ length: count }, (_, i) => {
        const day = Math.floor(i / perThisDay);
        return day === 0
          ? new Date(now.getTime() - (count - i) * 1000)
          : new Date(studyDayStart(addDays(today, day), profile.timeZone).getTime() + i * 1000);
      });
    });
    await reminders.updateReminder(profile.id, { vacationUntil: null });
    return moved > 0 ? messages(locale).overdueSpread(moved, days) : undefined;
  }

  /**
   * What a reminder says now, or why none goes out: nothing due (setting "due"), or already studied
   * today (setting "not-studied"), or nothing due at all.
   */
  async compose(profile: UserProfile, now: Date): Promise<{ send: View; teamId: string } | { skip: "nothing-due" | "studied-today" }> {
    const teamId = profile.remindTeamId ?? profile.id;
    const studyDay = studyDayFor(profile, now);
    const today = studyDay.day;
    const studiedToday = profile.lastReviewAt !== null && profile.lastReviewAt >= studyDay.start;
    if (profile.remindWhen === "not-studied" && studiedToday) return { skip: "studied-today" };
    const due = await this.deps.reminders.dueCount(profile.id, teamId, studyDay.end);
    if (due === 0) return { skip: "nothing-due" };
    const locale = profile.locale ?? profile.clientLocale ?? "en";
    const t = messages(locale);
    const atRisk = streakAtRisk(profile, today, vacationOf(profile));
    return {
      teamId,
      send: view({
        title: t.reminderTitle,
        body: [t.reminderDue(due), ...(atRisk ? [t.streakAtRisk(profile.streakDays)] : [])],
        buttons: [
          [
            { action: actionId({ kind: "study", topic: undefined }), label: t.reviewNow, style: "primary" },
            {
              action: actionId({ kind: "snooze", day: localDate(now, profile.timeZone), userId: profile.id }),
              label: t.remindLater,
              style: "secondary",
            },
          ],
        ],
      }),
    };
  }
}

/** "7d", "7", "2w" -> days (1-90). */
export function parseDays(text: string): number | undefined {
  const m = /^(\d{1,3})\s*(d|day|days|w|week|weeks|日|週)?$/i.exec(text.trim());
  if (!m) return undefined;
  const n = Number(m[1]) * (m[2] && /^(w|週)/i.test(m[2]) ? 7 : 1);
  return n >= 1 && n <= VACATION_MAX_DAYS ? n : undefined;
}
