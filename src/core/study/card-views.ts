// How a card looks: its front (the prompt), and its back (answer, explanation and the four ratings
// with the interval each would give). Used by study, undo and the content checks.
import { actionId } from "../actions/action-id.ts";
import type { Catalog } from "../deck/catalog.ts";
import type { Item } from "../deck/item.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import { CARD_STATES, RATING_VALUES, type CardState, type Rating } from "../scheduler/card-state.ts";
import type { SchedulingOutcome } from "../scheduler/fsrs.ts";
import { withReportButton } from "../problem-reports/report-service.ts";
import { formatInterval } from "../time/intervals.ts";
import { view, type Button, type View } from "../views/view.ts";

const LETTERS = ["A", "B", "C", "D", "E"];

export function choiceLabel(index: number, text: string): string {
  return `${LETTERS[index] ?? "?"}. ${text}`;
}

/** The prompt of an item as text, with its choices listed for choice items. */
export function promptText(item: Item, locale: Locale): string {
  const t = messages(locale);
  switch (item.kind) {
    case "flashcard":
      return item.front[locale];
    case "true-false":
      return `${item.statement[locale]}\n${t.trueFalsePrompt}`;
    case "multiple-choice":
    case "scenario":
      return [item.question[locale], ...item.choices.map((c, i) => choiceLabel(i, c[locale]))].join("\n");
  }
}

/** The right answer of an item, in words. */
export function answerText(item: Item, locale: Locale): string {
  const t = messages(locale);
  switch (item.kind) {
    case "flashcard":
      return item.back[locale];
    case "true-false":
      return item.answer ? t.trueLabel : t.falseLabel;
    case "multiple-choice":
    case "scenario": {
      const index = item.choices.findIndex((c) => c.correct === true);
      return choiceLabel(index, item.choices[index]?.[locale] ?? "");
    }
  }
}

function stage(card: CardState | null): "new" | "learning" | "review" {
  if (!card || card.state === CARD_STATES.new) return "new";
  return card.state === CARD_STATES.review ? "review" : "learning";
}

export interface CardContext {
  item: Item;
  card: CardState | null;
  version: number;
  topic: string | undefined;
  locale: Locale;
  catalog: Catalog;
}

export function frontView(c: CardContext, banner?: string): View {
  const t = messages(c.locale);
  return view({
    title: t.cardTitle(stage(c.card)),
    body: [...(banner ? [banner] : []), promptText(c.item, c.locale)],
    footer: t.topicLine(c.item.topics.map((id) => c.catalog.topicName(id, c.locale)).join(", ")),
    buttons: [
      [
        {
          action: actionId({ kind: "show-answer", itemId: c.item.id, version: c.version, topic: c.topic }),
          label: t.showAnswer,
          style: "primary",
        },
      ],
    ],
  });
}

const RATING_STYLES: Record<Rating, Button["style"]> = { 1: "danger", 2: "secondary", 3: "success", 4: "primary" };

export function backView(c: CardContext, outcomes: Record<Rating, SchedulingOutcome>): View {
  const t = messages(c.locale);
  const buttons: Button[] = RATING_VALUES.map((rating) => ({
    action: actionId({ kind: "rate", itemId: c.item.id, version: c.version, rating, topic: c.topic }),
    label: `${t.ratingLabel[rating]} · ${formatInterval(outcomes[rating].intervalMs, c.locale)}`,
    style: RATING_STYLES[rating],
  }));
  const back = view({
    title: t.cardTitle(stage(c.card)),
    body: [promptText(c.item, c.locale), t.answerLine(answerText(c.item, c.locale)), t.explanationLine(c.item.explanation[c.locale])],
    footer: t.sourceLine(c.catalog.sectionName(c.item.section, c.locale)),
    buttons: [buttons],
  });
  return withReportButton(back, c.item.id, c.locale);
}
