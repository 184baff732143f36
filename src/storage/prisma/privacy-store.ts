// PrivacyStore on Prisma: a person's history and cards for /export, and deleting them for /forget-me.
import type { ForgetCounts, PrivacyStore, ReviewHistoryRow } from "../../core/ports/privacy-store.ts";
import { CARD_STATES, cardStateFromJson, ratingSchema, type CardState } from "../../core/scheduler/card-state.ts";
import { decodeCard } from "../item-codec.ts";
import type { Db } from "../open-database.ts";
import type { PrismaProfileStore } from "./profile-store.ts";
import { toTeamSettings, type TeamRow } from "./rows.ts";

export class PrismaPrivacyStore implements PrivacyStore {
  private readonly db: Db;
  /** Told when a person is deleted, so that it meets them again as new. */
  private readonly profiles: PrismaProfileStore;

  constructor(db: Db, profiles: PrismaProfileStore) {
    this.db = db;
    this.profiles = profiles;
  }

  async reviewHistory(userId: string): Promise<ReviewHistoryRow[]> {
    const rows = await this.db.reviewLog.findMany({ where: { userId }, orderBy: [{ reviewedAt: "asc" }, { id: "asc" }] });
    return rows.map((r) => {
      const after = cardStateFromJson(r.after);
      const before = r.before ? cardStateFromJson(r.before) : null;
      return {
        reviewedAt: r.reviewedAt,
        itemId: r.itemId,
        teamId: r.teamId,
        rating: ratingSchema.parse(r.rating),
        source: r.source,
        stateBefore: r.stateBefore,
        intervalDays: Math.max(0, (after.due.getTime() - r.reviewedAt.getTime()) / 86_400_000),
        elapsedDays: before?.lastReview ? Math.max(0, (r.reviewedAt.getTime() - before.lastReview.getTime()) / 86_400_000) : 0,
      };
    });
  }

  async cardStates(userId: string): Promise<{ itemId: string; card: CardState }[]> {
    const rows = await this.db.cardState.findMany({ where: { userId, state: { gt: CARD_STATES.new } }, orderBy: { itemId: "asc" } });
    return rows.flatMap((r) => {
      const record = decodeCard(r);
      return record.card ? [{ itemId: r.itemId, card: record.card }] : [];
    });
  }

  async forgetUser(userId: string): Promise<ForgetCounts> {
    const quizzes = await this.db.quizSession.findMany({ where: { userId }, select: { id: true } });
    const [reviews, cards, teams, reminders, answers, reports, roundAnswers] = await this.db.$transaction([
      this.db.reviewLog.count({ where: { userId } }),
      this.db.cardState.count({ where: { userId } }),
      this.db.member.count({ where: { userId } }),
      this.db.reminderDelivery.count({ where: { userId } }),
      this.db.qotdAnswer.count({ where: { userId } }),
      this.db.problemReport.count({ where: { userId } }),
      this.db.gameAnswer.count({ where: { userId } }),
    ]);
    const adminTeams = await this.db.team.findMany({
      where: { adminIds: { contains: JSON.stringify(userId) } },
      select: { id: true, adminIds: true },
    });
    await this.db.$transaction([
      // Rows that name the person without a foreign key to them.
      this.db.quizAnswer.deleteMany({ where: { sessionId: { in: quizzes.map((q) => q.id) } } }),
      this.db.quizSession.deleteMany({ where: { userId } }),
      this.db.qotdAnswer.deleteMany({ where: { userId } }),
      this.db.gameAnswer.deleteMany({ where: { userId } }),
      // A round they started stays the team's; only their name leaves it.
      this.db.gameRound.updateMany({ where: { starterId: userId }, data: { starterId: "" } }),
      this.db.teamPost.deleteMany({ where: { kind: "milestone", key: { startsWith: `${userId}:` } } }),
      ...adminTeams.map((t) =>
        this.db.team.update({
          where: { id: t.id },
          data: { adminIds: JSON.stringify(toTeamSettings({ ...t } as TeamRow).adminIds.filter((a) => a !== userId)) },
        }),
      ),
      // The rest cascades from the user: memberships, card states, reviews, leaderboard counters, reminders, problem reports.
      this.db.user.deleteMany({ where: { id: userId } }),
      // A personal team (Discord DMs) belongs to the person alone.
      this.db.team.deleteMany({ where: { id: `${userId.slice(0, userId.indexOf(":"))}:@${userId.slice(userId.indexOf(":") + 1)}` } }),
    ]);
    this.profiles.forgetEntered(userId);
    return { reviews, cards, teams, quizzes: quizzes.length, answers, roundAnswers, reminders, reports };
  }
}
