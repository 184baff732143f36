// What reminders and vacations need from storage: a person's schedule, the claims that make each
// send happen once across instances, and the cards a vacation moves.
import type { UserProfile } from "./records.ts";

export interface ReminderPatch {
  remindMinute?: number | null;
  remindWhen?: "due" | "not-studied";
  remindTeamId?: string | null;
  timeZone?: string;
  nextReminderAt?: Date | null;
  nextReminderDay?: string | null;
  nextReminderSlot?: number;
  remindersPaused?: string | null;
  pendingNotice?: string | null;
  vacationUntil?: Date | null;
  vacationFrom?: string | null;
  vacationTo?: string | null;
  heldDay?: string | null;
  heldDayFrom?: Date | null;
  heldDayUntil?: Date | null;
}

/** Whether this instance won a send (and how many attempts it has had), or another holds or sent it. */
export type ReminderClaim = { status: "claimed"; attempts: number } | { status: "taken" };

/** The outcome of a claimed reminder send, and where the person's schedule moves next. */
export interface ReminderFinish {
  userId: string;
  day: string;
  slot: number;
  outcome: "sent" | "channel" | "skipped" | "paused" | "failed";
  now: Date;
  /** The day and slot the send was for: the schedule moves on only if it still points there. */
  expected: { day: string; slot: number };
  next: { at: Date; day: string; slot: number } | null;
  paused?: string | null;
}

export interface ReminderStore {
  updateReminder(userId: string, patch: ReminderPatch): Promise<UserProfile>;
  /** People whose next reminder time has passed (indexed on nextReminderAt), oldest first. */
  dueReminders(now: Date, limit: number): Promise<UserProfile[]>;
  /** Claims one send; "taken" when another instance holds it (or it was sent). An expired lease of an unsent claim is taken over. */
  claimReminder(claim: { userId: string; day: string; slot: number; now: Date; leaseUntil: Date; owner: string }): Promise<ReminderClaim>;
  /**
   * claimReminder for many sends at once (a tick's worth): one statement per few hundred claims,
   * whether new, held by another instance, sent, or left behind with an expired lease. Answers in the order given.
   */
  claimReminders(
    claims: { userId: string; day: string; slot: number }[],
    lease: { now: Date; leaseUntil: Date; owner: string },
  ): Promise<ReminderClaim[]>;
  /** Records the outcome of a claimed send and moves the person's schedule on (unless it changed meanwhile). */
  finishReminder(done: ReminderFinish): Promise<void>;
  /** Leaves a failed send claimed until `leaseUntil`, when another tick retries it. */
  retryReminderLater(r: { userId: string; day: string; slot: number; leaseUntil: Date }): Promise<void>;
  /** Moves a schedule without sending (a reminder left from an earlier date, a vacation). */
  rescheduleReminder(
    userId: string,
    expected: { day: string; slot: number },
    next: { at: Date; day: string; slot: number } | null,
  ): Promise<void>;
  /** Cards due by `until` for the person, in decks the team can see. */
  dueCount(userId: string, teamId: string, until: Date): Promise<number>;
  clearNotice(userId: string): Promise<void>;
  /** Moves the due dates of overdue cards, `plan` giving each card's new due date in order of how overdue it is. */
  spreadOverdue(userId: string, now: Date, plan: (count: number) => Date[]): Promise<number>;
}
