// Live quiz rounds in a team channel (/game): starting one, stopping it, and a player's click on a
// question's button. The round's public messages are posted by its driver (src/jobs/game-dispatcher.ts),
// not by these replies: a reply goes to the one person who acted, privately.
import type { Command } from "../commands/command.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import { isGraded } from "../deck/item.ts";
import type { Actor } from "../identity.ts";
import { gameMessages } from "../i18n/game-messages.ts";
import { messages } from "../i18n/messages.ts";
import type { GameRoundRecord, GameStore } from "../ports/game-store.ts";
import { randomId, seededRandom } from "../random/seeded-random.ts";
import { RATINGS } from "../scheduler/card-state.ts";
import { choiceCount, isCorrectChoice } from "../study/choice-order.ts";
import { recordRating } from "../study/record-rating.ts";
import { studyDayFor } from "../time/study-day.ts";
import { placeMention } from "../views/place-mention.ts";
import { notice, view, type Reply } from "../views/view.ts";
import { pickRoundItems } from "./game-items.ts";
import { GAME_QUESTIONS, GAME_SECONDS, outOfRange } from "./game-options.ts";
import { pointsFor } from "./game-scoring.ts";
import { choiceLabelIn } from "./game-views.ts";

export type GameStart = Extract<Command, { name: "game" }>;

/** The ports and inputs GameService uses. */
export type GameDeps = Pick<CoreStores, "profiles" | "teams" | "cards" | "reviews"> & { games: GameStore } & Pick<
    CoreDeps,
    "catalog" | "random" | "defaultTimeZone"
  >;

/** Where a running round is: its latest question's message, once posted, else its channel. */
function placeOf(round: GameRoundRecord): string {
  return placeMention({ teamId: round.teamId, channelId: round.channelId, messageRef: round.messageRefs.at(-1) ?? null });
}

export class GameService {
  private readonly deps: GameDeps;

  constructor(deps: GameDeps) {
    this.deps = deps;
  }

  async start(actor: Actor, command: GameStart, now: Date): Promise<Reply> {
    const { profiles, teams, cards, games, catalog } = this.deps;
    // Read only until the round is created: a refused start writes nothing.
    const locale = localeOf(await profiles.profile(actor.userId), actor);
    const g = gameMessages(locale);
    const range = outOfRange(command);
    if (range)
      return notice(
        view({
          body: [messages(locale).invalidOption(range.option, messages(locale).optionWholeNumber(range.min, range.max))],
          tone: "error",
        }),
      );
    if (!actor.channelId) return notice(view({ body: [g.needsChannel], tone: "info" }));
    const running = await games.runningRound(actor.teamId, actor.channelId);
    if (running) return notice(view({ body: [g.alreadyRunning(placeOf(running))], tone: "info" }));
    const team = await teams.teamSettings(actor.teamId);
    const mode = command.mode ?? "mixed";
    const count = command.questions ?? GAME_QUESTIONS.default;
    const items = (await cards.gradedItems({ userId: actor.userId, teamId: actor.teamId, topic: command.topic })).map((c) => c.item);
    const [misses, due] = await Promise.all([
      mode === "weak" ? games.teamMisses(actor.teamId) : new Map<string, { misses: number; reviews: number }>(),
      mode === "due" ? games.teamDue(actor.teamId, now) : new Map<string, number>(),
    ]);
    const id = randomId(this.deps.random);
    const picked = pickRoundItems(items, mode, count, { misses, due }, seededRandom(id));
    if (picked.length === 0) {
      return notice(view({ body: [g.noItems(command.topic ? catalog.topicName(command.topic, locale) : null)], tone: "info" }));
    }
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const created = await games.createRound({
      id,
      teamId: actor.teamId,
      channelId: actor.channelId,
      starterId: profile.id,
      locale: team.locale,
      topic: command.topic ?? null,
      mode,
      seconds: command.seconds ?? GAME_SECONDS.default,
      itemIds: picked.map((i) => i.id),
      startedAt: now,
    });
    if (created.status === "busy") {
      const where = created.running
        ? placeOf(created.running)
        : placeMention({ teamId: actor.teamId, channelId: actor.channelId, messageRef: null });
      return notice(view({ body: [g.alreadyRunning(where)], tone: "info" }));
    }
    return notice(view({ body: [g.starting(picked.length, command.seconds ?? GAME_SECONDS.default)], tone: "success" }));
  }

  /** Ends the channel's round early: its starter or an admin only. The driver posts the podium. */
  async stop(actor: Actor, now: Date): Promise<Reply> {
    const { profiles, teams, games } = this.deps;
    const g = gameMessages(localeOf(await profiles.profile(actor.userId), actor));
    const round = actor.channelId ? await games.runningRound(actor.teamId, actor.channelId) : null;
    if (!round) return notice(view({ body: [g.notRunning], tone: "info" }));
    const isAdmin = actor.isAdmin === true || (await teams.teamSettings(actor.teamId)).adminIds.includes(actor.userId);
    if (round.starterId !== actor.userId && !isAdmin) return notice(view({ body: [g.stopRefused], tone: "info" }));
    await games.endRound(round.id, "stopped", now);
    return notice(view({ body: [g.stopped], tone: "success" }));
  }

  /**
   * A click on a question's button. Recorded once (the database refuses a second answer), told
   * privately in the clicker's own language; a recorded answer also feeds the player's schedule as
   * a quiz answer would, once per item and study day.
   */
  async answer(actor: Actor, roundId: string, position: number, choice: number, now: Date): Promise<Reply> {
    const { profiles, cards, games } = this.deps;
    const round = await games.loadRound(roundId);
    // A round belongs to its team and channel, and only asked questions have buttons: anything else
    // is refused before the clicker is even met (a forged click writes nothing).
    const forged =
      !round ||
      round.teamId !== actor.teamId ||
      (actor.channelId !== undefined && actor.channelId !== round.channelId) ||
      position > round.position ||
      position >= round.itemIds.length;
    if (forged)
      return notice(view({ body: [messages(localeOf(await profiles.profile(actor.userId), actor)).buttonUnknown], tone: "info" }));
    const itemId = round.itemIds[position] as string;
    const { profile: known, item, card } = await cards.loadForReview(actor.userId, itemId);
    if (!item || !isGraded(item.content) || choice >= choiceCount(item.content))
      return notice(view({ body: [messages(localeOf(known, actor)).buttonUnknown], tone: "info" }));
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const locale = localeOf(profile, actor);
    const g = gameMessages(locale);
    const content = item.content;
    const label = (c: number) => choiceLabelIn(round.id, position, content, c, locale);
    const already = async () => {
      const mine = await games.playerAnswer(round.id, position, profile.id);
      return mine ? notice(view({ body: [g.alreadyAnswered(label(mine.choice))], tone: "info" })) : undefined;
    };
    // A question being posted has its deadline already: a click may come before the post is recorded.
    const isOpen =
      round.status === "running" &&
      round.position === position &&
      (round.phase === "open" || round.phase === "post") &&
      round.deadline !== null &&
      now < round.deadline;
    if (!isOpen) return (await already()) ?? notice(view({ body: [round.status === "running" ? g.tooLate : g.roundOver], tone: "info" }));
    const correct = isCorrectChoice(content, choice);
    const deadline = round.deadline as Date;
    const result = await games.recordAnswer(round.id, {
      position,
      userId: profile.id,
      choice,
      answeredAt: now,
      correct,
      points: pointsFor(correct, now, round.openedAt ?? deadline, deadline),
    });
    if (result === "duplicate") return (await already()) ?? notice(view({ body: [messages(locale).buttonUnknown], tone: "info" }));
    if (result === "closed") return notice(view({ body: [g.tooLate], tone: "info" }));
    // The schedule hears of an item once per study day: a round asking it again, or a card already
    // reviewed today, changes nothing more (as the XP rules already pay nothing for it).
    const reviewedToday = card?.card?.lastReview != null && card.card.lastReview >= studyDayFor(profile, now).start;
    if (!reviewedToday) {
      await recordRating(this.deps, {
        profile,
        teamId: round.teamId,
        itemId,
        version: card?.version ?? 0,
        before: card?.card ?? null,
        rating: correct ? RATINGS.good : RATINGS.again,
        source: "quiz",
        now,
      });
    }
    return notice(view({ body: [g.lockedIn(label(choice))], tone: "info" }));
  }
}
