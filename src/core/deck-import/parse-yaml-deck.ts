// YAML decks in the repository's own format (content/decks/*/*.yaml): `items:`, a list of items, and
// optionally `name:`. Problems name the item id, the field and the line, as content:check does.
import {
  isAlias,
  isCollection,
  isDocument,
  isMap,
  isNode,
  isPair,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  visit,
  type Document,
  type DocumentOptions,
  type ErrorCode,
  type Node,
  type ParseOptions,
  type Pair,
  type SchemaOptions,
  type YAMLError,
  type YAMLMap,
} from "yaml";
import { z } from "zod";
import { itemSchema } from "../deck/item.ts";
import { importText, isYamlSyntaxCode, type ExpectedKind } from "../i18n/import-messages.ts";
import type { LocalizedText } from "../i18n/locale.ts";
import { schemaMessageText, SCHEMA_EN } from "../i18n/schema-messages.ts";
import { IMPORT_LIMITS, tooManyItems } from "./import-limits.ts";
import type { ImportedItem, ImportProblem } from "./import-result.ts";
import { cleanStrings } from "./plain-text.ts";
import { YAML_MAX_DEPTH, YAML_MAX_TOKENS, yamlSizeProblem } from "./yaml-depth.ts";

const NESTED_TOO_DEEPLY = importText((m) => m.nestedTooDeeply(YAML_MAX_DEPTH));
const TOO_MANY_TOKENS = importText((m) => m.tooManyTokens(YAML_MAX_TOKENS, IMPORT_LIMITS.maxItems));
/** Aliases may repeat a value, but not without end: the values the document holds once they are expanded. */
const ALIASES_EXPAND_TOO_FAR = importText((m) => m.aliasesExpandTooFar(YAML_MAX_TOKENS));
const ALIAS_INSIDE_ITSELF = importText((m) => m.aliasInsideItself);
/** What is wrong with a document, by what expandedSize() finds once its aliases are replaced. */
const EXPANSION_PROBLEMS = {
  ok: undefined,
  "too-many": ALIASES_EXPAND_TOO_FAR,
  "too-deep": NESTED_TOO_DEEPLY,
  "inside-itself": ALIAS_INSIDE_ITSELF,
} as const;
const DUPLICATE_KEY = importText((m) => m.duplicateKey);

/** Tags whose values the library checks against every earlier entry (quadratic); a deck has no use for them. */
const QUADRATIC_TAGS = new Set(["tag:yaml.org,2002:omap", "tag:yaml.org,2002:set", "omap", "set"]);

/**
 * Each option here replaces something in the library that costs more than linear time on hostile input;
 * parseYamlDeck does the same work itself in one pass.
 */
const PARSE_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  // The library compares each key with every earlier key of its map; readMaps() uses a set.
  uniqueKeys: false,
  // Pretty errors copy the error's whole line for each error: quadratic when one long line holds many.
  prettyErrors: false,
  // !!omap and !!set (known tags in YAML 1.2, schema tags in 1.1; YAML 1.1 documents keep their schema otherwise).
  resolveKnownTags: false,
  customTags: (tags) => tags.filter((tag) => !QUADRATIC_TAGS.has(typeof tag === "string" ? tag : tag.tag)),
};

const deckFileSchema = z.strictObject({
  name: z.string().trim().min(1, SCHEMA_EN.deckNameEmpty).max(100, SCHEMA_EN.deckNameTooLong(100)).optional(),
  items: z.array(z.unknown()),
});

export function parseYamlDeck(text: string): { items: ImportedItem[]; problems: ImportProblem[]; deckName?: string } {
  const lineCounter = new LineCounter();
  const problems: ImportProblem[] = [];
  let doc: Document.Parsed;
  let data: unknown;
  // Problems with the same text share it: a hostile file can hold 300,000 syntax errors, most of them alike.
  const invalidTexts = new Map<string, LocalizedText>();
  const invalid = (message: LocalizedText, offset?: number): ImportProblem => {
    const line = offset !== undefined && offset >= 0 ? lineCounter.linePos(offset).line : undefined;
    let text = invalidTexts.get(message.en);
    if (text === undefined) {
      text = importText((m, locale) => m.invalidYaml(message[locale]));
      invalidTexts.set(message.en, text);
    }
    return { ...(line ? { line } : {}), message: text };
  };
  const described = new Map<string, LocalizedText>();
  const describe = (error: YAMLError): LocalizedText => {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    const character = text.charAt(error.pos[0]);
    // Most errors read alike wherever they are; only the generic one names its place.
    const key = `${error.code} ${character}${isYamlSyntaxCode(error.code) ? "" : ` ${line}:${col}`}`;
    let message = described.get(key);
    if (message === undefined) {
      message = describeSyntaxError(error.code, character, line, col);
      described.set(key, message);
    }
    return message;
  };
  const unreadable = (why: LocalizedText) => ({
    items: [],
    problems: [{ message: importText((m, locale) => m.unreadableYaml(why[locale])) }],
  });
  // Measured first: composing a document thousands deep can kill the process, and a huge number of
  // parts keeps it busy for seconds (see yaml-depth.ts).
  const size = yamlSizeProblem(text);
  if (size === "too-deep") return { items: [], problems: [invalid(NESTED_TOO_DEEPLY)] };
  if (size === "too-many-tokens") return { items: [], problems: [invalid(TOO_MANY_TOKENS)] };
  try {
    doc = withoutStackTraces(() => parseDocument(text, { ...PARSE_OPTIONS, lineCounter }));
    for (const error of doc.errors) problems.push(invalid(describe(error), error.pos[0]));
    const { duplicateKeys, hasAliases } = readMaps(doc);
    for (const offset of duplicateKeys) problems.push(invalid(DUPLICATE_KEY, offset));
    if (problems.length > 0) return { items: [], problems };
    const aliases = hasAliases ? resolveAliases(doc) : undefined;
    if (aliases !== undefined) return unreadable(aliases);
    // No alias is left for toJS to resolve; the count stays as a second guard against "billion laughs".
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Hostile nesting can exhaust the stack; that is a problem with the file, not with the bot.
    // Anything else toJS may throw names no part of the file; its own words are all there is to show.
    const message = error instanceof Error ? error.message : String(error);
    return unreadable(error instanceof RangeError ? NESTED_TOO_DEEPLY : { en: message, ja: message });
  }

  // Each map's pairs by key, indexed when first needed: a map may hold tens of thousands of keys and
  // as many problems may look one up (doc.getIn compares the pairs one by one, quadratic).
  const pairIndexes = new Map<YAMLMap, Map<unknown, Pair>>();
  const pairOf = (map: YAMLMap, key: PropertyKey): Pair | undefined => {
    let index = pairIndexes.get(map);
    if (index === undefined) {
      index = new Map();
      for (const pair of map.items) if (isScalar(pair.key) && !index.has(pair.key.value)) index.set(pair.key.value, pair);
      pairIndexes.set(map, index);
    }
    return index.get(key);
  };
  const lineAt = (node: unknown) => (isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined);
  // The line of the key when the path ends in one ("choices:"), else of the value; the nearest existing
  // ancestor when the field is missing.
  const lineOf = (path: readonly PropertyKey[]): number | undefined => {
    let node: unknown = doc.contents;
    let line = lineAt(node);
    for (const key of path) {
      if (typeof key === "symbol") continue;
      if (isMap(node)) {
        const pair = pairOf(node, key);
        if (pair === undefined) break;
        line = lineAt(isScalar(pair.key) ? pair.key : pair.value) ?? line;
        node = pair.value;
      } else if (isSeq(node) && typeof key === "number" && node.items[key] !== undefined) {
        node = node.items[key];
        line = lineAt(node) ?? line;
      } else break;
    }
    return line;
  };
  const at = (path: readonly PropertyKey[], issue?: z.core.$ZodIssue) => {
    const line = lineOf(issue?.code === "unrecognized_keys" && issue.keys[0] !== undefined ? [...path, issue.keys[0]] : path);
    return line ? { line } : {};
  };

  const shape = deckFileSchema.safeParse(data, { reportInput: true });
  if (!shape.success) {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return {
        items: [],
        problems: [
          {
            message: importText((m) => m.yamlDeckShape),
          },
        ],
      };
    }
    for (const issue of shape.error.issues) {
      problems.push({ ...at(issue.path, issue), ...fieldOf(issue.path), message: describeIssue(issue) });
    }
    return { items: [], problems };
  }

  const raws = shape.data.items;
  if (raws.length > IMPORT_LIMITS.maxItems) {
    return { items: [], problems: [{ message: tooManyItems(raws.length) }] };
  }
  const items: ImportedItem[] = [];
  const idLines = new Map<string, number | undefined>();
  raws.forEach((raw, index) => {
    const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String(raw.id) : `#${index + 1}`;
    const parsed = itemSchema.safeParse(cleanStrings(raw), { reportInput: true });
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
        message: importText((m) => (earlier ? m.idUsedOnLine(earlier) : m.idUsed)),
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

function describeIssue(issue: z.core.$ZodIssue): LocalizedText {
  if (issue.code === "invalid_type" && issue.input === undefined) return importText((m) => m.fieldMissing);
  // The input is reported (safeParse's reportInput), so a value of the wrong kind is told apart from a missing one.
  if (issue.code === "invalid_type" && isExpectedKind(issue.expected)) {
    const kind = issue.expected;
    return importText((m) => m.mustBe(kind));
  }
  if (issue.code === "unrecognized_keys") {
    // A map may hold 100,000 unknown keys; the message names a few and counts the rest.
    const shown = issue.keys.slice(0, UNKNOWN_KEYS_SHOWN);
    return importText((m) => m.unknownFields(shown, issue.keys.length - shown.length));
  }
  // An unknown `kind:` (zod's own wording, which names the kinds there are).
  if (issue.code === "invalid_union" && issue.discriminator !== undefined && "options" in issue && issue.options?.length) {
    const field = issue.discriminator;
    const options = issue.options.map(String);
    return importText((m) => m.unknownKind(field, options, issue.message));
  }
  return schemaMessageText(issue.message);
}

const UNKNOWN_KEYS_SHOWN = 10;

const EXPECTED_KINDS: readonly string[] = ["string", "number", "boolean", "array", "object"] satisfies ExpectedKind[];
const isExpectedKind = (kind: string): kind is ExpectedKind => EXPECTED_KINDS.includes(kind);

const MULTIPLE_DOCUMENTS = importText((m) => m.multipleDocuments);

/** A syntax error by the yaml library's code; the problem's line says where, except for a code with no sentence of its own. */
function describeSyntaxError(code: ErrorCode, character: string, line: number, column: number): LocalizedText {
  if (code === "MULTIPLE_DOCS") return MULTIPLE_DOCUMENTS;
  // The library catches the stack overflow a hostile nesting causes and reports it under this code.
  if (code === "RESOURCE_EXHAUSTION") return NESTED_TOO_DEEPLY;
  if (code === "DUPLICATE_KEY") return DUPLICATE_KEY;
  if (!isYamlSyntaxCode(code)) return importText((m) => m.yamlSyntaxAt(line, column));
  const shown = character === "\t" ? "\\t" : character;
  return importText((m) => m.yamlSyntax[code](shown));
}

/**
 * Runs the yaml library with Error stack traces off. It makes an Error for each problem it finds, and
 * capturing the stack is most of what that costs: a file can hold hundreds of thousands of problems.
 * Nothing reads those stacks. Synchronous, so no other code runs while the limit is changed.
 */
function withoutStackTraces<T>(work: () => T): T {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return work();
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * In one pass: where each key that repeats an earlier key of its map starts (what the library's
 * uniqueKeys reports, found with a set), and whether there is any alias to resolve.
 */
function readMaps(doc: Document.Parsed): { duplicateKeys: number[]; hasAliases: boolean } {
  const duplicateKeys: number[] = [];
  let hasAliases = false;
  visit(doc, {
    Alias() {
      hasAliases = true;
    },
    Map(_key, map: YAMLMap) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // The library compares scalar keys by value (NaN never equals itself there).
        if (!isScalar(pair.key) || Number.isNaN(pair.key.value)) continue;
        if (seen.has(pair.key.value)) duplicateKeys.push(pair.key.range?.[0] ?? -1);
        else seen.add(pair.key.value);
      }
    },
  });
  return { duplicateKeys, hasAliases };
}

/**
 * Replaces each alias with the node its anchor marks (the last one before it), so toJS never resolves
 * an alias itself: the library searches the whole document for each alias, and again for each alias
 * inside an aliased value, which hostile files made take minutes. Then measures the document as toJS
 * will expand it. Undefined when it is usable, else why not.
 */
function resolveAliases(doc: Document.Parsed): LocalizedText | undefined {
  const anchors = new Map<string, Node>();
  let unresolved: string | undefined;
  visit(doc, {
    Node(key, node, path) {
      if (!isAlias(node)) {
        if (node.anchor) anchors.set(node.anchor, node);
        return undefined;
      }
      const target = anchors.get(node.source);
      if (target === undefined) {
        unresolved = node.source;
        return visit.BREAK;
      }
      const parent = path.at(-1);
      if (isPair(parent) && (key === "key" || key === "value")) parent[key] = target;
      else if (isCollection(parent) && typeof key === "number") parent.items[key] = target;
      else if (isDocument(parent)) parent.contents = target;
      // The target was visited where it stands; visiting it again here would expand the aliases.
      return visit.SKIP;
    },
  });
  const name = unresolved;
  if (name !== undefined) return importText((m) => m.unresolvedAlias(name));
  return EXPANSION_PROBLEMS[expandedSize(doc.contents, YAML_MAX_TOKENS, YAML_MAX_DEPTH)];
}

/**
 * Measures a document whose aliases were replaced by the nodes they name: its values counted with
 * every repeat, and its depth, as toJS will expand it. Each node is measured once however often it is
 * repeated, and without recursion, so this takes linear time and little stack. A node that contains
 * itself (an alias to an enclosing anchor) expands without end.
 */
function expandedSize(root: unknown, maxValues: number, maxDepth: number): "ok" | "too-many" | "too-deep" | "inside-itself" {
  if (!isNode(root)) return "ok";
  const measured = new Map<Node, { values: number; depth: number }>();
  const open = new Set<Node>();
  interface Frame {
    node: Node;
    children: Node[];
    next: number;
    values: number;
    depth: number;
  }
  const stack: Frame[] = [];
  const enter = (node: Node) => {
    const children = isMap(node)
      ? node.items.flatMap((pair: Pair) => [pair.key, pair.value].filter(isNode))
      : isSeq(node)
        ? node.items.filter(isNode)
        : [];
    open.add(node);
    stack.push({ node, children, next: 0, values: 1, depth: isCollection(node) ? 1 : 0 });
  };
  const add = (frame: Frame, child: { values: number; depth: number }) => {
    frame.values = Math.min(frame.values + child.values, maxValues + 1);
    frame.depth = Math.max(frame.depth, child.depth + 1);
  };
  enter(root);
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    // Every frame but a scalar is a collection, so the stack is as deep as the nesting so far.
    if (stack.length > maxDepth + 1) return "too-deep";
    const child = frame.children[frame.next++];
    if (child !== undefined) {
      if (open.has(child)) return "inside-itself";
      const known = measured.get(child);
      if (known === undefined) enter(child);
      else add(frame, known);
      continue;
    }
    stack.pop();
    open.delete(frame.node);
    if (frame.values > maxValues) return "too-many";
    if (frame.depth > maxDepth) return "too-deep";
    measured.set(frame.node, { values: frame.values, depth: frame.depth });
    const parent = stack.at(-1);
    if (parent !== undefined) add(parent, frame);
  }
  return "ok";
}
