// Studying: the next card (due reviews first, then new cards within today's limit), showing its
// answer, rating it, and undoing the last rating.
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import type { Actor } from "../identity.ts";
import { messages } from "../i18n/messages.ts";
import type { Locale } from "../i18n/locale.ts";
import type { CardRecord, StoredItem, UserProfile } from "../ports/records.ts";
import { isLearning, RATINGS, type Rating } from "../scheduler/card-state.ts";
import { previewRatings } from "../scheduler/fsrs.ts";
import { scheduleOf } from "../scheduler/learner-schedule.ts";
import { formatDuration } from "../time/intervals.ts";
import { studyDayFor } from "../time/study-day.ts";
import { notice, rows, update, view, type Reply, type View } from "../views/view.ts";
import { actionId } from "../actions/action-id.ts";
import { isGraded } from "../deck/item.ts";
import { periodKeysAt } from "../time/periods.ts";
import { backView, frontView, promptText, type CardContext } from "./card-views.ts";
import { choiceCount, isCorrectChoice } from "./choice-order.ts";
import { rightPickView, wrongPickView } from "./choice-views.ts";
import { countersFor, recordRating, seedKey, type RecordedRating } from "./record-rating.ts";

/** An item the team can see: built-in decks, or the team's own. */
export function visibleTo(item: StoredItem, teamId: string): boolean {
  return item.teamId === null || item.teamId === teamId;
}

/** A card as a click on it found it: current, visible, and the person's. */
interface Loaded {
  profile: UserProfile;
  item: StoredItem;
  record: CardRecord | null;
  locale: Locale;
}

/** The ports and inputs StudyService uses. */
export type StudyDeps = Pick<CoreStores, "profiles" | "teams" | "cards" | "reviews"> & Pick<CoreDeps, "catalog" | "defaultTimeZone">;

export class StudyService {
  /** Lines to show someone as they start studying, in their language (set by the Bot: vacations, notices). */
  onArrival: (profile: UserProfile, locale: Locale, now: Date) => Promise<string[]> = async () => [];

  private readonly deps: StudyDeps;

  constructor(deps: StudyDeps) {
    this.deps = deps;
  }

  async start(actor: Actor, topic: string | undefined, now: Date): Promise<Reply> {
    const profile = await this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const arrival = profile.pendingNotice || profile.vacationUntil ? await this.onArrival(profile, localeOf(profile, actor), now) : [];
    const next = await this.next(profile, actor, topic, now);
    return update(arrival.length > 0 ? { ...next, body: [...arrival, ...next.body] } : next);
  }

  /**
   * The view of whatever comes next for the user: a card front, or "all done". After a rating,
   * `after` says what was rated, shown as a banner with a button to undo it.
   */
  async next(
    profile: UserProfile,
    actor: Actor,
    topic: string | undefined,
    now: Date,
    after?: { banner: string; undo: { itemId: string; version: number } },
  ): Promise<View> {
    const { cards, catalog } = this.deps;
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const { day, start: dayStart } = studyDayFor(profile, now);
    const counters = countersFor(profile, day);
    const reviewsLeft = profile.reviewsPerDay - counters.reviewsToday;
    const newLeft = profile.newPerDay - counters.newToday;
    // From the start of the study day: items whose sibling was reviewed since wait for tomorrow.
    const query = { userId: profile.id, teamId: actor.teamId, topic, dayStart };
    const banner = after?.banner;
    const undoButton = after
      ? [{ action: actionId({ kind: "undo", target: after.undo }), label: t.undoButton, style: "secondary" as const }]
      : [];
    const show = (item: StoredItem, record: CardRecord | null) => {
      const front = frontView(
        { userId: profile.id, item: item.content, card: record?.card ?? null, version: record?.version ?? 0, topic, locale, catalog },
        banner,
      );
      return { ...front, buttons: rows([...(front.buttons[0] ?? []), ...undoButton]) };
    };

    const first = await cards.firstScheduledCard(query);
    const firstCard = first?.record.card ?? null;
    const reviewsHeldBack = firstCard !== null && firstCard.due <= now && !isLearning(firstCard) && reviewsLeft <= 0;
    // The card that will come next: with reviews held back by the daily limit, only learning cards.
    let upcoming = firstCard;
    if (first && firstCard && firstCard.due <= now) {
      if (!reviewsHeldBack) return show(first.item, first.record);
      const learning = await cards.firstScheduledCard({ ...query, learningOnly: true });
      if (learning?.record.card && learning.record.card.due <= now) return show(learning.item, learning.record);
      upcoming = learning?.record.card ?? null;
    }
    if (newLeft > 0) {
      const fresh = await cards.firstNewItem(query);
      if (fresh) return show(fresh.item, fresh.record);
    }
    const lines = [...(banner ? [banner] : [])];
    lines.push(t.allDone(upcoming ? formatDuration(upcoming.due.getTime() - now.getTime(), locale) : null));
    if (reviewsHeldBack) lines.push(t.reviewLimitReached(profile.reviewsPerDay));
    if (newLeft <= 0 && profile.newPerDay > 0) lines.push(t.newLimitReached(profile.newPerDay));
    return view({
      body: lines,
      tone: "success",
      buttons: undoButton.length > 0 ? [undoButton] : [],
    });
  }

  async showAnswer(actor: Actor, itemId: string, version: number, topic: string | undefined, now: Date): Promise<Reply> {
    const loaded = await this.load(actor, itemId, version);
    if ("reply" in loaded) return loaded.reply;
    const { profile, record } = loaded;
    const context = this.context(loaded, version, topic);
    // Choice items are answered by picking: a Show answer button from before they were shows the choices.
    if (context.item.kind !== "flashcard") return update(frontView(context));
    const outcomes = previewRatings(record?.card ?? null, now, scheduleOf(profile), seedKey(profile.id, itemId));
    return update(backView({ ...context, item: context.item }, outcomes));
  }

  async rate(actor: Actor, itemId: string, version: number, rating: Rating, topic: string | undefined, now: Date): Promise<Reply> {
    const loaded = await this.load(actor, itemId, version);
    if ("reply" in loaded) return loaded.reply;
    // A choice item is graded by the pick, never self-graded: rating buttons of its own would let a
    // right answer be recorded as Again, or a wrong one as Good.
    if (isGraded(loaded.item.content)) return update(frontView(this.context(loaded, version, topic), messages(loaded.locale).pickAChoice));
    return this.recordAndContinue(loaded, actor, version, rating, topic, now);
  }

  /**
   * A choice picked on a study card. A wrong pick is recorded as Again at once (once: the card's
   * version makes a repeated click a duplicate); a right pick records nothing yet and asks how well
   * it was known.
   */
  async pick(actor: Actor, itemId: string, version: number, choice: number, topic: string | undefined, now: Date): Promise<Reply> {
    const loaded = await this.load(actor, itemId, version);
    if ("reply" in loaded) return loaded.reply;
    const { profile, item, record, locale } = loaded;
    const t = messages(locale);
    const content = item.content;
    if (!isGraded(content) || choice >= choiceCount(content)) return notice(view({ body: [t.buttonUnknown], tone: "info" }));
    const context = { ...this.context(loaded, version, topic), item: content };
    if (isCorrectChoice(content, choice)) {
      const outcomes = previewRatings(record?.card ?? null, now, scheduleOf(profile), seedKey(profile.id, itemId));
      return update(rightPickView(context, choice, outcomes));
    }
    const recorded = await this.record(loaded, actor, version, RATINGS.again, now);
    if (recorded === "duplicate") return notice(view({ body: [t.alreadyRated], tone: "info" }));
    const undo = { action: actionId({ kind: "undo", target: { itemId, version } }), label: t.undoButton, style: "secondary" as const };
    return update(wrongPickView(context, t.rated(t.ratingLabel[RATINGS.again], formatDuration(recorded.intervalMs, locale)), undo));
  }

  /** How well a right pick was known. The pick travels with the click and is checked again, so Again cannot be recorded for it. */
  async rateChoice(
    actor: Actor,
    itemId: string,
    version: number,
    choice: number,
    rating: Rating,
    topic: string | undefined,
    now: Date,
  ): Promise<Reply> {
    const loaded = await this.load(actor, itemId, version);
    if ("reply" in loaded) return loaded.reply;
    const content = loaded.item.content;
    if (!isGraded(content) || !isCorrectChoice(content, choice) || rating === RATINGS.again) {
      return notice(view({ body: [messages(loaded.locale).buttonUnknown], tone: "info" }));
    }
    return this.recordAndContinue(loaded, actor, version, rating, topic, now);
  }

  private async recordAndContinue(loaded: Loaded, actor: Actor, version: number, rating: Rating, topic: string | undefined, now: Date) {
    const { locale } = loaded;
    const t = messages(locale);
    const recorded = await this.record(loaded, actor, version, rating, now);
    if (recorded === "duplicate") return notice(view({ body: [t.alreadyRated], tone: "info" }));
    const banner = t.rated(t.ratingLabel[rating], formatDuration(recorded.intervalMs, locale));
    return update(await this.next(recorded.counted, actor, topic, now, { banner, undo: { itemId: loaded.item.id, version } }));
  }

  /** Records a rating of the card as loaded; "duplicate" when this presentation was already rated. */
  private record(loaded: Loaded, actor: Actor, version: number, rating: Rating, now: Date): Promise<"duplicate" | RecordedRating> {
    const { profile, record, item } = loaded;
    return recordRating(this.deps, {
      profile,
      teamId: actor.teamId,
      itemId: item.id,
      version,
      before: record?.card ?? null,
      rating,
      source: "study",
      now,
    });
  }

  async undo(actor: Actor, target: { itemId: string; version: number } | undefined, now: Date): Promise<Reply> {
    const { profiles, reviews, teams, cards, catalog } = this.deps;
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const last = await reviews.lastReview(profile.id, target);
    if (!last) return (target ? notice : update)(view({ body: [t.nothingToUndo], tone: "info" }));
    if (last.source !== "study") return update(view({ body: [t.quizAnswerNoUndo], tone: "info" }));
    // The periods the review counted in; for one recorded before they were kept, those of its
    // time in the team's time zone now.
    const periods = last.periods ?? periodKeysAt(last.reviewedAt, (await teams.teamSettings(last.teamId)).timeZone);
    if ((await reviews.undoReview(last, periods)) === "conflict") return update(view({ body: [t.undoConflict], tone: "warning" }));
    const [item] = await cards.items([last.itemId]);
    if (!item || item.retired) return update(view({ body: [t.undone("")], tone: "success" }));
    const version = last.before === null ? 0 : last.version + 2;
    const restored = frontView({ userId: profile.id, item: item.content, card: last.before, version, topic: undefined, locale, catalog });
    return update({ ...restored, body: [t.undone(promptText(item.content, locale))] });
  }

  private context(loaded: Loaded, version: number, topic: string | undefined): CardContext {
    const { profile, item, record, locale } = loaded;
    return { userId: profile.id, item: item.content, card: record?.card ?? null, version, topic, locale, catalog: this.deps.catalog };
  }

  /** Loads what a click on a card needs and answers politely when the click is stale. */
  private async load(actor: Actor, itemId: string, version: number): Promise<{ reply: Reply } | Loaded> {
    const { profile, item, card } = await this.deps.cards.loadForReview(actor.userId, itemId, version);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const keepStudying = [[{ action: actionId({ kind: "study", topic: undefined }), label: t.keepStudying, style: "primary" as const }]];
    if (!profile) return { reply: notice(view({ body: [t.buttonUnknown], tone: "info" })) };
    if (!item || item.retired || !visibleTo(item, actor.teamId)) {
      return { reply: notice(view({ body: [t.cardGone], tone: "info", buttons: keepStudying })) };
    }
    if ((card?.version ?? 0) !== version) return { reply: notice(view({ body: [t.alreadyRated], tone: "info", buttons: keepStudying })) };
    return { profile, item, record: card, locale };
  }
}
