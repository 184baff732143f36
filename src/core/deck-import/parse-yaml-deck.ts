// YAML decks in the repository's own format (content/decks/*/*.yaml): `items:`, a list of items, and
// optionally `name:`. Problems name the item id, the field and the line, as content:check does.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import { z } from "zod";
import { itemSchema } from "../deck/item.ts";
import { IMPORT_LIMITS } from "./import-limits.ts";
import type { ImportedItem, ImportProblem } from "./import-result.ts";

const deckFileSchema = z.strictObject({
  name: z.string().trim().min(1, "the deck name is empty").max(100, "the deck name is longer than 100 characters").optional(),
  items: z.array(z.unknown()),
});

export function parseYamlDeck(text: string): { items: ImportedItem[]; problems: ImportProblem[]; deckName?: string } {
  const lineCounter = new LineCounter();
  const problems: ImportProblem[] = [];
  let doc: Document.Parsed;
  let data: unknown;
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = error.linePos?.[0].line;
        const message =
          error.code === "MULTIPLE_DOCS"
            ? "the file holds more than one YAML document (a second `---`); keep one"
            : error.message.includes("Maximum call stack size exceeded")
              ? "it is nested too deeply"
              : (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
        problems.push({ ...(line ? { line } : {}), message: `invalid YAML: ${message}` });
      }
      return { items: [], problems };
    }
    // toJS refuses excessive aliases ("billion laughs") by throwing.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Hostile nesting can exhaust the stack; that is a problem with the file, not with the bot.
    const why = error instanceof RangeError ? "it is nested too deeply" : error instanceof Error ? error.message : String(error);
    return { items: [], problems: [{ message: `the YAML could not be read: ${why}` }] };
  }

  // The line of the key when the path ends in one ("choices:"), else of the value; the nearest existing
  // ancestor when the field is missing.
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    const keys = path.filter((k) => typeof k !== "symbol");
    for (let end = keys.length; end >= 0; end--) {
      const parent = end > 0 ? doc.getIn(keys.slice(0, end - 1), true) : undefined;
      const pair = isMap(parent) ? parent.items.find((p) => isScalar(p.key) && p.key.value === keys[end - 1]) : undefined;
      const node = isScalar(pair?.key) ? pair.key : doc.getIn(keys.slice(0, end), true);
      if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
    }
    return undefined;
  };
  const at = (path: readonly PropertyKey[], issue?: z.core.$ZodIssue) => {
    const line = lineOf(issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path);
    return line ? { line } : {};
  };

  const shape = deckFileSchema.safeParse(data);
  if (!shape.success) {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return { items: [], problems: [{ message: "a YAML deck holds `items:`, a list of items, and optionally `name:`" }] };
    }
    for (const issue of shape.error.issues) {
      problems.push({ ...at(issue.path, issue), ...fieldOf(issue.path), message: describeIssue(issue) });
    }
    return { items: [], problems };
  }

  const raws = shape.data.items;
  if (raws.length > IMPORT_LIMITS.maxItems) {
    return { items: [], problems: [{ message: `the file has ${raws.length} items; the limit is ${IMPORT_LIMITS.maxItems}` }] };
  }
  const items: ImportedItem[] = [];
  const idLines = new Map<string, number | undefined>();
  raws.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
    const parsed = itemSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        problems.push({
          ...at(["items", index, ...issue.path], issue),
          itemId: rawId,
          ...fieldOf(issue.path),
          message: describeIssue(issue),
        });
      }
      return;
    }
    const item = parsed.data;
    const line = lineOf(["items", index]);
    if (idLines.has(item.id)) {
      const earlier = idLines.get(item.id);
      problems.push({
        ...at(["items", index, "id"]),
        itemId: item.id,
        field: "id",
        message: `id already used${earlier ? ` on line ${earlier}` : ""}`,
      });
      return;
    }
    idLines.set(item.id, line);
    items.push({ localId: item.id, item });
  });
  const deckName = shape.data.name;
  return { items, problems, ...(deckName ? { deckName } : {}) };
}

function fieldOf(path: readonly PropertyKey[]): { field?: string } {
  return path.length > 0 ? { field: path.map(String).join(".") } : {};
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === "invalid_type" && issue.input === undefined) return "is required but missing";
  if (issue.code === "unrecognized_keys") return `unknown field(s): ${issue.keys.join(", ")}`;
  return issue.message;
}
