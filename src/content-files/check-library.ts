// The deck's checks (npm run content:check): beyond the schema, the rules that need the whole
// library at once: unique questions, non-empty topics, lengths as the platforms will render them,
// links between items, and each deck's quality gates.
import { isGraded, promptOf, type Item, type Library } from "../core/deck/item.ts";
import { LOCALES, type Locale } from "../core/i18n/locale.ts";
import type { Glossary } from "./glossary.ts";
import type { ContentProblem, LoadResult } from "./load-library.ts";
import { deckGates, linkProblems, type DeckGates, type GateResult } from "./quality-gates.ts";

export interface ContentCounts {
  items: number;
  graded: number;
  byKind: Record<string, number>;
  byTopic: Record<string, number>;
  bySection: Record<string, number>;
  byLocale: Record<Locale, number>;
}

/** Platform limits every rendered string must respect. */
export const PLATFORM_LIMITS = {
  discordMessage: 2000,
  discordButtonLabel: 80,
  slackButtonText: 75,
} as const;

export interface CheckOptions {
  renderers?: RenderCheck[];
  /** Without a glossary, the glossary gate has no variant to find. */
  glossary?: Glossary;
}

export function checkLibrary(
  result: LoadResult,
  { renderers = [], glossary = { terms: [] } }: CheckOptions = {},
): { problems: ContentProblem[]; counts: ContentCounts; gates: DeckGates[] } {
  const problems: ContentProblem[] = [...result.problems];
  const { library, fileOf } = result;
  const items = library.decks.flatMap((d) => d.items);
  const counts: ContentCounts = {
    items: items.length,
    graded: items.filter(isGraded).length,
    byKind: {},
    byTopic: Object.fromEntries(library.topics.map((t) => [t.id, 0])),
    bySection: Object.fromEntries(library.sections.map((s) => [s.id, 0])),
    byLocale: { en: 0, ja: 0 },
  };
  const prompts = new Map<string, string>();
  for (const item of items) {
    const file = fileOf.get(item.id) ?? "content";
    counts.byKind[item.kind] = (counts.byKind[item.kind] ?? 0) + 1;
    for (const t of item.topics) counts.byTopic[t] = (counts.byTopic[t] ?? 0) + 1;
    counts.bySection[item.section] = (counts.bySection[item.section] ?? 0) + 1;
    for (const locale of LOCALES) {
      counts.byLocale[locale] += 1;
      const key = `${locale}:${normalize(promptOf(item, locale))}`;
      const other = prompts.get(key);
      if (other) problems.push({ file, itemId: item.id, field: promptField(item, locale), message: `same question as item ${other}` });
      else prompts.set(key, item.id);
    }
    if (new Set(item.topics).size !== item.topics.length)
      problems.push({ file, itemId: item.id, field: "topics", message: "a topic is listed twice" });
    for (const check of renderers) problems.push(...check(item).map((p) => ({ file, itemId: item.id, ...p })));
  }
  for (const [topic, n] of Object.entries(counts.byTopic)) {
    if (n === 0) problems.push({ file: "content/topics.yaml", field: topic, message: `topic "${topic}" has no items` });
  }
  for (const [section, n] of Object.entries(counts.bySection)) {
    if (n === 0) problems.push({ file: "content/sections.yaml", field: section, message: `section "${section}" has no items` });
  }
  for (const deck of library.decks) problems.push(...linkProblems(deck, fileOf));
  const gates = library.decks.map((deck) => deckGates(deck, glossary));
  return { problems, counts, gates };
}

export function failedGates(gates: DeckGates[]): GateResult[] {
  return gates.flatMap((d) => d.gates.filter((g) => !g.passed));
}

/** A check that renders an item as a platform would and reports strings past that platform's limits. */
export type RenderCheck = (item: Item) => { field: string; message: string }[];

function promptField(item: Item, locale: Locale): string {
  const key = item.kind === "flashcard" ? "front" : item.kind === "true-false" ? "statement" : "question";
  return `${key}.${locale}`;
}

function normalize(s: string): string {
  return s.replace(/[\s\p{P}]+/gu, "").toLowerCase();
}

export function formatCounts(counts: ContentCounts, library: Library): string {
  const lines: string[] = [];
  const table = (title: string, rows: [string, number][]) => {
    const width = Math.max(title.length, ...rows.map(([k]) => k.length));
    lines.push(`${title.padEnd(width)}  count`, `${"-".repeat(width)}  -----`);
    for (const [k, v] of rows) lines.push(`${k.padEnd(width)}  ${String(v).padStart(5)}`);
    lines.push("");
  };
  table("kind", Object.entries(counts.byKind).sort());
  table(
    "topic",
    library.topics.map((t) => [`${t.id} (${t.name.en} / ${t.name.ja})`, counts.byTopic[t.id] ?? 0]),
  );
  table("language", Object.entries(counts.byLocale));
  table(
    "section",
    library.sections.map((s) => [s.id, counts.bySection[s.id] ?? 0]),
  );
  lines.push(
    `${counts.items} items, ${counts.graded} auto-graded (multiple choice, scenario, true/false), in ${library.decks.length} deck(s)`,
  );
  return lines.join("\n");
}
