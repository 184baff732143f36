// ReminderStore on Prisma: people's reminder schedules, and the claims (one row per person, day
// and slot) that make each send happen once across instances.
import type { UserProfile } from "../../core/ports/records.ts";
import type { ReminderClaim, ReminderFinish, ReminderPatch, ReminderStore } from "../../core/ports/reminder-store.ts";
import { CARD_STATES } from "../../core/scheduler/card-state.ts";
import { Prisma } from "../../generated/sqlite/client.ts";
import type { Db } from "../open-database.ts";
import { toProfile, visibleItems } from "./rows.ts";

/** Rows per multi-row claim: 7 parameters each, well under SQLite's and PostgreSQL's limits. */
const CLAIMS_PER_STATEMENT = 500;

export class PrismaReminderStore implements ReminderStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async updateReminder(userId: string, patch: ReminderPatch): Promise<UserProfile> {
    return toProfile(await this.db.user.update({ where: { id: userId }, data: patch }));
  }

  async dueReminders(now: Date, limit: number): Promise<UserProfile[]> {
    const rows = await this.db.user.findMany({
      where: { nextReminderAt: { lte: now }, remindMinute: { not: null } },
      orderBy: { nextReminderAt: "asc" },
      take: limit,
    });
    return rows.map(toProfile);
  }

  async claimReminder(c: { userId: string; day: string; slot: number; now: Date; leaseUntil: Date; owner: string }) {
    const [answer] = await this.claimReminders([c], c);
    return answer ?? { status: "taken" as const };
  }

  async claimReminders(
    claims: { userId: string; day: string; slot: number }[],
    lease: { now: Date; leaseUntil: Date; owner: string },
  ): Promise<ReminderClaim[]> {
    const key = (c: { userId: string; day: string; slot: number }) => `${c.userId}|${c.day}|${c.slot}`;
    const won = new Map<string, number>();
    // One statement per batch, the same on SQLite and PostgreSQL: a new row is claimed; an existing
    // one is taken over only if it was never sent and its lease ran out (its sender died or failed),
    // and RETURNING names exactly the rows this instance won. A key given twice is claimed once.
    const distinct = [...new Map(claims.map((c) => [key(c), c])).values()];
    for (let i = 0; i < distinct.length; i += CLAIMS_PER_STATEMENT) {
      const rows = distinct
        .slice(i, i + CLAIMS_PER_STATEMENT)
        .map((c) => Prisma.sql`(${c.userId}, ${c.day}, ${c.slot}, ${lease.now}, ${lease.leaseUntil}, ${lease.owner}, 1)`);
      const claimed = await this.db.$queryRaw<{ userId: string; day: string; slot: number | bigint; attempts: number | bigint }[]>`
        INSERT INTO "ReminderDelivery" ("userId", "day", "slot", "claimedAt", "leaseUntil", "claimedBy", "attempts")
        VALUES ${Prisma.join(rows)}
        ON CONFLICT ("userId", "day", "slot") DO UPDATE SET
          "claimedAt" = excluded."claimedAt",
          "leaseUntil" = excluded."leaseUntil",
          "claimedBy" = excluded."claimedBy",
          "attempts" = "ReminderDelivery"."attempts" + 1
        WHERE "ReminderDelivery"."sentAt" IS NULL AND "ReminderDelivery"."leaseUntil" < excluded."claimedAt"
        RETURNING "userId", "day", "slot", "attempts"`;
      for (const r of claimed) won.set(key({ userId: r.userId, day: r.day, slot: Number(r.slot) }), Number(r.attempts));
    }
    return claims.map((c) => {
      const attempts = won.get(key(c));
      if (attempts === undefined) return { status: "taken" };
      // A key given twice is won once: the first to ask for it gets it.
      won.delete(key(c));
      return { status: "claimed", attempts };
    });
  }

  async finishReminder(d: ReminderFinish): Promise<void> {
    await this.db.$transaction([
      this.db.reminderDelivery.update({
        where: { userId_day_slot: { userId: d.userId, day: d.day, slot: d.slot } },
        data: { sentAt: d.now, outcome: d.outcome },
        select: { slot: true },
      }),
      // Only if the schedule is still the one this send belonged to (a /remind meanwhile wins).
      this.db.user.updateMany({
        where: { id: d.userId, nextReminderDay: d.expected.day, nextReminderSlot: d.expected.slot },
        data: {
          nextReminderAt: d.next?.at ?? null,
          nextReminderDay: d.next?.day ?? null,
          nextReminderSlot: d.next?.slot ?? 0,
          ...(d.paused !== undefined ? { remindersPaused: d.paused, pendingNotice: d.paused } : {}),
        },
      }),
    ]);
  }

  async retryReminderLater(r: { userId: string; day: string; slot: number; leaseUntil: Date }): Promise<void> {
    await this.db.reminderDelivery.update({
      where: { userId_day_slot: { userId: r.userId, day: r.day, slot: r.slot } },
      data: { leaseUntil: r.leaseUntil },
      select: { slot: true },
    });
  }

  async rescheduleReminder(
    userId: string,
    expected: { day: string; slot: number },
    next: { at: Date; day: string; slot: number } | null,
  ): Promise<void> {
    await this.db.user.updateMany({
      where: { id: userId, nextReminderDay: expected.day, nextReminderSlot: expected.slot },
      data: { nextReminderAt: next?.at ?? null, nextReminderDay: next?.day ?? null, nextReminderSlot: next?.slot ?? 0 },
    });
  }

  async dueCount(userId: string, teamId: string, until: Date): Promise<number> {
    return this.db.cardState.count({
      where: { userId, state: { gt: CARD_STATES.new }, due: { lte: until }, item: visibleItems(teamId, undefined) },
    });
  }

  async clearNotice(userId: string): Promise<void> {
    await this.db.user.update({ where: { id: userId }, data: { pendingNotice: null }, select: { id: true } });
  }

  async spreadOverdue(userId: string, now: Date, plan: (count: number) => Date[]): Promise<number> {
    const overdue = await this.db.cardState.findMany({
      where: { userId, state: CARD_STATES.review, due: { lte: now } },
      orderBy: { due: "asc" },
      select: { itemId: true },
    });
    if (overdue.length === 0) return 0;
    const dues = plan(overdue.length);
    await this.db.$transaction(
      overdue.map((c, i) =>
        this.db.cardState.update({
          where: { userId_itemId: { userId, itemId: c.itemId } },
          data: { due: dues[i] ?? now },
          select: { version: true },
        }),
      ),
    );
    return overdue.length;
  }
}
