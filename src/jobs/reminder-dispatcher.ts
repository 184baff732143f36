// Sends the daily reminders that are due, once per person and local date, from any number of
// instances: each send is claimed first (a row with a unique key and a lease), then sent, then
// marked. A process that dies between claim and send leaves the claim to expire, and another
// tick sends it. Closed DMs fall back to the team channel, or pause reminders and say so.
import type { Bot } from "../core/bot.ts";
import { messages, type Notice } from "../core/i18n/messages.ts";
import { postKey, type PlatformSender } from "../core/ports/platform-sender.ts";
import type { UserProfile } from "../core/ports/records.ts";
import type { ReminderClaim, ReminderStore } from "../core/ports/reminder-store.ts";
import type { TeamStore } from "../core/ports/team-store.ts";
import { dueReminder, nextOccurrence, occurrence } from "../core/reminders/reminder-schedule.ts";
import { userMention } from "../core/views/user-mention.ts";
import type { Logger } from "../ops/logger.ts";
import { runPool } from "./run-pool.ts";

export interface ReminderDispatcherOptions {
  reminders: ReminderStore;
  /** The team's language and channel, for a reminder that falls back to it. */
  teams: TeamStore;
  bot: Bot;
  sender: PlatformSender;
  logger: Logger;
  /** Who claims (host, process): shows in the claim rows. */
  owner: string;
  leaseMs?: number;
  batch?: number;
  concurrency?: number;
  /** Sends claimed together, then sent before the next ones are claimed. */
  claimChunk?: number;
  maxAttempts?: number;
  onOutcome?: (platform: string, outcome: string) => void;
}

export interface TickReport {
  sent: number;
  channel: number;
  skipped: number;
  paused: number;
  failed: number;
  retrying: number;
  taken: number;
  rescheduled: number;
}

/** A reminder whose time has come: the person, the local date and slot it is for, and the schedule it belongs to. */
interface DueSend {
  profile: UserProfile;
  day: string;
  slot: number;
  minute: number;
  expected: { day: string; slot: number };
}

export class ReminderDispatcher {
  private readonly leaseMs: number;
  private readonly batch: number;
  private readonly concurrency: number;
  private readonly claimChunk: number;
  private readonly maxAttempts: number;

  private readonly o: ReminderDispatcherOptions;

  constructor(o: ReminderDispatcherOptions) {
    this.o = o;
    this.leaseMs = o.leaseMs ?? 120_000;
    this.batch = o.batch ?? 1000;
    this.concurrency = o.concurrency ?? 16;
    this.claimChunk = o.claimChunk ?? 200;
    this.maxAttempts = o.maxAttempts ?? 5;
  }

  async tick(now: Date): Promise<TickReport> {
    const report: TickReport = { sent: 0, channel: 0, skipped: 0, paused: 0, failed: 0, retrying: 0, taken: 0, rescheduled: 0 };
    const count = (profile: UserProfile, outcome: keyof TickReport) => {
      report[outcome] += 1;
      this.o.onOutcome?.(profile.id.slice(0, profile.id.indexOf(":")), outcome);
    };
    const guarded = async (profile: UserProfile, work: () => Promise<keyof TickReport>) => {
      try {
        count(profile, await work());
      } catch (e) {
        report.failed += 1;
        this.o.logger.error({ err: e, user: profile.id }, "reminder failed");
      }
    };
    const due = await this.o.reminders.dueReminders(now, this.batch);
    const sends: DueSend[] = [];
    const moves: { profile: UserProfile; expected: { day: string; slot: number }; next: { at: Date; day: string; slot: number } | null }[] =
      [];
    for (const profile of due) {
      const expected = { day: profile.nextReminderDay ?? "", slot: profile.nextReminderSlot };
      const minute = profile.remindMinute;
      if (minute === null) moves.push({ profile, expected, next: null });
      else if (profile.vacationUntil && profile.vacationUntil > now)
        moves.push({ profile, expected, next: { ...nextOccurrence(minute, profile.timeZone, profile.vacationUntil), slot: 0 } });
      else {
        const decision = dueReminder(expected, minute, profile.timeZone, now);
        if ("reschedule" in decision) moves.push({ profile, expected, next: { ...decision.reschedule, slot: 0 } });
        else sends.push({ profile, ...decision.send, minute, expected });
      }
    }
    await runPool(moves, this.concurrency, (m) =>
      guarded(m.profile, async () => {
        await this.o.reminders.rescheduleReminder(m.profile.id, m.expected, m.next);
        return "rescheduled";
      }),
    );
    // Sends are claimed a chunk at a time, a few statements per chunk rather than one per send, and
    // each chunk is sent before the next is claimed, so no claim waits long for its send (a claim
    // whose lease runs out before its send could be taken over and sent twice).
    for (let i = 0; i < sends.length; i += this.claimChunk) {
      const chunk = sends.slice(i, i + this.claimChunk);
      let claims: ReminderClaim[];
      try {
        claims = await this.o.reminders.claimReminders(
          chunk.map((s) => ({ userId: s.profile.id, day: s.day, slot: s.slot })),
          { now, leaseUntil: new Date(now.getTime() + this.leaseMs), owner: this.o.owner },
        );
      } catch (e) {
        this.o.logger.error({ err: e, reminders: chunk.length }, "reminders could not be claimed; the next tick retries them");
        report.failed += chunk.length;
        continue;
      }
      await runPool(
        chunk.map((s, j) => ({ ...s, claim: claims[j]! })),
        this.concurrency,
        (s) => guarded(s.profile, async () => (s.claim.status === "taken" ? "taken" : this.deliver(s, s.claim.attempts, now))),
      );
    }
    return report;
  }

  /** Sends one claimed reminder and records how it went. */
  private async deliver(s: DueSend, attempts: number, now: Date): Promise<keyof TickReport> {
    const { reminders, teams } = this.o;
    const { profile, day, slot, minute, expected } = s;
    // The next reminder: tomorrow's (never a second one today, whatever the clock says now).
    const after = new Date(Math.max(now.getTime(), occurrence(day, minute, profile.timeZone).getTime()));
    const next = { ...nextOccurrence(minute, profile.timeZone, after), slot: 0 };
    const finish = (outcome: "sent" | "channel" | "skipped" | "paused" | "failed", paused?: string | null) =>
      reminders.finishReminder({
        userId: profile.id,
        day,
        slot,
        outcome,
        now,
        expected,
        next: outcome === "paused" ? null : next,
        ...(paused !== undefined ? { paused } : {}),
      });

    const composed = await this.o.bot.reminders.compose(profile, now);
    if ("skip" in composed) {
      await finish("skipped");
      return "skipped";
    }
    // The same key on every attempt and instance: a platform refuses a repeat of a send it already took.
    const once = postKey("reminder", profile.id, day, slot);
    const direct = await this.o.sender.direct(profile.id, composed.send, once);
    if (direct.ok) {
      await finish("sent");
      return "sent";
    }
    if (direct.reason === "dm-closed" || direct.reason === "not-found") {
      const team = await teams.teamSettings(composed.teamId);
      const t = messages(profile.locale ?? profile.clientLocale ?? team.locale);
      if (team.channelId) {
        const view = { ...composed.send, body: [t.reminderForYou(userMention(profile.id)), ...composed.send.body] };
        const posted = await this.o.sender.channel(
          team.id,
          team.channelId,
          view,
          [profile.id],
          postKey("reminder-channel", profile.id, day, slot),
        );
        if (posted.ok) {
          await finish("channel");
          return "channel";
        }
      }
      const paused: Notice = "remindersPausedDm";
      await finish("paused", paused);
      this.o.logger.warn({ user: profile.id, reason: direct.reason }, "reminders paused: direct messages closed and no team channel");
      return "paused";
    }
    if (attempts >= this.maxAttempts) {
      await finish("failed");
      this.o.logger.error({ user: profile.id, reason: direct.reason, detail: direct.detail, attempts }, "reminder given up");
      return "failed";
    }
    await reminders.retryReminderLater({ userId: profile.id, day, slot, leaseUntil: new Date(now.getTime() + backoffMs(attempts)) });
    this.o.logger.warn({ user: profile.id, reason: direct.reason, detail: direct.detail, attempts }, "reminder will be retried");
    return "retrying";
  }
}

/** 1, 2, 4, 8... minutes, at most an hour. */
export function backoffMs(attempt: number): number {
  return Math.min(3600_000, 60_000 * 2 ** Math.max(0, attempt - 1));
}
