// Builders for content in tests: a valid item or library with only the fields a test cares about.
import type { Item, Library } from "../../src/core/deck/item.ts";

const text = (en: string, ja = `${en}（日本語）`) => ({ en, ja });

export function aFlashcard(id: string, overrides: Partial<Extract<Item, { kind: "flashcard" }>> = {}): Item {
  return {
    id,
    kind: "flashcard",
    topics: ["basics"],
    section: "intro",
    front: text(`Front of ${id}`),
    back: text(`Back of ${id}`),
    explanation: text(`Why ${id}`),
    ...overrides,
  };
}

export function aChoiceQuestion(id: string, overrides: Partial<Extract<Item, { kind: "multiple-choice" }>> = {}): Item {
  return {
    id,
    kind: "multiple-choice",
    topics: ["basics"],
    section: "intro",
    question: text(`Question ${id}?`),
    choices: [{ ...text(`Right answer of ${id}`), correct: true }, text(`Wrong one of ${id}`), text(`Wrong two of ${id}`)],
    explanation: text(`Because ${id}`),
    ...overrides,
  };
}

export function aTrueFalse(id: string, answer: boolean, overrides: Partial<Extract<Item, { kind: "true-false" }>> = {}): Item {
  return {
    id,
    kind: "true-false",
    topics: ["basics"],
    section: "intro",
    statement: text(`Statement ${id}`),
    answer,
    explanation: text(`Because ${id}`),
    ...overrides,
  };
}

export function aLibrary(items: Item[], extraTopics: string[] = []): Library {
  const topics = [...new Set(["basics", ...extraTopics, ...items.flatMap((i) => i.topics)])];
  return {
    topics: topics.map((id) => ({ id, name: text(`Topic ${id}`, `トピック${id}`) })),
    sections: [{ id: "intro", heading: "1. はじめに", name: text("Intro", "はじめに") }],
    decks: [{ meta: { id: "test-deck", name: text("Test deck") }, items }],
  };
}

/** A five-choice question whose right answer is written last, so shuffles rarely leave it where the deck file put it. */
export function aFiveChoiceQuestion(id: string, topics = ["basics"]): Item {
  return aChoiceQuestion(id, {
    topics,
    choices: [
      text(`Wrong one of ${id}`),
      text(`Wrong two of ${id}`),
      text(`Wrong three of ${id}`),
      text(`Wrong four of ${id}`),
      { ...text(`Right answer of ${id}`), correct: true },
    ],
  });
}
