// GameStore on Prisma: live quiz rounds and their answers. The database keeps the two promises a
// round makes: one running round per channel (a unique key set only while it runs) and one answer
// per player and question (the answer's primary key).
import { z } from "zod";
import type { GameAnswerRecord, GameRoundRecord, GameStep, GameStore, GamePhase, NewGameRound } from "../../core/ports/game-store.ts";
import { localeSchema } from "../../core/i18n/locale.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";

type RoundRow = NonNullable<Awaited<ReturnType<Db["gameRound"]["findUnique"]>>>;

const itemIdsSchema = z.array(z.string());
const refsSchema = z.array(z.string().nullable());
const modeSchema = z.enum(["mixed", "weak", "due"]);
const phaseSchema = z.enum(["post", "open", "close", "pause", "over"]);
const statusSchema = z.enum(["running", "finished", "stopped"]);

/** The key that holds a channel while a round runs in it. */
export function activeChannelKey(teamId: string, channelId: string): string {
  return `${teamId}|${channelId}`;
}

function toRound(r: RoundRow): GameRoundRecord {
  return {
    id: r.id,
    teamId: r.teamId,
    channelId: r.channelId,
    starterId: r.starterId,
    locale: localeSchema.parse(r.locale),
    topic: r.topic,
    mode: modeSchema.parse(r.mode),
    seconds: r.seconds,
    itemIds: itemIdsSchema.parse(JSON.parse(r.itemIds)),
    position: r.position,
    phase: phaseSchema.parse(r.phase),
    deadline: r.deadline,
    openedAt: r.openedAt,
    messageRefs: refsSchema.parse(JSON.parse(r.messageRefs)),
    shownAnswers: r.shownAnswers,
    shownAt: r.shownAt,
    answered: r.answered,
    status: statusSchema.parse(r.status),
    claimedBy: r.claimedBy,
    leaseUntil: r.leaseUntil,
    startedAt: r.startedAt,
    endedAt: r.endedAt,
  };
}

/** Thrown inside an answer's transaction to roll it back when the question is not open. */
class QuestionClosed extends Error {}

/**
 * The phases of a round still to be driven. Named rather than written as `not "over"`: an inequality
 * cannot use the phase index, so the driver's idle look (twice a second on every instance) would read
 * every round ever played.
 */
const LIVE: Record<Exclude<GamePhase, "over">, true> = { post: true, open: true, close: true, pause: true };
const LIVE_PHASES = Object.keys(LIVE) as GamePhase[];

export class PrismaGameStore implements GameStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async createRound(r: NewGameRound) {
    try {
      await this.db.gameRound.create({
        data: {
          id: r.id,
          teamId: r.teamId,
          channelId: r.channelId,
          activeChannelKey: activeChannelKey(r.teamId, r.channelId),
          starterId: r.starterId,
          locale: r.locale,
          topic: r.topic,
          mode: r.mode,
          questionCount: r.itemIds.length,
          seconds: r.seconds,
          itemIds: JSON.stringify(r.itemIds),
          startedAt: r.startedAt,
        },
        select: { id: true },
      });
      return { status: "created" as const };
    } catch (e) {
      if (!isUniqueViolation(e)) throw e;
    }
    const running = await this.db.gameRound.findUnique({ where: { activeChannelKey: activeChannelKey(r.teamId, r.channelId) } });
    return { status: "busy" as const, running: running ? toRound(running) : null };
  }

  async loadRound(id: string): Promise<GameRoundRecord | null> {
    const row = await this.db.gameRound.findUnique({ where: { id } });
    return row ? toRound(row) : null;
  }

  async runningRound(teamId: string, channelId: string): Promise<GameRoundRecord | null> {
    const row = await this.db.gameRound.findUnique({ where: { activeChannelKey: activeChannelKey(teamId, channelId) } });
    return row ? toRound(row) : null;
  }

  async endRound(id: string, status: "finished" | "stopped", now: Date): Promise<boolean> {
    const ended = await this.db.gameRound.updateMany({
      where: { id, status: "running" },
      data: { status, endedAt: now, activeChannelKey: null },
    });
    return ended.count === 1;
  }

  async deleteRound(id: string): Promise<void> {
    await this.db.gameRound.deleteMany({ where: { id } });
  }

  async recordAnswer(roundId: string, a: GameAnswerRecord): Promise<"recorded" | "duplicate" | "closed"> {
    try {
      return await this.db.$transaction(async (tx) => {
        // The round's row is written first: that orders this answer against the question's closing.
        const open = await tx.gameRound.updateMany({
          // "post" with a deadline: the question is being posted (and may already show).
          where: { id: roundId, status: "running", position: a.position, phase: { in: ["post", "open"] }, deadline: { gt: a.answeredAt } },
          data: { answered: { increment: 1 } },
        });
        if (open.count !== 1) throw new QuestionClosed();
        await tx.gameAnswer.create({ data: { roundId, ...a }, select: { roundId: true } });
        return "recorded" as const;
      });
    } catch (e) {
      if (e instanceof QuestionClosed) return "closed";
      if (isUniqueViolation(e)) return "duplicate";
      throw e;
    }
  }

  async answers(roundId: string): Promise<GameAnswerRecord[]> {
    const rows = await this.db.gameAnswer.findMany({
      where: { roundId },
      orderBy: [{ position: "asc" }, { answeredAt: "asc" }, { userId: "asc" }],
    });
    return rows.map((r) => ({
      position: r.position,
      userId: r.userId,
      choice: r.choice,
      answeredAt: r.answeredAt,
      correct: r.correct,
      points: r.points,
    }));
  }

  async playerAnswer(roundId: string, position: number, userId: string): Promise<GameAnswerRecord | null> {
    const r = await this.db.gameAnswer.findUnique({ where: { roundId_position_userId: { roundId, position, userId } } });
    return r
      ? { position: r.position, userId: r.userId, choice: r.choice, answeredAt: r.answeredAt, correct: r.correct, points: r.points }
      : null;
  }

  async drivableRounds(owner: string, now: Date, limit: number): Promise<GameRoundRecord[]> {
    const rows = await this.db.gameRound.findMany({
      where: { phase: { in: LIVE_PHASES }, OR: [{ claimedBy: owner }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
      orderBy: { startedAt: "asc" },
      take: limit,
    });
    return rows.map(toRound);
  }

  async claimRound(id: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const taken = await this.db.gameRound.updateMany({
      where: { id, phase: { in: LIVE_PHASES }, OR: [{ claimedBy: owner }, { leaseUntil: null }, { leaseUntil: { lt: now } }] },
      data: { claimedBy: owner, leaseUntil },
    });
    return taken.count === 1;
  }

  async stepRound(id: string, owner: string, expected: { position: number; phase: GamePhase }, step: GameStep): Promise<boolean> {
    const { messageRefs, ...rest } = step;
    const moved = await this.db.gameRound.updateMany({
      where: { id, claimedBy: owner, position: expected.position, phase: expected.phase },
      data: {
        ...rest,
        ...(messageRefs ? { messageRefs: JSON.stringify(messageRefs) } : {}),
        // A new question starts with nobody answered.
        ...(step.position !== undefined && step.position !== expected.position ? { answered: 0, shownAnswers: 0, shownAt: null } : {}),
      },
    });
    return moved.count === 1;
  }

  async teamMisses(teamId: string): Promise<Map<string, { misses: number; reviews: number }>> {
    // Raw SQL: a grouping, which the client type shared by both databases leaves out (see database-client.ts).
    const rows = await this.db.$queryRaw<{ itemId: string; reviews: number | bigint; misses: number | bigint }[]>`
      SELECT "itemId", COUNT(*) AS "reviews", SUM(CASE WHEN "rating" = 1 THEN 1 ELSE 0 END) AS "misses"
      FROM "ReviewLog" WHERE "teamId" = ${teamId} GROUP BY "itemId"`;
    return new Map(rows.map((r) => [r.itemId, { misses: Number(r.misses), reviews: Number(r.reviews) }]));
  }

  async teamDue(teamId: string, now: Date): Promise<Map<string, number>> {
    const rows = await this.db.$queryRaw<{ itemId: string; members: number | bigint }[]>`
      SELECT c."itemId", COUNT(*) AS "members" FROM "CardState" c
      JOIN "Member" m ON m."userId" = c."userId" AND m."teamId" = ${teamId}
      WHERE c."due" <= ${now} AND c."state" > 0 GROUP BY c."itemId"`;
    return new Map(rows.map((r) => [r.itemId, Number(r.members)]));
  }
}
