// QotdStore on Prisma: one question per team and local day, claimed with a lease.
import type { QotdRecord, QotdStore } from "../../core/ports/qotd-store.ts";
import { QOTD_RESULTS_POST } from "../../core/qotd/qotd-service.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";

type QotdRow = NonNullable<Awaited<ReturnType<Db["questionOfDay"]["findUnique"]>>>;

function toQotd(r: QotdRow): QotdRecord {
  return {
    id: r.id,
    teamId: r.teamId,
    day: r.day,
    itemId: r.itemId,
    channelId: r.channelId,
    messageRef: r.messageRef,
    postedAt: r.postedAt,
    closesAt: r.closesAt,
    closedAt: r.closedAt,
  };
}

export class PrismaQotdStore implements QotdStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async claimQotd(c: Omit<QotdRecord, "messageRef" | "postedAt" | "closedAt"> & { now: Date; leaseUntil: Date }) {
    try {
      await this.db.questionOfDay.create({
        data: {
          id: c.id,
          teamId: c.teamId,
          day: c.day,
          itemId: c.itemId,
          channelId: c.channelId,
          claimedAt: c.now,
          leaseUntil: c.leaseUntil,
          closesAt: c.closesAt,
        },
        select: { id: true },
      });
      return { status: "claimed" as const, id: c.id, itemId: c.itemId };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    const existing = await this.db.questionOfDay.findUnique({ where: { teamId_day: { teamId: c.teamId, day: c.day } } });
    if (!existing) return { status: "taken" as const };
    if (existing.postedAt !== null) return { status: "done" as const };
    const taken = await this.db.questionOfDay.updateMany({
      where: { id: existing.id, postedAt: null, leaseUntil: { lt: c.now } },
      data: { leaseUntil: c.leaseUntil, claimedAt: c.now },
    });
    return taken.count === 1 ? { status: "claimed" as const, id: existing.id, itemId: existing.itemId } : { status: "taken" as const };
  }

  async markQotdPosted(id: string, messageRef: string | null, now: Date): Promise<void> {
    await this.db.questionOfDay.update({ where: { id }, data: { postedAt: now, messageRef }, select: { id: true } });
  }

  async recentQotdItems(teamId: string, sinceDay: string): Promise<string[]> {
    const rows = await this.db.questionOfDay.findMany({ where: { teamId, day: { gte: sinceDay } }, select: { itemId: true } });
    return rows.map((r) => r.itemId);
  }

  async loadQotd(id: string): Promise<QotdRecord | null> {
    const row = await this.db.questionOfDay.findUnique({ where: { id } });
    return row ? toQotd(row) : null;
  }

  async dueQotdClosings(now: Date, limit: number): Promise<QotdRecord[]> {
    const rows = await this.db.questionOfDay.findMany({
      where: { closedAt: null, closesAt: { lte: now }, postedAt: { not: null } },
      orderBy: { closesAt: "asc" },
      take: limit,
    });
    return rows.map(toQotd);
  }

  async closeQotd(id: string, now: Date): Promise<boolean> {
    const [closed] = await this.db.$transaction([
      this.db.questionOfDay.updateMany({ where: { id, closedAt: null }, data: { closedAt: now } }),
      this.db.teamPost.updateMany({ where: { kind: QOTD_RESULTS_POST, key: id, postedAt: null }, data: { postedAt: now } }),
    ]);
    return closed.count === 1;
  }

  async qotdTally(id: string): Promise<{ total: number; correct: number }> {
    const [total, correct] = await this.db.$transaction([
      this.db.qotdAnswer.count({ where: { qotdId: id } }),
      this.db.qotdAnswer.count({ where: { qotdId: id, correct: true } }),
    ]);
    return { total, correct };
  }
}
