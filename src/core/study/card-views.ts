// How a card looks: its front (the prompt; for choice items, the choices as buttons in this
// presentation's order), and a flashcard's back (answer, explanation and the four ratings with the
// interval each would give). Used by study, undo and the content checks.
import { actionId } from "../actions/action-id.ts";
import type { Catalog } from "../deck/catalog.ts";
import { isGraded, type Item } from "../deck/item.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import { CARD_STATES, RATING_VALUES, type CardState, type Rating } from "../scheduler/card-state.ts";
import type { SchedulingOutcome } from "../scheduler/fsrs.ts";
import { withReportButton } from "../problem-reports/report-service.ts";
import { formatInterval } from "../time/intervals.ts";
import { view, type Button, type View } from "../views/view.ts";
import { choiceOrder, shownChoices, studyChoiceSeed } from "./choice-order.ts";

export type Flashcard = Extract<Item, { kind: "flashcard" }>;

/** The prompt of an item as text. A choice item's choices are not listed: its buttons show them, in their order. */
export function promptText(item: Item, locale: Locale): string {
  const t = messages(locale);
  switch (item.kind) {
    case "flashcard":
      return item.front[locale];
    case "true-false":
      return `${item.statement[locale]}\n${t.trueFalsePrompt}`;
    case "multiple-choice":
    case "scenario":
      return item.question[locale];
  }
}

export function stage(card: CardState | null): "new" | "learning" | "review" {
  if (!card || card.state === CARD_STATES.new) return "new";
  return card.state === CARD_STATES.review ? "review" : "learning";
}

export interface CardContext {
  /** Whose card it is: a choice item's order is theirs. */
  userId: string;
  item: Item;
  card: CardState | null;
  version: number;
  topic: string | undefined;
  locale: Locale;
  catalog: Catalog;
}

export function frontView(c: CardContext, banner?: string): View {
  const t = messages(c.locale);
  const { item } = c;
  const buttons: Button[] = isGraded(item)
    ? shownChoices(item, choiceOrder(item, studyChoiceSeed(c.userId, item.id, c.version)), c.locale).map(({ choice, label }) => ({
        action: actionId({ kind: "study-pick", itemId: item.id, version: c.version, choice, topic: c.topic }),
        label,
        style: "secondary",
      }))
    : [
        {
          action: actionId({ kind: "show-answer", itemId: item.id, version: c.version, topic: c.topic }),
          label: t.showAnswer,
          style: "primary",
        },
      ];
  return view({
    title: t.cardTitle(stage(c.card)),
    body: [...(banner ? [banner] : []), promptText(item, c.locale)],
    footer: t.topicLine(item.topics.map((id) => c.catalog.topicName(id, c.locale)).join(", ")),
    buttons: [buttons],
  });
}

export const RATING_STYLES: Record<Rating, Button["style"]> = { 1: "danger", 2: "secondary", 3: "success", 4: "primary" };

/** A flashcard's back; choice items are answered by picking instead (choice-views.ts). */
export function backView(c: CardContext & { item: Flashcard }, outcomes: Record<Rating, SchedulingOutcome>): View {
  const t = messages(c.locale);
  const buttons: Button[] = RATING_VALUES.map((rating) => ({
    action: actionId({ kind: "rate", itemId: c.item.id, version: c.version, rating, topic: c.topic }),
    label: `${t.ratingLabel[rating]} · ${formatInterval(outcomes[rating].intervalMs, c.locale)}`,
    style: RATING_STYLES[rating],
  }));
  const back = view({
    title: t.cardTitle(stage(c.card)),
    body: [promptText(c.item, c.locale), t.answerLine(c.item.back[c.locale]), t.explanationLine(c.item.explanation[c.locale])],
    footer: t.sourceLine(c.catalog.sectionName(c.item.section, c.locale)),
    buttons: [buttons],
  });
  return withReportButton(back, c.item.id, c.locale);
}
