// The deck's quality gates (issue 15): figures that tell a guessable or inconsistent deck from a good
// one, computed per deck in content/ and printed by content:check, with the ids behind any failure.
// Also the links between items (`requires`, `sibling`), which only make sense within one deck.
import { promptOf, type ChoiceItem, type Deck, type Item } from "../core/deck/item.ts";
import { LOCALES, type Locale } from "../core/i18n/locale.ts";
import { avoidedIn, avoidRules, type Glossary } from "./glossary.ts";
import type { ContentProblem } from "./load-library.ts";

export interface GateOffender {
  itemId: string;
  /** What about the item fails the gate, when the id alone does not say it. */
  detail?: string;
}

export interface GateResult {
  gate: string;
  /** The measured figure, e.g. "52.0% true (13 of 25 true/false items)". */
  figure: string;
  /** The rule, e.g. "between 40% and 60%". */
  rule: string;
  passed: boolean;
  offenders: GateOffender[];
}

export interface DeckGates {
  deck: string;
  gates: GateResult[];
}

export const GATE_LIMITS = {
  trueShare: { min: 40, max: 60 },
  absoluteFalseShareMax: 75,
  longestCorrectShareMax: 30,
  articleMentionShareMax: 5,
} as const;

const ABSOLUTE_EN = /\b(only|never|always|all|must)\b/i;
const ABSOLUTE_JA = /だけ|のみ|常に|必ず|決して|すべて/;
const ARTICLE_EN = /\barticles?\b/i;
const ARTICLE_JA = /記事/;

export function deckGates(deck: Deck, glossary: Glossary): DeckGates {
  return {
    deck: deck.meta.id,
    gates: [
      trueFalseBalance(deck.items),
      absolutes(deck.items),
      longestChoice(deck.items),
      articleMentions(deck.items),
      glossaryGate(deck.items, glossary),
    ],
  };
}

function percent(part: number, whole: number): string {
  return whole === 0 ? "n/a" : `${((100 * part) / whole).toFixed(1)}%`;
}

function trueFalseBalance(items: Item[]): GateResult {
  const tf = items.filter((i) => i.kind === "true-false");
  const truths = tf.filter((i) => i.answer);
  const { min, max } = GATE_LIMITS.trueShare;
  const tooFew = 100 * truths.length < min * tf.length;
  const tooMany = 100 * truths.length > max * tf.length;
  // The side there are too many of is the one to rewrite.
  const offenders = tooMany ? truths : tooFew ? tf.filter((i) => !i.answer) : [];
  return {
    gate: "true/false balance",
    figure: `${percent(truths.length, tf.length)} true (${truths.length} of ${tf.length} true/false items)`,
    rule: `between ${min}% and ${max}% true`,
    passed: !tooFew && !tooMany,
    offenders: offenders.map((i) => ({ itemId: i.id, detail: `answer ${String(i.answer)}` })),
  };
}

/** The absolute word a statement uses, in either language, if any. */
export function absoluteIn(item: Item): string | undefined {
  if (item.kind !== "true-false") return undefined;
  return ABSOLUTE_EN.exec(item.statement.en)?.[0] ?? ABSOLUTE_JA.exec(item.statement.ja)?.[0];
}

function absolutes(items: Item[]): GateResult {
  const withAbsolute = items.filter((i) => absoluteIn(i) !== undefined);
  const falses = withAbsolute.filter((i) => i.kind === "true-false" && !i.answer);
  const max = GATE_LIMITS.absoluteFalseShareMax;
  const passed = 100 * falses.length <= max * withAbsolute.length;
  return {
    gate: "absolutes",
    figure: `${percent(falses.length, withAbsolute.length)} false (${falses.length} of ${withAbsolute.length} true/false items with an absolute)`,
    rule: `at most ${max}% false`,
    passed,
    offenders: passed ? [] : falses.map((i) => ({ itemId: i.id, detail: `false, says "${absoluteIn(i)}"` })),
  };
}

const length = (s: string) => [...s.trim()].length;

/** The languages in which the correct choice is strictly longer than every other choice. */
export function longestCorrectIn(item: ChoiceItem): Locale[] {
  return LOCALES.filter((locale) => {
    const correct = item.choices.find((c) => c.correct === true);
    if (!correct) return false;
    return item.choices.every((c) => c === correct || length(c[locale]) < length(correct[locale]));
  });
}

function longestChoice(items: Item[]): GateResult {
  const choiceItems = items.filter((i): i is ChoiceItem => i.kind === "multiple-choice" || i.kind === "scenario");
  const giveaways = choiceItems.map((i) => ({ item: i, locales: longestCorrectIn(i) })).filter((x) => x.locales.length > 0);
  const max = GATE_LIMITS.longestCorrectShareMax;
  const passed = 100 * giveaways.length <= max * choiceItems.length;
  return {
    gate: "longest choice",
    figure: `${percent(giveaways.length, choiceItems.length)} (${giveaways.length} of ${choiceItems.length} choice items: the correct choice is the longest)`,
    rule: `at most ${max}%`,
    passed,
    offenders: passed ? [] : giveaways.map((x) => ({ itemId: x.item.id, detail: `longest in ${x.locales.join(" and ")}` })),
  };
}

/** Whether the prompt refers to the source article instead of standing on its own. */
export function mentionsArticle(item: Item): boolean {
  return ARTICLE_JA.test(promptOf(item, "ja")) || ARTICLE_EN.test(promptOf(item, "en"));
}

function articleMentions(items: Item[]): GateResult {
  const mentions = items.filter(mentionsArticle);
  const max = GATE_LIMITS.articleMentionShareMax;
  const passed = 100 * mentions.length <= max * items.length;
  return {
    gate: "article mentions",
    figure: `${percent(mentions.length, items.length)} (${mentions.length} of ${items.length} prompts mention the article)`,
    rule: `at most ${max}%`,
    passed,
    offenders: passed ? [] : mentions.map((i) => ({ itemId: i.id })),
  };
}

/** Every text of an item a user can read, with the field it comes from. */
export function textsOf(item: Item): { field: string; locale: Locale; text: string }[] {
  const out: { field: string; locale: Locale; text: string }[] = [];
  for (const locale of LOCALES) {
    const add = (field: string, text: string) => out.push({ field: `${field}.${locale}`, locale, text });
    switch (item.kind) {
      case "flashcard":
        add("front", item.front[locale]);
        add("back", item.back[locale]);
        break;
      case "multiple-choice":
      case "scenario":
        add("question", item.question[locale]);
        item.choices.forEach((c, i) => add(`choices.${i}`, c[locale]));
        break;
      case "true-false":
        add("statement", item.statement[locale]);
        break;
    }
    add("explanation", item.explanation[locale]);
  }
  return out;
}

function glossaryGate(items: Item[], glossary: Glossary): GateResult {
  const rules = avoidRules(glossary);
  const offenders: GateOffender[] = [];
  for (const item of items) {
    for (const { field, locale, text } of textsOf(item)) {
      for (const { rule, found } of avoidedIn(text, locale, rules)) {
        const variant = found === rule.variant ? "" : ` (variant ${rule.variant})`;
        offenders.push({ itemId: item.id, detail: `field ${field}: "${found}"${variant}; use ${rule.term.use[locale]}` });
      }
    }
  }
  return {
    gate: "glossary",
    figure: `${offenders.length} avoided variant(s) in ${new Set(offenders.map((o) => o.itemId)).size} item(s)`,
    rule: "none",
    passed: offenders.length === 0,
    offenders,
  };
}

/** `requires` names other items of the same deck, without cycles; a sibling group has two items or more. */
export function linkProblems(deck: Deck, fileOf: Map<string, string>): ContentProblem[] {
  const problems: ContentProblem[] = [];
  const byId = new Map(deck.items.map((i) => [i.id, i]));
  const fileFor = (id: string) => fileOf.get(id) ?? "content";
  for (const item of deck.items) {
    (item.requires ?? []).forEach((required, index) => {
      const field = `requires.${index}`;
      if (required === item.id) problems.push({ file: fileFor(item.id), itemId: item.id, field, message: "an item cannot require itself" });
      else if (!byId.has(required))
        problems.push({
          file: fileFor(item.id),
          itemId: item.id,
          field,
          message: `requires ${required}, which is not an item of deck ${deck.meta.id}`,
        });
    });
  }
  for (const cycle of requireCycles(deck.items, byId)) {
    const first = cycle[0] ?? "";
    problems.push({
      file: fileFor(first),
      itemId: first,
      field: "requires",
      message: `requires form a cycle: ${[...cycle, first].join(" -> ")}`,
    });
  }
  const groups = new Map<string, string[]>();
  for (const item of deck.items) if (item.sibling) groups.set(item.sibling, [...(groups.get(item.sibling) ?? []), item.id]);
  for (const [group, ids] of groups) {
    if (ids.length < 2) {
      const id = ids[0] ?? "";
      problems.push({
        file: fileFor(id),
        itemId: id,
        field: "sibling",
        message: `sibling group "${group}" has only this item; a group needs at least two`,
      });
    }
  }
  return problems;
}

/** Each cycle among `requires` once (self-requirements are reported on their own). */
function requireCycles(items: Item[], byId: Map<string, Item>): string[][] {
  const state = new Map<string, "visiting" | "done">();
  const cycles: string[][] = [];
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, "visiting");
    stack.push(id);
    for (const next of byId.get(id)?.requires ?? []) {
      if (next === id || !byId.has(next)) continue;
      if (state.get(next) === "visiting") cycles.push(stack.slice(stack.indexOf(next)));
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(id, "done");
  };
  for (const item of items) if (!state.has(item.id)) visit(item.id);
  return cycles;
}

export function formatGates(results: DeckGates[]): string {
  const lines: string[] = [];
  for (const { deck, gates } of results) {
    lines.push(`quality gates, deck ${deck}:`);
    const width = Math.max(...gates.map((g) => g.gate.length));
    for (const g of gates) {
      lines.push(`  ${g.passed ? "pass" : "FAIL"}  ${g.gate.padEnd(width)}  ${g.figure}; allowed: ${g.rule}`);
      for (const o of g.offenders) lines.push(`        ${o.itemId}${o.detail ? `: ${o.detail}` : ""}`);
    }
    lines.push("");
  }
  return lines.join("\n");
}
