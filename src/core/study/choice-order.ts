// The order a choice item's choices are shown in, and how a choice is named: always by the letter
// its button showed, never by its place in the deck file. Every presentation (a study card at one
// version, a quiz question, a question of the day) derives its order from a seed, so showing it
// again (after a restart, on another instance) brings back the same buttons, and the messages that
// name the answer agree with them.
import type { GradedItem } from "../deck/item.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import { seededRandom, shuffled } from "../random/seeded-random.ts";

const LETTERS = ["A", "B", "C", "D", "E"];

/** A choice as shown: "C. text", where C is its place on screen. */
export function choiceLabel(shownIndex: number, text: string): string {
  return `${LETTERS[shownIndex] ?? "?"}. ${text}`;
}

/**
 * The choices' indices in the order they are shown. For true/false, choice 1 means "true" and 0
 * "false"; True always comes first, as people expect.
 */
export function choiceOrder(item: GradedItem, seed: string): number[] {
  if (item.kind === "true-false") return [1, 0];
  return shuffled(
    item.choices.map((_, i) => i),
    seededRandom(seed),
  );
}

/** The seed of a study card's presentation: a rating moves the card's version on, and with it the order. */
export function studyChoiceSeed(userId: string, itemId: string, version: number): string {
  return `study|${userId}|${itemId}|${version}`;
}

export function choiceCount(item: GradedItem): number {
  return item.kind === "true-false" ? 2 : item.choices.length;
}

export function isCorrectChoice(item: GradedItem, choice: number): boolean {
  if (item.kind === "true-false") return (choice === 1) === item.answer;
  return item.choices[choice]?.correct === true;
}

/** The buttons' labels in the order shown, each with the choice it stands for. */
export function shownChoices(item: GradedItem, order: readonly number[], locale: Locale): { choice: number; label: string }[] {
  const t = messages(locale);
  return order.map((choice, shown) => ({
    choice,
    label:
      item.kind === "true-false" ? (choice === 1 ? t.trueLabel : t.falseLabel) : choiceLabel(shown, item.choices[choice]?.[locale] ?? ""),
  }));
}

/** The right answer, named exactly as its button showed it. */
export function shownAnswer(item: GradedItem, order: readonly number[], locale: Locale): string {
  const right = order.find((choice) => isCorrectChoice(item, choice));
  return shownChoices(item, order, locale).find((s) => s.choice === right)?.label ?? "";
}
