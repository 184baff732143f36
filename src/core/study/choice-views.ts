// How a study card looks once a choice is picked: graded at once, with the explanation. A right
// pick asks how well it was known (Hard, Good, Easy with their intervals; Again is not offered); a
// wrong pick has been recorded as Again and offers the next card.
import { actionId } from "../actions/action-id.ts";
import type { GradedItem } from "../deck/item.ts";
import { messages } from "../i18n/messages.ts";
import { RATINGS, type Rating } from "../scheduler/card-state.ts";
import type { SchedulingOutcome } from "../scheduler/fsrs.ts";
import { formatInterval } from "../time/intervals.ts";
import { view, type Button, type View } from "../views/view.ts";
import { RATING_STYLES, promptText, stage, type CardContext } from "./card-views.ts";
import { choiceOrder, shownAnswer, studyChoiceSeed } from "./choice-order.ts";

/** The ratings a right pick offers. */
export const RIGHT_PICK_RATINGS = [RATINGS.hard, RATINGS.good, RATINGS.easy] as const;

type PickContext = CardContext & { item: GradedItem };

/** The right answer as this presentation's buttons showed it. */
export function studyAnswer(c: PickContext): string {
  return shownAnswer(c.item, choiceOrder(c.item, studyChoiceSeed(c.userId, c.item.id, c.version)), c.locale);
}

export function rightPickView(c: PickContext, choice: number, outcomes: Record<Rating, SchedulingOutcome>): View {
  const t = messages(c.locale);
  const buttons: Button[] = RIGHT_PICK_RATINGS.map((rating) => ({
    action: actionId({ kind: "choice-rate", itemId: c.item.id, version: c.version, choice, rating, topic: c.topic }),
    label: `${t.ratingLabel[rating]} · ${formatInterval(outcomes[rating].intervalMs, c.locale)}`,
    style: RATING_STYLES[rating],
    ...(rating === RATINGS.good ? { preselected: true } : {}),
  }));
  return view({
    title: t.cardTitle(stage(c.card)),
    body: [
      promptText(c.item, c.locale),
      `✅ ${t.quizCorrect} ${t.answerLine(studyAnswer(c))}`,
      t.explanationLine(c.item.explanation[c.locale]),
      t.rateAfterRight,
    ],
    footer: t.sourceLine(c.catalog.sectionName(c.item.section, c.locale)),
    tone: "success",
    buttons: [buttons],
  });
}

/** After a wrong pick, recorded as Again: `banner` says so, and `undo` can take it back. */
export function wrongPickView(c: PickContext, banner: string, undo: Button): View {
  const t = messages(c.locale);
  return view({
    title: t.cardTitle(stage(c.card)),
    body: [banner, promptText(c.item, c.locale), `❌ ${t.quizWrong(studyAnswer(c))}`, t.explanationLine(c.item.explanation[c.locale])],
    footer: t.sourceLine(c.catalog.sectionName(c.item.section, c.locale)),
    tone: "error",
    buttons: [[{ action: actionId({ kind: "study", topic: c.topic }), label: t.nextCard, style: "primary" }, undo]],
  });
}
