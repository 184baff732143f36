// Team channel posts: the question of the day (and its results when it closes), the weekly recap,
// and streak milestones. Each post is claimed before it is sent, so several instances post it once;
// a post that failed (or whose instance died) is retried when its claim's lease runs out, and is
// recorded done only once it went out. Every send carries its post's key, so a platform that saw
// an attempt through refuses the repeat.
import type { Bot } from "../core/bot.ts";
import { isGraded } from "../core/deck/item.ts";
import { messages } from "../core/i18n/messages.ts";
import { postKey, type PlatformSender } from "../core/ports/platform-sender.ts";
import type { CardStore } from "../core/ports/card-store.ts";
import type { QotdStore } from "../core/ports/qotd-store.ts";
import type { TeamPostStore } from "../core/ports/team-post-store.ts";
import type { TeamStore } from "../core/ports/team-store.ts";
import { pickQuestion, QOTD_NO_REPEAT_DAYS, QOTD_OPEN_MS, QOTD_RESULTS_POST } from "../core/qotd/qotd-service.ts";
import { randomId, seededRandom } from "../core/random/seeded-random.ts";
import { dueReminder, localDate, nextOccurrence, occurrence } from "../core/reminders/reminder-schedule.ts";
import { recapPicture } from "../core/team/recap-picture.ts";
import { nextRecapAt } from "../core/team/recap-schedule.ts";
import { previousWeekKey, weekKey, weekStart } from "../core/time/periods.ts";
import { addDays } from "../core/time/zoned-time.ts";
import { userMention } from "../core/views/user-mention.ts";
import { view } from "../core/views/view.ts";
import type { Logger } from "../ops/logger.ts";

export interface TeamDispatcherOptions {
  teamPosts: TeamPostStore;
  qotd: QotdStore;
  teams: TeamStore;
  /** The items a question of the day is picked from, and shown. */
  cards: CardStore;
  bot: Bot;
  sender: PlatformSender;
  logger: Logger;
  owner: string;
  leaseMs?: number;
}

export class TeamDispatcher {
  private readonly leaseMs: number;

  private readonly o: TeamDispatcherOptions;

  constructor(o: TeamDispatcherOptions) {
    this.o = o;
    this.leaseMs = o.leaseMs ?? 120_000;
  }

  async tick(now: Date): Promise<{ questions: number; results: number; recaps: number; milestones: number }> {
    const questions = await this.postQuestions(now);
    const results = await this.closeQuestions(now);
    const recaps = await this.postRecaps(now);
    const milestones = await this.postMilestones(now);
    return { questions, results, recaps, milestones };
  }

  private lease(now: Date): Date {
    return new Date(now.getTime() + this.leaseMs);
  }

  async postQuestions(now: Date): Promise<number> {
    const { teamPosts, cards, qotd, bot, sender, logger } = this.o;
    let posted = 0;
    for (const team of await teamPosts.dueTeams("qotd", now, 100)) {
      try {
        if (team.qotdMinute === null || !team.channelId) {
          await teamPosts.advanceTeam("qotd", team.id, team.dueAt, null);
          continue;
        }
        // After downtime: today's question once, never a past day's.
        const decision = dueReminder({ day: localDate(team.dueAt, team.timeZone), slot: 0 }, team.qotdMinute, team.timeZone, now);
        if ("reschedule" in decision) {
          await teamPosts.advanceTeam("qotd", team.id, team.dueAt, decision.reschedule.at);
          continue;
        }
        const day = decision.send.day;
        const candidates = (await cards.gradedItems({ userId: "", teamId: team.id })).map((c) => c.item);
        const recent = new Set(await qotd.recentQotdItems(team.id, addDays(day, -QOTD_NO_REPEAT_DAYS)));
        const item = pickQuestion(team.id, day, candidates, recent);
        const next = nextOccurrence(
          team.qotdMinute,
          team.timeZone,
          new Date(Math.max(now.getTime(), occurrence(day, team.qotdMinute, team.timeZone).getTime())),
        );
        if (!item) {
          await teamPosts.advanceTeam("qotd", team.id, team.dueAt, next.at);
          continue;
        }
        const claim = await qotd.claimQotd({
          // One id per team and day: every instance claims the same question.
          id: randomId(seededRandom(`qotd|${team.id}|${day}`)),
          teamId: team.id,
          day,
          itemId: item.id,
          channelId: team.channelId,
          closesAt: new Date(now.getTime() + QOTD_OPEN_MS),
          now,
          leaseUntil: this.lease(now),
        });
        // Held by another instance and not posted yet: the team stays due, so the post is retried here
        // if that instance fails or dies (its lease runs out).
        if (claim.status === "taken") continue;
        if (claim.status === "claimed") {
          const [content] = await cards.items([claim.itemId]);
          if (!content || !isGraded(content.content)) throw new Error(`question ${claim.itemId} is not a graded item`);
          const sent = await sender.channel(
            team.id,
            team.channelId,
            bot.qotd.questionView(claim.id, content.content, team.locale),
            undefined,
            postKey("qotd", claim.id),
          );
          if (!sent.ok) {
            logger.warn({ team: team.id, reason: sent.reason, detail: sent.detail }, "question of the day not posted; will retry");
            continue;
          }
          await qotd.markQotdPosted(claim.id, sent.messageRef, now);
          posted += 1;
        }
        await teamPosts.advanceTeam("qotd", team.id, team.dueAt, next.at);
      } catch (e) {
        logger.error({ err: e, team: team.id }, "question of the day failed");
      }
    }
    return posted;
  }

  async closeQuestions(now: Date): Promise<number> {
    const { qotd, teamPosts, teams, cards, bot, sender, logger } = this.o;
    let closed = 0;
    for (const q of await qotd.dueQotdClosings(now, 100)) {
      try {
        // Answers stop at closesAt; the question is recorded closed only with its results posted.
        const claim = await teamPosts.claimTeamPost({
          teamId: q.teamId,
          kind: QOTD_RESULTS_POST,
          key: q.id,
          now,
          leaseUntil: this.lease(now),
          owner: this.o.owner,
        });
        if (claim === "done") await qotd.closeQotd(q.id, now);
        if (claim !== "claimed") continue;
        const team = await teams.teamSettings(q.teamId);
        const [item] = await cards.items([q.itemId]);
        if (!item || !isGraded(item.content)) {
          await qotd.closeQotd(q.id, now);
          continue;
        }
        const result = await sender.channel(
          q.teamId,
          q.channelId,
          bot.qotd.resultsView(q.id, item.content, await qotd.qotdTally(q.id), team.locale),
          undefined,
          postKey(QOTD_RESULTS_POST, q.id),
        );
        if (!result.ok) {
          logger.warn(
            { team: q.teamId, reason: result.reason, detail: result.detail },
            "question of the day results not posted; will retry",
          );
          continue;
        }
        await qotd.closeQotd(q.id, now);
        closed += 1;
      } catch (e) {
        logger.error({ err: e, qotd: q.id }, "closing the question of the day failed");
      }
    }
    return closed;
  }

  async postRecaps(now: Date): Promise<number> {
    const { teamPosts, sender, logger } = this.o;
    let posted = 0;
    for (const team of await teamPosts.dueTeams("recap", now, 100)) {
      try {
        const next = nextRecapAt(now, team.timeZone);
        if (!team.recapEnabled || !team.channelId) {
          await teamPosts.advanceTeam("recap", team.id, team.dueAt, null);
          continue;
        }
        // The week that just ended (after downtime, only the latest one: a recap is news or nothing).
        const week = previousWeekKey(weekKey(now, team.timeZone));
        const claim = await teamPosts.claimTeamPost({
          teamId: team.id,
          kind: "recap",
          key: week,
          now,
          leaseUntil: this.lease(now),
          owner: this.o.owner,
        });
        // Held by another instance and not posted yet: the team stays due, so the recap is retried here
        // if that instance fails or dies (its lease runs out).
        if (claim === "taken") continue;
        if (claim === "claimed") {
          const from = weekStart(week, team.timeZone);
          const to = weekStart(`w${addDays(week.slice(1), 7)}`, team.timeZone);
          const r = await teamPosts.weeklyRecap(team.id, week, from, to);
          if (r.reviews > 0) {
            const t = messages(team.locale);
            const catalogName = r.missedTopic ? this.o.bot.topicName(r.missedTopic, team.locale) : null;
            const lines = t.recapLines({
              top: r.top.map((row) => `${row.rank}. ${userMention(row.userId)} · ${row.value} XP`),
              reviews: r.reviews,
              retention: r.matureReviews === 0 ? t.retentionNone : `${((100 * r.matureRecalled) / r.matureReviews).toFixed(1)}%`,
              missedTopic: catalogName,
            });
            const v = view({ title: t.recapTitle(week.slice(1)), body: lines });
            // The picture: the week's board, with the team's figures (every line but the top list) under it.
            const picture = recapPicture(
              { week: week.slice(1), top: r.top, figures: lines.slice(1).map((line) => line.replace(/\*\*/g, "")), post: v },
              team.locale,
            );
            const sent = await sender.channel(team.id, team.channelId, v, undefined, postKey("recap", team.id, week), { picture });
            if (!sent.ok) {
              logger.warn({ team: team.id, reason: sent.reason }, "weekly recap not posted; will retry");
              continue;
            }
            posted += 1;
          }
          await teamPosts.markTeamPostDone(team.id, "recap", week, now);
        }
        await teamPosts.advanceTeam("recap", team.id, team.dueAt, next);
      } catch (e) {
        logger.error({ err: e, team: team.id }, "weekly recap failed");
      }
    }
    return posted;
  }

  async postMilestones(now: Date): Promise<number> {
    const { teamPosts, teams, sender, logger } = this.o;
    let posted = 0;
    for (const pending of await teamPosts.pendingTeamPosts("milestone", now, 100)) {
      try {
        const claim = await teamPosts.claimTeamPost({
          teamId: pending.teamId,
          kind: "milestone",
          key: pending.key,
          now,
          leaseUntil: this.lease(now),
          owner: this.o.owner,
        });
        if (claim !== "claimed") continue;
        const team = await teams.teamSettings(pending.teamId);
        const { userId, days } = JSON.parse(pending.payload ?? "{}") as { userId?: string; days?: number };
        if (!team.channelId || !team.milestones || !userId || !days) {
          await teamPosts.markTeamPostDone(pending.teamId, "milestone", pending.key, now);
          continue;
        }
        const sent = await sender.channel(
          team.id,
          team.channelId,
          view({ body: [messages(team.locale).milestone(userMention(userId), days)], tone: "success" }),
          undefined,
          postKey("milestone", pending.teamId, pending.key),
        );
        if (sent.ok) {
          await teamPosts.markTeamPostDone(pending.teamId, "milestone", pending.key, now);
          posted += 1;
        }
      } catch (e) {
        logger.error({ err: e, team: pending.teamId }, "milestone post failed");
      }
    }
    return posted;
  }
}
