// Fits learners' FSRS parameters: those who asked with /settings optimize first, then, once a week,
// everyone with enough new reviews. Each fit is claimed (one instance fits a person), runs in a
// child process, is adopted only when it predicts the learner's recent reviews better, and a learner
// who asked is told the outcome in a direct message. Teams' defaults are fitted the same way from
// their members' reviews, when an admin asks (/team parameters fit).
import { schedulingMessages } from "../core/i18n/scheduling-messages.ts";
import { localeOf } from "../core/core-deps.ts";
import type {
  FitJobStore,
  FitResult,
  FitReview,
  ParameterStore,
  TeamFitJobStore,
  TeamFitResult,
  TeamFitReview,
  TeamParameterStore,
} from "../core/ports/parameter-store.ts";
import { postKey, type PlatformSender } from "../core/ports/platform-sender.ts";
import type { ProfileStore } from "../core/ports/profile-store.ts";
import { view } from "../core/views/view.ts";
import type { Logger } from "../ops/logger.ts";
import { fitInProcess } from "../scheduling/fit-in-process.ts";
import type { FitAnswer, FitRequest } from "../scheduling/fit-parameters.ts";

/** Reviews since the last attempt (or ever) that make a learner due for the weekly fit. */
export const MIN_NEW_REVIEWS = 400;
const FITS_PER_TICK = 4;
const TEAM_FITS_PER_TICK = 1;
/** A team fit reads at most this many reviews (whole members' histories, the longest first): bounded time and memory. */
export const TEAM_FIT_MAX_REVIEWS = 200_000;

export interface ParameterFitJobOptions {
  fits: FitJobStore & ParameterStore;
  /** Teams' default parameters; without it the job fits learners only. */
  teamFits?: (TeamFitJobStore & TeamParameterStore) | undefined;
  profiles: Pick<ProfileStore, "profile">;
  sender: PlatformSender | null;
  logger: Logger;
  leaseMs: number;
  /** How a fit runs; a child process unless a caller (the bench) measures it in place. */
  fit?: (request: FitRequest, signal: AbortSignal) => Promise<FitAnswer>;
}

export class ParameterFitJob {
  private readonly o: ParameterFitJobOptions;
  /** Aborted by stop(): a fit under way ends and its learner stays due for the next instance. */
  private readonly stopping = new AbortController();

  constructor(o: ParameterFitJobOptions) {
    this.o = o;
  }

  /** Ends a fit under way (shutdown must not wait for one). */
  stop(): void {
    this.stopping.abort();
  }

  /** Fits whoever is due now; returns who was fitted here and with what outcome. */
  async tick(now: Date): Promise<{ userId: string; outcome: FitResult["outcome"] }[]> {
    const done: { userId: string; outcome: FitResult["outcome"] }[] = [];
    for (const userId of await this.o.fits.dueFits(now, MIN_NEW_REVIEWS, FITS_PER_TICK)) {
      if (this.stopping.signal.aborted) break;
      if (!(await this.o.fits.claimFit(userId, now, this.o.leaseMs))) continue;
      const result = await this.fitOne(userId, now);
      if (result) done.push({ userId, outcome: result.outcome });
    }
    return done;
  }

  private async fitOne(userId: string, now: Date): Promise<FitResult | null> {
    const [profile, asked, reviews] = await Promise.all([
      this.o.profiles.profile(userId),
      this.o.fits.lastFit(userId).then((f) => f?.requestedAt ?? null),
      this.o.fits.reviews(userId),
    ]);
    const request: FitRequest = {
      reviews: reviews.map(plainReview),
      current: profile?.personalParameters?.values ?? null,
    };
    let result: FitResult;
    try {
      const answer = await this.run(request, { userId });
      result =
        answer.outcome === "too-few"
          ? { outcome: "too-few", reviews: answer.reviews, fitLogLoss: null, currentLogLoss: null, adopted: null }
          : {
              outcome: answer.outcome,
              reviews: answer.reviews,
              fitLogLoss: answer.fit.logLoss,
              currentLogLoss: answer.current.logLoss,
              adopted:
                answer.outcome === "adopted"
                  ? {
                      values: answer.parameters,
                      source: "fitted",
                      reviews: answer.reviews,
                      fittedAt: now,
                      logLoss: answer.fit.logLoss,
                      teamId: null,
                    }
                  : null,
            };
    } catch (e) {
      if (this.stopping.signal.aborted) {
        await this.o.fits.releaseFit(userId);
        return null;
      }
      this.o.logger.error({ err: e, userId }, "parameter fit failed");
      result = { outcome: "failed", reviews: reviews.length, fitLogLoss: null, currentLogLoss: null, adopted: null };
    }
    await this.o.fits.finishFit(userId, result, now);
    if (asked && profile && this.o.sender) {
      const t = schedulingMessages(localeOf(profile, { userId, teamId: userId }));
      const body = t.lastFit({ ...result, when: now.toISOString().slice(0, 10) });
      await this.o.sender.direct(
        userId,
        view({ title: t.fitResultTitle, body: [body] }),
        postKey("parameter-fit", userId, asked.toISOString()),
      );
    }
    return result;
  }

  /** One fit, in a child process unless the caller gave its own way; `who` names it in the log. */
  private run(request: FitRequest, who: { userId: string } | { teamId: string }): Promise<FitAnswer> {
    const signal = this.stopping.signal;
    if (this.o.fit) return this.o.fit(request, signal);
    const onStart = (pid: number) => this.o.logger.info({ ...who, fitPid: pid, reviews: request.reviews.length }, "parameter fit started");
    return fitInProcess(request, { signal, onStart });
  }

  /** Fits the defaults of teams whose admin asked; returns which teams were fitted here and with what outcome. */
  async tickTeams(now: Date): Promise<{ teamId: string; outcome: FitResult["outcome"] }[]> {
    const teams = this.o.teamFits;
    if (!teams) return [];
    const done: { teamId: string; outcome: FitResult["outcome"] }[] = [];
    for (const teamId of await teams.dueTeamFits(now, TEAM_FITS_PER_TICK)) {
      if (this.stopping.signal.aborted) break;
      if (!(await teams.claimTeamFit(teamId, now, this.o.leaseMs))) continue;
      const result = await this.fitTeam(teams, teamId, now);
      if (result) done.push({ teamId, outcome: result.outcome });
    }
    return done;
  }

  private async fitTeam(teams: TeamFitJobStore & TeamParameterStore, teamId: string, now: Date): Promise<TeamFitResult | null> {
    const [current, asked, reviews] = await Promise.all([
      teams.teamParameters(teamId),
      teams.lastTeamFit(teamId).then((f) => (f?.requestedAt && f.requestedBy ? { at: f.requestedAt, by: f.requestedBy } : null)),
      teams.teamReviews(teamId, TEAM_FIT_MAX_REVIEWS),
    ]);
    const members = new Set(reviews.map((r) => r.userId)).size;
    const request: FitRequest = { reviews: teamPlainReviews(reviews), current: current?.values ?? null };
    let result: TeamFitResult;
    try {
      const answer = await this.run(request, { teamId });
      result =
        answer.outcome === "too-few"
          ? { outcome: "too-few", reviews: answer.reviews, members, fitLogLoss: null, currentLogLoss: null, adopted: null }
          : {
              outcome: answer.outcome,
              reviews: answer.reviews,
              members,
              fitLogLoss: answer.fit.logLoss,
              currentLogLoss: answer.current.logLoss,
              adopted:
                answer.outcome === "adopted"
                  ? { values: answer.parameters, reviews: answer.reviews, members, fittedAt: now, logLoss: answer.fit.logLoss }
                  : null,
            };
    } catch (e) {
      if (this.stopping.signal.aborted) {
        await teams.releaseTeamFit(teamId);
        return null;
      }
      this.o.logger.error({ err: e, teamId }, "team parameter fit failed");
      result = { outcome: "failed", reviews: reviews.length, members, fitLogLoss: null, currentLogLoss: null, adopted: null };
    }
    await teams.finishTeamFit(teamId, result, now);
    const admin = asked ? await this.o.profiles.profile(asked.by) : null;
    if (asked && admin && this.o.sender) {
      const t = schedulingMessages(localeOf(admin, { userId: admin.id, teamId }));
      const body = t.teamLastFit({ ...result, when: now.toISOString().slice(0, 10) });
      await this.o.sender.direct(
        admin.id,
        view({ title: t.teamFitResultTitle, body: [body] }),
        postKey("team-parameter-fit", teamId, asked.at.toISOString()),
      );
    }
    return result;
  }
}

/** A team's reviews as the optimizer reads them: each member's card is a card of its own, so one member's history never runs into another's. */
export function teamPlainReviews(reviews: readonly TeamFitReview[]): FitRequest["reviews"] {
  return reviews.map((r) => plainReview({ ...r, itemId: `${r.userId}\u0000${r.itemId}` }));
}

function plainReview(r: FitReview): FitRequest["reviews"][number] {
  return { itemId: r.itemId, at: r.reviewedAt.getTime(), rating: r.rating, studyDay: r.studyDay };
}
