// Reads the YAML files under content/ into a validated Library. Every problem is reported with the
// file, the item id and the field it concerns, so a broken deck can be fixed without guessing.
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { parseDocument } from "yaml";
import { z } from "zod";
import {
  deckMetaSchema,
  itemSchema,
  sectionSchema,
  topicSchema,
  type Deck,
  type Item,
  type Library,
  type Section,
  type Topic,
} from "../core/deck/item.ts";

export interface ContentProblem {
  file: string;
  itemId?: string;
  field?: string;
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = [p.file, p.itemId && `item ${p.itemId}`, p.field && `field ${p.field}`].filter(Boolean).join(", ");
  return `${where}: ${p.message}`;
}

export class ContentError extends Error {
  readonly problems: ContentProblem[];

  constructor(problems: ContentProblem[]) {
    super(`content has ${problems.length} problem(s):\n${problems.map(formatProblem).join("\n")}`);
    this.problems = problems;
    this.name = "ContentError";
  }
}

export interface LoadResult {
  library: Library;
  problems: ContentProblem[];
  /** Which file each item came from, for reports. */
  fileOf: Map<string, string>;
}

const topicsFileSchema = z.strictObject({ topics: z.array(z.unknown()) });
const sectionsFileSchema = z.strictObject({ sections: z.array(z.unknown()) });
const itemsFileSchema = z.strictObject({ items: z.array(z.unknown()) });

/** Loads and validates; throws ContentError listing every problem when anything is wrong. */
export async function loadLibrary(contentDir: string): Promise<Library> {
  const result = await readLibrary(contentDir);
  if (result.problems.length > 0) throw new ContentError(result.problems);
  return result.library;
}

/** Loads and validates, returning the problems instead of throwing (for content:check). */
export async function readLibrary(contentDir: string): Promise<LoadResult> {
  const problems: ContentProblem[] = [];
  const rel = relativePath;

  const topics = await readList(path.join(contentDir, "topics.yaml"), topicsFileSchema, "topics", topicSchema, problems, rel);
  const sections = await readList(path.join(contentDir, "sections.yaml"), sectionsFileSchema, "sections", sectionSchema, problems, rel);
  const topicIds = new Set(topics.map((t) => t.id));
  const sectionIds = new Set(sections.map((s) => s.id));
  checkUnique(
    topics.map((t) => ({ id: t.id, file: rel(path.join(contentDir, "topics.yaml")) })),
    "topic",
    problems,
  );

  const decksDir = path.join(contentDir, "decks");
  const deckDirs = (await listDir(decksDir, problems, rel))
    .filter((e) => e.isDirectory())
    .map((e) => e.name)
    .sort();
  const decks: Deck[] = [];
  const fileOf = new Map<string, string>();
  const seen = new Map<string, string>();

  for (const deckDir of deckDirs) {
    const dir = path.join(decksDir, deckDir);
    const metaFile = path.join(dir, "deck.yaml");
    const metaDoc = await readYaml(metaFile, problems, rel);
    if (metaDoc === undefined) continue;
    const meta = deckMetaSchema.safeParse(metaDoc, REPORT_INPUT);
    if (!meta.success) {
      pushZodProblems(problems, rel(metaFile), undefined, meta.error);
      continue;
    }
    const items: Item[] = [];
    const files = (await listDir(dir, problems, rel))
      .filter((e) => e.isFile() && /\.ya?ml$/.test(e.name) && e.name !== "deck.yaml")
      .map((e) => e.name)
      .sort();
    for (const name of files) {
      const file = path.join(dir, name);
      const shown = rel(file);
      const doc = await readYaml(file, problems, rel);
      if (doc === undefined) continue;
      const shape = itemsFileSchema.safeParse(doc, REPORT_INPUT);
      if (!shape.success) {
        problems.push({ file: shown, message: "a deck file holds one key, `items`, with a list of items" });
        continue;
      }
      shape.data.items.forEach((raw, index) => {
        const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : `#${index + 1}`;
        const parsed = itemSchema.safeParse(raw, REPORT_INPUT);
        if (!parsed.success) {
          pushZodProblems(problems, shown, rawId, parsed.error);
          return;
        }
        const item = parsed.data;
        const previous = seen.get(item.id);
        if (previous) {
          problems.push({ file: shown, itemId: item.id, field: "id", message: `id already used in ${previous}` });
          return;
        }
        seen.set(item.id, shown);
        item.topics.forEach((t, i) => {
          if (!topicIds.has(t))
            problems.push({ file: shown, itemId: item.id, field: `topics.${i}`, message: `unknown topic "${t}" (not in topics.yaml)` });
        });
        if (!sectionIds.has(item.section)) {
          problems.push({
            file: shown,
            itemId: item.id,
            field: "section",
            message: `unknown section "${item.section}" (not in sections.yaml)`,
          });
        }
        fileOf.set(item.id, shown);
        items.push(item);
      });
    }
    decks.push({ meta: meta.data, items });
  }
  return { library: { topics, sections, decks }, problems, fileOf };
}

async function listDir(dir: string, problems: ContentProblem[], rel: (f: string) => string) {
  try {
    return await readdir(dir, { withFileTypes: true });
  } catch {
    problems.push({ file: rel(dir), message: "folder is missing" });
    return [];
  }
}

/** A path as reports show it: relative to the working folder. */
export function relativePath(file: string): string {
  return path.relative(process.cwd(), file) || file;
}

export async function readYaml(file: string, problems: ContentProblem[], rel: (f: string) => string): Promise<unknown> {
  let source: string;
  try {
    source = await readFile(file, "utf8");
  } catch {
    problems.push({ file: rel(file), message: "file is missing or unreadable" });
    return undefined;
  }
  if (source.includes("\uFFFD")) {
    problems.push({ file: rel(file), message: "file is not valid UTF-8" });
    return undefined;
  }
  const doc = parseDocument(source, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) {
    for (const e of doc.errors) {
      const line = e.linePos?.[0]?.line;
      problems.push({ file: rel(file), message: `invalid YAML${line ? ` at line ${line}` : ""}: ${e.message.split("\n")[0]}` });
    }
    return undefined;
  }
  return doc.toJS();
}

async function readList<T>(
  file: string,
  fileSchema: z.ZodType<Record<string, unknown[]>>,
  key: string,
  entrySchema: z.ZodType<T>,
  problems: ContentProblem[],
  rel: (f: string) => string,
): Promise<T[]> {
  const doc = await readYaml(file, problems, rel);
  if (doc === undefined) return [];
  const shape = fileSchema.safeParse(doc, REPORT_INPUT);
  if (!shape.success) {
    problems.push({ file: rel(file), message: `expected one key, \`${key}\`, with a list` });
    return [];
  }
  const out: T[] = [];
  (shape.data[key] ?? []).forEach((raw, index) => {
    const parsed = entrySchema.safeParse(raw, REPORT_INPUT);
    if (parsed.success) out.push(parsed.data);
    else pushZodProblems(problems, rel(file), `#${index + 1}`, parsed.error);
  });
  return out;
}

function checkUnique(entries: { id: string; file: string }[], what: string, problems: ContentProblem[]) {
  const seen = new Set<string>();
  for (const e of entries) {
    if (seen.has(e.id)) problems.push({ file: e.file, message: `${what} id "${e.id}" is defined twice` });
    seen.add(e.id);
  }
}

export function pushZodProblems(problems: ContentProblem[], file: string, itemId: string | undefined, error: z.ZodError) {
  for (const issue of error.issues) {
    const field = issue.path.length > 0 ? issue.path.join(".") : undefined;
    problems.push({ file, ...(itemId ? { itemId } : {}), ...(field ? { field } : {}), message: describeIssue(issue) });
  }
}

/** Issues carry the input, so a value of the wrong type is told apart from a missing one. */
export const REPORT_INPUT = { reportInput: true } as const;

const EXPECTED_KIND: Partial<Record<string, string>> = {
  string: "text",
  number: "a number",
  boolean: "true or false",
  array: "a list",
  object: "a map of fields",
};

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required but missing";
  if (issue.code === "invalid_type") return `must be ${EXPECTED_KIND[issue.expected] ?? issue.expected}`;
  if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
  if (issue.code === "invalid_union" && "note" in issue) return issue.message;
  return issue.message;
}

export type { Topic, Section };
