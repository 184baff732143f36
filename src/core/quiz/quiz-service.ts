// Quizzes: a fixed set of auto-graded questions, answered with buttons and graded at once. Every
// answer also feeds the item's schedule (wrong = Again, right = Good), so quizzes and flashcards
// share one memory model.
import { actionId } from "../actions/action-id.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import { isGraded, type GradedItem } from "../deck/item.ts";
import type { Actor } from "../identity.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import type { QuizRecord } from "../ports/quiz-store.ts";
import type { CardRecord, StoredItem } from "../ports/records.ts";
import { randomId, seededRandom, shuffled } from "../random/seeded-random.ts";
import { RATINGS } from "../scheduler/card-state.ts";
import { retrievability, type Schedule } from "../scheduler/fsrs.ts";
import { scheduleOf } from "../scheduler/learner-schedule.ts";
import { studyDayFor } from "../time/study-day.ts";
import { withReportButton } from "../problem-reports/report-service.ts";
import { notice, update, view, type Button, type Reply, type View } from "../views/view.ts";
import { promptText } from "../study/card-views.ts";
import { choiceCount, choiceOrder, isCorrectChoice, shownAnswer, shownChoices } from "../study/choice-order.ts";
import { recordRating } from "../study/record-rating.ts";

export const QUIZ_DEFAULT_COUNT = 5;
export const QUIZ_MAX_COUNT = 20;
/** A quiz left open longer than this has ended; its buttons say so. */
export const QUIZ_LIFETIME_MS = 24 * 3600_000;

/** The ports and inputs QuizService uses. */
export type QuizDeps = Pick<CoreStores, "profiles" | "teams" | "cards" | "reviews" | "quizzes"> &
  Pick<CoreDeps, "catalog" | "random" | "defaultTimeZone">;

export class QuizService {
  private readonly deps: QuizDeps;

  constructor(deps: QuizDeps) {
    this.deps = deps;
  }

  async start(actor: Actor, topic: string | undefined, count: number, now: Date): Promise<Reply> {
    const { profiles, cards, quizzes, catalog } = this.deps;
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const locale = localeOf(profile, actor);
    const dayStart = studyDayFor(profile, now).start;
    const candidates = await cards.gradedItems({ userId: profile.id, teamId: actor.teamId, topic, dayStart });
    if (candidates.length === 0) {
      return update(view({ body: [messages(locale).quizNoItems(topic ? catalog.topicName(topic, locale) : null)], tone: "info" }));
    }
    const id = randomId(this.deps.random);
    const picked = pickQuestions(candidates, Math.min(count, QUIZ_MAX_COUNT), now, scheduleOf(profile), seededRandom(id));
    const quiz = {
      id,
      userId: profile.id,
      teamId: actor.teamId,
      topic: topic ?? null,
      itemIds: picked.map((c) => c.item.id),
      createdAt: now,
    };
    await quizzes.createQuiz(quiz);
    const first = picked[0];
    if (!first || !isGraded(first.item.content)) throw new Error("quiz picked no graded item");
    return update(questionView({ ...quiz, finishedAt: null, answers: [] }, 0, first.item.content, locale));
  }

  async answer(actor: Actor, sessionId: string, position: number, choice: number, now: Date): Promise<Reply> {
    const { quizzes, cards } = this.deps;
    const quiz = await quizzes.loadQuiz(sessionId);
    const stale = await this.staleReply(quiz, actor, position, now);
    if (stale) return stale;
    const q = quiz as QuizRecord;
    const itemId = q.itemIds[position] as string;
    const { profile, item, card } = await cards.loadForReview(actor.userId, itemId);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    if (!profile || !item || !isGraded(item.content)) return notice(view({ body: [t.quizExpired], tone: "info" }));
    const content = item.content;
    if (choice >= choiceCount(content)) return notice(view({ body: [t.buttonUnknown], tone: "info" }));
    const correct = isCorrectChoice(content, choice);
    const finishes = position === q.itemIds.length - 1;
    const result = await recordRating(this.deps, {
      profile,
      teamId: actor.teamId,
      itemId,
      version: card?.version ?? 0,
      before: card?.card ?? null,
      rating: correct ? RATINGS.good : RATINGS.again,
      source: "quiz",
      now,
      quizAnswer: { sessionId, position, choice, correct, finishes },
    });
    if (result === "duplicate") return notice(view({ body: [t.quizAlreadyAnswered], tone: "info" }));
    const next: Button = finishes
      ? { action: actionId({ kind: "quiz-next", sessionId, position: position + 1 }), label: t.seeScore, style: "primary" }
      : { action: actionId({ kind: "quiz-next", sessionId, position: position + 1 }), label: t.nextQuestion, style: "primary" };
    return update(
      withReportButton(
        view({
          title: t.quizTitle(position + 1, q.itemIds.length),
          body: [
            promptOf(content, locale),
            correct ? `✅ ${t.quizCorrect}` : `❌ ${t.quizWrong(shownAnswer(content, questionOrder(q.id, position, content), locale))}`,
            t.explanationLine(content.explanation[locale]),
          ],
          tone: correct ? "success" : "error",
          buttons: [[next]],
        }),
        itemId,
        locale,
      ),
    );
  }

  /** Moves on to a question, or to the score after the last one. Read-only, so repeating it is harmless. */
  async next(actor: Actor, sessionId: string, position: number, now: Date): Promise<Reply> {
    const { profiles, quizzes, cards } = this.deps;
    const [quiz, profile] = await Promise.all([quizzes.loadQuiz(sessionId), profiles.profile(actor.userId)]);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    if (!quiz || quiz.userId !== actor.userId) return notice(view({ body: [quiz ? t.notYourSession : t.quizExpired], tone: "info" }));
    if (position !== quiz.answers.length) return notice(view({ body: [t.quizAlreadyAnswered], tone: "info" }));
    if (position >= quiz.itemIds.length) return update(scoreView(quiz, locale));
    if (now.getTime() - quiz.createdAt.getTime() > QUIZ_LIFETIME_MS) return notice(view({ body: [t.quizExpired], tone: "info" }));
    const [item] = await cards.items([quiz.itemIds[position] as string]);
    if (!item || !isGraded(item.content)) return notice(view({ body: [t.quizExpired], tone: "info" }));
    return update(questionView(quiz, position, item.content, locale));
  }

  private async staleReply(quiz: QuizRecord | null, actor: Actor, position: number, now: Date): Promise<Reply | undefined> {
    const isCurrent =
      quiz !== null &&
      quiz.userId === actor.userId &&
      position === quiz.answers.length &&
      position < quiz.itemIds.length &&
      !quiz.finishedAt &&
      now.getTime() - quiz.createdAt.getTime() <= QUIZ_LIFETIME_MS;
    if (isCurrent) return undefined;
    const t = messages(localeOf(await this.deps.profiles.profile(actor.userId), actor));
    if (!quiz) return notice(view({ body: [t.quizExpired], tone: "info" }));
    if (quiz.userId !== actor.userId) return notice(view({ body: [t.notYourSession], tone: "info" }));
    if (position < quiz.answers.length) return notice(view({ body: [t.quizAlreadyAnswered], tone: "info" }));
    if (position !== quiz.answers.length || position >= quiz.itemIds.length) return notice(view({ body: [t.buttonUnknown], tone: "info" }));
    return notice(view({ body: [t.quizExpired], tone: "info" }));
  }
}

/**
 * Due questions first (most overdue first), then new ones in deck order, then the weakest; at most one
 * of each sibling group. The store already left out those buried today.
 */
export function pickQuestions(
  candidates: { item: StoredItem; record: CardRecord | null }[],
  count: number,
  now: Date,
  schedule: Schedule,
  random: () => number,
): { item: StoredItem; record: CardRecord | null }[] {
  const due = candidates
    .filter((c) => c.record?.card && c.record.card.due <= now)
    .sort((a, b) => (a.record?.card?.due.getTime() ?? 0) - (b.record?.card?.due.getTime() ?? 0));
  const fresh = candidates.filter((c) => !c.record?.card).sort((a, b) => a.item.position - b.item.position);
  const rest = candidates
    .filter((c) => c.record?.card && c.record.card.due > now)
    .map((c) => ({ c, r: retrievability(c.record?.card as NonNullable<CardRecord["card"]>, now, schedule) }))
    .sort((a, b) => a.r - b.r)
    .map((x) => x.c);
  // One question per sibling group: answering one would give the others away.
  const groups = new Set<string>();
  const firstOfGroup = (c: { item: StoredItem }) => {
    const sibling = c.item.content.sibling;
    if (!sibling) return true;
    const key = `${c.item.deckId}/${sibling}`;
    if (groups.has(key)) return false;
    groups.add(key);
    return true;
  };
  return shuffled([...due, ...fresh, ...rest].filter(firstOfGroup).slice(0, count), random);
}

function promptOf(item: GradedItem, locale: Locale): string {
  return item.kind === "true-false" ? item.statement[locale] : item.question[locale];
}

/** Choices are shuffled per quiz and question, the same way every time the question is shown. */
function questionOrder(quizId: string, position: number, item: GradedItem): number[] {
  return choiceOrder(item, `${quizId}:${position}`);
}

export function questionView(quiz: QuizRecord, position: number, item: GradedItem, locale: Locale): View {
  const t = messages(locale);
  const buttons: Button[] = shownChoices(item, questionOrder(quiz.id, position, item), locale).map(({ choice, label }) => ({
    action: actionId({ kind: "quiz-answer", sessionId: quiz.id, position, choice }),
    label,
    style: "secondary",
  }));
  return view({
    title: t.quizTitle(position + 1, quiz.itemIds.length),
    body: [promptText(item, locale)],
    buttons: [buttons],
  });
}

function scoreView(quiz: QuizRecord, locale: Locale): View {
  const t = messages(locale);
  const correct = quiz.answers.filter((a) => a.correct).length;
  return view({
    body: [t.quizScore(correct, quiz.itemIds.length), quiz.answers.map((a) => (a.correct ? "✅" : "❌")).join(" ")],
    tone: correct === quiz.itemIds.length ? "success" : "info",
    buttons: [
      [
        {
          action: actionId({ kind: "quiz-start", topic: quiz.topic ?? undefined, count: quiz.itemIds.length }),
          label: t.quizAgain,
          style: "primary",
        },
        { action: actionId({ kind: "study", topic: quiz.topic ?? undefined }), label: t.studyButton, style: "secondary" },
      ],
    ],
  });
}
