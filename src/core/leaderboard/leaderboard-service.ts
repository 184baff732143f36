// Team leaderboards: the top 10 and the caller's own rank, by XP, streak, reviews or accuracy, for
// this week (from Monday in the team's time zone), this month, or all time. Ties share a rank.
// Hidden people rank nowhere; they still see their own numbers.
import { actionId } from "../actions/action-id.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import type { Actor } from "../identity.ts";
import { messages } from "../i18n/messages.ts";
import type { LeaderboardMetric } from "../ports/leaderboard-store.ts";
import type { LeaderboardRow } from "../ports/records.ts";
import { periodKey, type PeriodName } from "../time/periods.ts";
import { altText } from "../views/alt-text.ts";
import { userMention } from "../views/user-mention.ts";
import { boardPicture } from "./board-picture.ts";
import { update, view, type Button, type Reply } from "../views/view.ts";

export const LEADERBOARD_SIZE = 10;
/** Accuracy ranks only people with this many reviews in the period, so three lucky answers do not top it. */
export const ACCURACY_MIN_REVIEWS = 10;
export const PERIODS: PeriodName[] = ["week", "month", "all"];
export const METRICS: LeaderboardMetric[] = ["xp", "streak", "reviews", "accuracy"];

/** Standard competition ranking: equal values share a rank, the next rank skips ("1, 2, 2, 4"). */
export function rankRows<T extends { value: number }>(sorted: T[], firstRank = 1): (T & { rank: number })[] {
  const out: (T & { rank: number })[] = [];
  sorted.forEach((row, i) => {
    const previous = out[i - 1];
    out.push({ ...row, rank: previous && previous.value === row.value ? previous.rank : firstRank + i });
  });
  return out;
}

/** The ports and inputs LeaderboardService uses. */
export type LeaderboardDeps = Pick<CoreStores, "profiles" | "teams" | "leaderboards"> & Pick<CoreDeps, "defaultTimeZone">;

export class LeaderboardService {
  private readonly deps: LeaderboardDeps;

  constructor(deps: LeaderboardDeps) {
    this.deps = deps;
  }

  async show(actor: Actor, period: PeriodName, metric: LeaderboardMetric, now: Date): Promise<Reply> {
    const { profiles, teams, leaderboards } = this.deps;
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const team = await teams.teamSettings(actor.teamId);
    const board = await leaderboards.leaderboard({
      teamId: actor.teamId,
      period: periodKey(period, now, team.timeZone),
      metric,
      userId: profile.id,
      limit: LEADERBOARD_SIZE,
      minReviews: metric === "accuracy" ? ACCURACY_MIN_REVIEWS : 1,
      now,
    });
    const format = (row: Pick<LeaderboardRow, "value">) => t.leaderboardValue(metric, row.value);
    const lines = board.top.map((row) => `${row.rank}. ${userMention(row.userId)} · ${format(row)}`);
    const me = profile.hidden
      ? t.leaderboardHidden(board.me ? format(board.me) : format({ value: 0 }))
      : board.me && board.me.rank !== null
        ? t.leaderboardYou(board.me.rank, format(board.me))
        : t.leaderboardNotRanked(metric === "accuracy" ? ACCURACY_MIN_REVIEWS : 0);
    // The other periods with this metric, and the other metrics for this period (each button once).
    const periodButtons: Button[] = PERIODS.filter((p) => p !== period).map((p) => ({
      action: actionId({ kind: "leaderboard", period: p, metric }),
      label: t.periodName[p],
      style: "secondary",
    }));
    const metricButtons: Button[] = METRICS.filter((m) => m !== metric).map((m) => ({
      action: actionId({ kind: "leaderboard", period, metric: m }),
      label: t.metricName[m],
      style: "secondary",
    }));
    const shown = view({
      title: t.leaderboardTitle(t.periodName[period], t.metricName[metric]),
      body: [lines.length > 0 ? lines.join("\n") : t.leaderboardEmpty, me],
      footer: period === "week" ? t.weekStartsMonday(team.timeZone) : undefined,
      buttons: [periodButtons, metricButtons],
    });
    if (!profile.images) return update(shown);
    const picture = boardPicture(
      { title: shown.title ?? "", top: board.top, self: profile.id, format: (value) => format({ value }), own: me },
      locale,
    );
    return { ...update(shown), picture: { name: `leaderboard-${period}-${metric}`, picture, alt: altText(shown) } };
  }
}
