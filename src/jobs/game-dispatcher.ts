// Drives live quiz rounds: posts each question, keeps its answered count fresh, closes it at its
// deadline (or once every player has answered), shows the results and the scoreboard, pauses, and
// after the last question (or a stop) posts the podium. It ticks about twice a second.
// Several instances may tick: each round is leased to one instance (renewed every tick, taken over
// by another when it runs out), every move is a conditional write from the state it was read in,
// and every post carries a key, so a post repeated after a crash or a takeover is refused by the
// platform (Discord's nonce, the Slack sender's marker). An edit repeated shows the same thing.
import type { CardStore } from "../core/ports/card-store.ts";
import { isGraded, type GradedItem } from "../core/deck/item.ts";
import { closedView, podiumView, questionView, scoreboardView } from "../core/game/game-views.ts";
import { playersBefore } from "../core/game/game-scoring.ts";
import { gameMessages } from "../core/i18n/game-messages.ts";
import type { GameAnswerRecord, GameRoundRecord, GameStore, GameStep } from "../core/ports/game-store.ts";
import { postKey, type PlatformSender, type SendResult } from "../core/ports/platform-sender.ts";
import type { ProfileStore } from "../core/ports/profile-store.ts";
import { view } from "../core/views/view.ts";
import type { Logger } from "../ops/logger.ts";

export interface GameTiming {
  tickMs: number;
  leaseMs: number;
  refreshMs: number;
  pauseMs: number;
  retryMs: number;
  staleMs: number;
}

export const GAME_TIMING: GameTiming = {
  /** How often the driver looks at its rounds. */
  tickMs: 500,
  /** How long an instance holds a round without renewing: a dead instance's round moves on after this. */
  leaseMs: 5_000,
  /** The answered count on a question is edited at most this often (inside both platforms' edit limits). */
  refreshMs: 2_000,
  /** Between a question's scoreboard and the next question. */
  pauseMs: 3_000,
  /** After a post or edit failed for a reason worth retrying: the round waits this long before trying again. */
  retryMs: 2_000,
  /** A running round whose step has been due this long (every instance was down) is ended rather than resumed. */
  staleMs: 10 * 60_000,
};

export interface GameDispatcherOptions {
  games: GameStore;
  cards: Pick<CardStore, "items">;
  profiles: Pick<ProfileStore, "profile">;
  sender: PlatformSender;
  logger: Logger;
  /** This instance, as its leases name it. */
  owner: string;
  timing?: Partial<GameTiming>;
}

export class GameDispatcher {
  private readonly o: GameDispatcherOptions;
  private readonly timing: GameTiming;
  /** Players of earlier questions, by round and position: they no longer change once a question closed. */
  private readonly players = new Map<string, number>();
  /** Rounds whose last send failed, and when to try again: pacing only (any instance may retry sooner). */
  private readonly retryAt = new Map<string, number>();
  /** Since when the current step of a round (by round, position and phase) has failed to send, as this instance saw it. */
  private readonly failingSince = new Map<string, number>();

  constructor(o: GameDispatcherOptions) {
    this.o = o;
    this.timing = { ...GAME_TIMING, ...o.timing };
  }

  /** Moves every round this instance holds (or can take) one step where one is due; the count of steps taken. */
  async tick(now: Date): Promise<number> {
    const { games, owner } = this.o;
    const rounds = await games.drivableRounds(owner, now, 100);
    const steps = await Promise.all(
      rounds.map(async (round) => {
        if ((this.retryAt.get(round.id) ?? 0) > now.getTime()) return 0;
        if (!(await games.claimRound(round.id, owner, now, new Date(now.getTime() + this.timing.leaseMs)))) return 0;
        try {
          return await this.drive({ ...round, claimedBy: owner }, now);
        } catch (e) {
          this.o.logger.error({ err: e, round: round.id }, "game round step failed");
          return 0;
        }
      }),
    );
    return steps.reduce((a, b) => a + b, 0);
  }

  private async drive(round: GameRoundRecord, now: Date): Promise<number> {
    if (round.status === "running" && round.deadline && now.getTime() - round.deadline.getTime() > this.timing.staleMs) {
      // Nobody could have played on: the round is ended (its podium says so) rather than resumed.
      await this.o.games.endRound(round.id, "stopped", now);
      return 1;
    }
    if (round.status !== "running") return this.finish(round, now);
    switch (round.phase) {
      case "post":
        return this.post(round, now);
      case "open":
        return this.open(round, now);
      case "close":
        return this.close(round, now);
      case "pause":
        if (round.deadline && now < round.deadline) return 0;
        return this.step(round, { position: round.position + 1, phase: "post", deadline: null, openedAt: null });
      case "over":
        return 0;
    }
  }

  /** True once the round's current step has failed to send for `staleMs`: it is given up rather than retried forever. */
  private failingTooLong(round: GameRoundRecord, now: Date): boolean {
    const key = `${round.id}|${round.position}|${round.phase}`;
    const since = this.failingSince.get(key) ?? now.getTime();
    this.failingSince.set(key, since);
    return now.getTime() - since >= this.timing.staleMs;
  }

  /** Leaves a round alone here until its retry time. */
  private later(round: GameRoundRecord, now: Date): number {
    if (this.retryAt.size > 10_000) this.retryAt.clear();
    if (this.failingSince.size > 10_000) this.failingSince.clear();
    this.retryAt.set(round.id, now.getTime() + this.timing.retryMs);
    return 0;
  }

  private step(round: GameRoundRecord, step: GameStep): Promise<number> {
    return this.o.games
      .stepRound(round.id, this.o.owner, { position: round.position, phase: round.phase }, step)
      .then((moved) => (moved ? 1 : 0));
  }

  private async item(round: GameRoundRecord, position = round.position): Promise<GradedItem | null> {
    const [item] = await this.o.cards.items([round.itemIds[position] as string]);
    return item && isGraded(item.content) ? item.content : null;
  }

  private async post(round: GameRoundRecord, now: Date): Promise<number> {
    const { games, sender, logger } = this.o;
    const item = await this.item(round);
    if (!item) {
      // Its deck was removed meanwhile: the round cannot go on.
      await games.endRound(round.id, "stopped", now);
      return 1;
    }
    // A question posted before a crash keeps its clock; one never posted gets a fresh one.
    const keep = round.openedAt !== null && round.deadline !== null && round.deadline > now;
    const openedAt = keep ? (round.openedAt as Date) : now;
    const deadline = keep ? (round.deadline as Date) : new Date(now.getTime() + round.seconds * 1000);
    if (!keep && !(await games.stepRound(round.id, this.o.owner, { position: round.position, phase: "post" }, { openedAt, deadline })))
      return 0;
    const sent = await sender.channel(
      round.teamId,
      round.channelId,
      questionView(round, round.position, item, deadline, 0),
      [],
      postKey("game", round.id, round.position, "question"),
    );
    if (!sent.ok) return this.postFailed(round, sent, now);
    const messageRefs = [...round.messageRefs];
    messageRefs[round.position] = sent.messageRef;
    logger.debug({ round: round.id, position: round.position }, "game question posted");
    return this.step(round, { phase: "open", messageRefs, openedAt, deadline, shownAnswers: 0, shownAt: now });
  }

  /**
   * A channel the bot cannot post in ends the round; the starter hears why. Other failures are tried
   * again, until a question could not be posted for `staleMs` (its first attempt's clock tells).
   */
  private async postFailed(round: GameRoundRecord, sent: Extract<SendResult, { ok: false }>, now: Date): Promise<number> {
    const { games, sender, profiles, logger } = this.o;
    logger.warn({ round: round.id, reason: sent.reason, detail: sent.detail }, "game post failed");
    const hopeless = sent.reason === "forbidden" || sent.reason === "not-found";
    if (!hopeless && !this.failingTooLong(round, now)) return this.later(round, now);
    if (round.position === 0) {
      // Nothing was shown: nothing of the round is kept.
      await games.deleteRound(round.id);
    } else {
      await games.endRound(round.id, "stopped", now);
    }
    const starter = round.starterId ? await profiles.profile(round.starterId) : null;
    const locale = starter?.locale ?? starter?.clientLocale ?? round.locale;
    if (round.starterId) await sender.direct(round.starterId, view({ body: [gameMessages(locale).cannotPost], tone: "error" }));
    return 1;
  }

  private async open(round: GameRoundRecord, now: Date): Promise<number> {
    const deadline = round.deadline ?? now;
    if (now >= deadline || (await this.everyoneAnswered(round))) return this.step(round, { phase: "close" });
    const ref = round.messageRefs[round.position];
    if (round.answered === round.shownAnswers || !ref) return 0;
    if (round.shownAt && now.getTime() - round.shownAt.getTime() < this.timing.refreshMs) return 0;
    const item = await this.item(round);
    if (!item) return 0;
    // The count read now: answers recorded during the edit show at the next one.
    const edited = await this.o.sender.edit(
      round.teamId,
      round.channelId,
      ref,
      questionView(round, round.position, item, deadline, round.answered),
    );
    if (!edited.ok) this.o.logger.warn({ round: round.id, reason: edited.reason }, "game question refresh failed");
    return this.step(round, { shownAnswers: round.answered, shownAt: now });
  }

  /** Everyone who answered an earlier question has answered this one (the first question waits for its deadline). */
  private async everyoneAnswered(round: GameRoundRecord): Promise<boolean> {
    if (round.position === 0 || round.answered === 0) return false;
    const key = `${round.id}|${round.position}`;
    let before = this.players.get(key);
    let answers: GameAnswerRecord[] | undefined;
    if (before === undefined) {
      answers = await this.o.games.answers(round.id);
      before = playersBefore(answers, round.position).size;
      if (this.players.size > 10_000) this.players.clear();
      this.players.set(key, before);
    }
    if (before === 0 || round.answered < before) return false;
    answers ??= await this.o.games.answers(round.id);
    const here = new Set(answers.filter((a) => a.position === round.position).map((a) => a.userId));
    return [...playersBefore(answers, round.position)].every((p) => here.has(p));
  }

  private async close(round: GameRoundRecord, now: Date): Promise<number> {
    const { games, sender } = this.o;
    const [item, answers] = await Promise.all([this.item(round), games.answers(round.id)]);
    const ref = round.messageRefs[round.position];
    if (item && ref) {
      const edited = await sender.edit(
        round.teamId,
        round.channelId,
        ref,
        closedView(round, round.position, item, answers, round.openedAt),
      );
      if (!edited.ok) this.o.logger.warn({ round: round.id, reason: edited.reason }, "game question close failed");
    }
    const last = round.position >= round.itemIds.length - 1;
    if (last) {
      await games.endRound(round.id, "finished", now);
      return 1;
    }
    const board = await sender.channel(
      round.teamId,
      round.channelId,
      scoreboardView(round, round.position, answers),
      [],
      postKey("game", round.id, round.position, "scores"),
    );
    if (!board.ok) {
      this.o.logger.warn({ round: round.id, reason: board.reason }, "game scoreboard post failed");
      // A scoreboard that cannot go out for long is skipped: the round goes on.
      if (this.failingTooLong(round, now))
        return this.step(round, { phase: "pause", deadline: new Date(now.getTime() + this.timing.pauseMs) });
      if (board.reason !== "forbidden" && board.reason !== "not-found") return this.later(round, now);
      await games.endRound(round.id, "stopped", now);
      return 1;
    }
    return this.step(round, { phase: "pause", deadline: new Date(now.getTime() + this.timing.pauseMs) });
  }

  /** An ended round: its open question closed, and the podium posted once. */
  private async finish(round: GameRoundRecord, now: Date): Promise<number> {
    const { games, sender } = this.o;
    const answers = await games.answers(round.id);
    const ref = round.messageRefs[round.position];
    if (round.status === "stopped" && (round.phase === "open" || round.phase === "close") && ref) {
      const item = await this.item(round);
      if (item) await sender.edit(round.teamId, round.channelId, ref, closedView(round, round.position, item, answers, round.openedAt));
    }
    const podium = await sender.channel(
      round.teamId,
      round.channelId,
      podiumView(round, answers, round.status === "stopped"),
      [],
      postKey("game", round.id, "podium"),
    );
    if (!podium.ok) {
      this.o.logger.warn({ round: round.id, reason: podium.reason }, "game podium post failed");
      // A channel that refuses posts will not take the podium later either.
      if (podium.reason !== "forbidden" && podium.reason !== "not-found" && !this.failingTooLong(round, now)) return this.later(round, now);
    }
    return this.step(round, { phase: "over" });
  }
}

/** Ticks the dispatcher every `tickMs` (never two ticks at once) until stopped; stopping waits for a tick under way. */
export function startGameTicker(o: { dispatcher: GameDispatcher; logger: Logger; tickMs?: number; now?: () => Date }): {
  stop(): Promise<void>;
} {
  const now = o.now ?? (() => new Date());
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const loop = () => {
    running = o.dispatcher
      .tick(now())
      .then(
        () => undefined,
        (e: unknown) => o.logger.error({ err: e }, "game tick failed"),
      )
      .finally(() => {
        if (!stopped) timer = setTimeout(loop, o.tickMs ?? GAME_TIMING.tickMs);
      });
  };
  loop();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
