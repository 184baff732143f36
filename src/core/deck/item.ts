// The content model: what a deck file may contain. Decks are validated against these schemas when
// they are loaded, and the stored copy of an item is validated again when it is read back.
import { z } from "zod";
import { localizedTextSchema, type Locale } from "../i18n/locale.ts";
import { SCHEMA_EN } from "../i18n/schema-messages.ts";

/** Item ids travel inside button ids (<= 100 characters on Discord), so they stay short. */
export const ITEM_ID_MAX = 48;
export const itemIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, SCHEMA_EN.idChars)
  .max(ITEM_ID_MAX, SCHEMA_EN.idMax(ITEM_ID_MAX));

export const TOPIC_ID_MAX = 24;
export const topicIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, SCHEMA_EN.topicIdChars)
  .max(TOPIC_ID_MAX, SCHEMA_EN.topicIdMax(TOPIC_ID_MAX));

/** Limits that keep every rendered string inside Discord's and Slack's limits (see content:check). */
export const TEXT_LIMITS = {
  /** A choice becomes a button label: Slack allows 75 characters, we prefix "A. ". */
  choice: 70,
  prompt: 700,
  answer: 700,
  explanation: 600,
} as const;

const text = (max: number) =>
  z.strictObject({
    ja: z.string().trim().min(1, SCHEMA_EN.textMissing("Japanese")).max(max, SCHEMA_EN.textTooLong("Japanese", max)),
    en: z.string().trim().min(1, SCHEMA_EN.textMissing("English")).max(max, SCHEMA_EN.textTooLong("English", max)),
  });

const choiceSchema = z.strictObject({
  ja: z
    .string()
    .trim()
    .min(1, SCHEMA_EN.choiceMissing("Japanese"))
    .max(TEXT_LIMITS.choice, SCHEMA_EN.choiceTooLong("Japanese", TEXT_LIMITS.choice)),
  en: z
    .string()
    .trim()
    .min(1, SCHEMA_EN.choiceMissing("English"))
    .max(TEXT_LIMITS.choice, SCHEMA_EN.choiceTooLong("English", TEXT_LIMITS.choice)),
  correct: z.boolean().optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

const common = {
  id: itemIdSchema,
  topics: z.array(topicIdSchema).min(1, SCHEMA_EN.needsTopic),
  section: z.string().min(1, SCHEMA_EN.needsSection),
  explanation: text(TEXT_LIMITS.explanation),
  /**
   * Items that share a sibling group answer each other (a card and its reverse, a cluster whose
   * explanations give each other away): once one is reviewed, the others wait for another study day.
   */
  sibling: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, SCHEMA_EN.siblingChars)
    .max(ITEM_ID_MAX, SCHEMA_EN.siblingMax(ITEM_ID_MAX))
    .optional(),
  /** Items of the same deck that must be introduced before this one. */
  requires: z.array(itemIdSchema).min(1).max(10, SCHEMA_EN.requiresMax(10)).optional(),
};

const choicesSchema = z
  .array(choiceSchema)
  .min(3, SCHEMA_EN.choiceCount(3, 5))
  .max(5, SCHEMA_EN.choiceCount(3, 5))
  .superRefine((choices, ctx) => {
    const correct = choices.filter((c) => c.correct === true).length;
    if (correct !== 1) {
      ctx.addIssue({ code: "custom", message: SCHEMA_EN.oneCorrect(correct) });
    }
    for (const lang of ["ja", "en"] as const) {
      const seen = new Set<string>();
      choices.forEach((c, i) => {
        const key = c[lang].trim().toLowerCase();
        if (seen.has(key)) ctx.addIssue({ code: "custom", path: [i, lang], message: SCHEMA_EN.duplicateChoice(c[lang]) });
        seen.add(key);
      });
    }
  });

export const flashcardSchema = z.strictObject({
  ...common,
  kind: z.literal("flashcard"),
  front: text(TEXT_LIMITS.prompt),
  back: text(TEXT_LIMITS.answer),
});

export const multipleChoiceSchema = z.strictObject({
  ...common,
  kind: z.literal("multiple-choice"),
  question: text(TEXT_LIMITS.prompt),
  choices: choicesSchema,
});

/** A multiple-choice question framed as a situation to reason about ("a sale opens at 10:00..."). */
export const scenarioSchema = z.strictObject({
  ...common,
  kind: z.literal("scenario"),
  question: text(TEXT_LIMITS.prompt),
  choices: choicesSchema,
});

export const trueFalseSchema = z.strictObject({
  ...common,
  kind: z.literal("true-false"),
  statement: text(TEXT_LIMITS.prompt),
  answer: z.boolean(),
});

export const itemSchema = z.discriminatedUnion("kind", [flashcardSchema, multipleChoiceSchema, scenarioSchema, trueFalseSchema]);
export type Item = z.infer<typeof itemSchema>;
export type ItemKind = Item["kind"];
export const ITEM_KINDS: readonly ItemKind[] = ["flashcard", "multiple-choice", "scenario", "true-false"];
export type ChoiceItem = Extract<Item, { kind: "multiple-choice" | "scenario" }>;
export type GradedItem = Exclude<Item, { kind: "flashcard" }>;

export function isGraded(item: Item): item is GradedItem {
  return item.kind !== "flashcard";
}

/** The prompt side of an item as a user sees it: card front, question or statement. */
export function promptOf(item: Item, locale: Locale): string {
  switch (item.kind) {
    case "flashcard":
      return item.front[locale];
    case "multiple-choice":
    case "scenario":
      return item.question[locale];
    case "true-false":
      return item.statement[locale];
  }
}

export const topicSchema = z.strictObject({ id: topicIdSchema, name: localizedTextSchema });
export type Topic = z.infer<typeof topicSchema>;

export const sectionSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/, SCHEMA_EN.sectionIdChars),
  /** The heading exactly as the source article writes it. */
  heading: z.string().min(1),
  name: localizedTextSchema,
});
export type Section = z.infer<typeof sectionSchema>;

export const deckMetaSchema = z.strictObject({
  id: itemIdSchema,
  name: localizedTextSchema,
  description: localizedTextSchema.optional(),
});
export type DeckMeta = z.infer<typeof deckMetaSchema>;

/** A deck as the loader hands it over: metadata plus items in study order. */
export interface Deck {
  meta: DeckMeta;
  items: Item[];
}

/** Everything under content/: the topics and sections items refer to, and the decks. */
export interface Library {
  topics: Topic[];
  sections: Section[];
  decks: Deck[];
}
