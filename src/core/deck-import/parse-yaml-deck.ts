// YAML decks in the repository's own format (content/decks/*/*.yaml): `items:`, a list of items, and
// optionally `name:`. Problems name the item id, the field and the line, as content:check does.
import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document, type YAMLError } from "yaml";
import { z } from "zod";
import { itemSchema } from "../deck/item.ts";
import type { LocalizedText } from "../i18n/locale.ts";
import { IMPORT_LIMITS, tooManyItems } from "./import-limits.ts";
import type { ImportedItem, ImportProblem } from "./import-result.ts";
import { schemaMessageText } from "./schema-messages.ts";
import { YAML_MAX_DEPTH, yamlNestsDeeperThan } from "./yaml-depth.ts";

const NESTED_TOO_DEEPLY: LocalizedText = {
  en: `it is nested too deeply (more than ${YAML_MAX_DEPTH} levels)`,
  ja: `入れ子が深すぎます（${YAML_MAX_DEPTH}段まで）`,
};

const deckFileSchema = z.strictObject({
  name: z.string().trim().min(1, "the deck name is empty").max(100, "the deck name is longer than 100 characters").optional(),
  items: z.array(z.unknown()),
});

export function parseYamlDeck(text: string): { items: ImportedItem[]; problems: ImportProblem[]; deckName?: string } {
  const lineCounter = new LineCounter();
  const problems: ImportProblem[] = [];
  let doc: Document.Parsed;
  let data: unknown;
  // Measured first: composing a document thousands deep can kill the process (see yaml-depth.ts).
  if (yamlNestsDeeperThan(text)) {
    return {
      items: [],
      problems: [
        { message: { en: `invalid YAML: ${NESTED_TOO_DEEPLY.en}`, ja: `YAML の書き方に誤りがあります：${NESTED_TOO_DEEPLY.ja}` } },
      ],
    };
  }
  try {
    doc = parseDocument(text, { uniqueKeys: true, prettyErrors: true, lineCounter });
    if (doc.errors.length > 0) {
      for (const error of doc.errors) {
        const line = error.linePos?.[0].line;
        const message = describeSyntaxError(error);
        problems.push({
          ...(line ? { line } : {}),
          message: { en: `invalid YAML: ${message.en}`, ja: `YAML の書き方に誤りがあります：${message.ja}` },
        });
      }
      return { items: [], problems };
    }
    // toJS refuses excessive aliases ("billion laughs") by throwing.
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    // Hostile nesting can exhaust the stack; that is a problem with the file, not with the bot.
    const why = error instanceof RangeError ? NESTED_TOO_DEEPLY : describeReadError(error instanceof Error ? error.message : String(error));
    return {
      items: [],
      problems: [{ message: { en: `the YAML could not be read: ${why.en}`, ja: `YAML を読み込めませんでした：${why.ja}` } }],
    };
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

  const shape = deckFileSchema.safeParse(data, { reportInput: true });
  if (!shape.success) {
    if (typeof data !== "object" || data === null || Array.isArray(data)) {
      return {
        items: [],
        problems: [
          {
            message: {
              en: "a YAML deck holds `items:`, a list of items, and optionally `name:`",
              ja: "YAML のデッキには `items:`（項目のリスト）と、必要なら `name:` を書きます",
            },
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
    const rawId = typeof raw === "object" && raw !== null && "id" in raw ? String((raw as { id: unknown }).id) : `#${index + 1}`;
    const parsed = itemSchema.safeParse(raw, { reportInput: true });
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
        message: earlier
          ? { en: `id already used on line ${earlier}`, ja: `この id は${earlier}行目ですでに使われています` }
          : { en: "id already used", ja: "この id はすでに使われています" },
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
  if (issue.code === "invalid_type" && issue.input === undefined) {
    return { en: "is required but missing", ja: "必須の項目ですが、ありません" };
  }
  // The input is reported (safeParse's reportInput), so a value of the wrong kind is told apart from a missing one.
  if (issue.code === "invalid_type") {
    const kind = EXPECTED_KIND[issue.expected];
    if (kind) return { en: `must be ${kind.en}`, ja: `${kind.ja}で書いてください` };
  }
  if (issue.code === "unrecognized_keys") {
    return { en: `unknown field(s): ${issue.keys.join(", ")}`, ja: `不明な項目：${issue.keys.join("、")}` };
  }
  // An unknown `kind:` (zod's own wording, which names the kinds there are).
  if (issue.code === "invalid_union" && issue.discriminator !== undefined && "options" in issue && issue.options?.length) {
    return {
      en: issue.message,
      ja: `${issue.discriminator} には ${issue.options.map(String).join("、")} のいずれかを指定してください`,
    };
  }
  return schemaMessageText(issue.message);
}

const EXPECTED_KIND: Partial<Record<string, LocalizedText>> = {
  string: { en: "text", ja: "文字列" },
  number: { en: "a number", ja: "数値" },
  boolean: { en: "true or false", ja: "true か false の値" },
  array: { en: "a list", ja: "リスト" },
  object: { en: "a map of fields", ja: "項目のマップ" },
};

/** The yaml library's own words, less the position the problem's line already gives, with their Japanese. */
function describeSyntaxError(error: YAMLError): LocalizedText {
  if (error.code === "MULTIPLE_DOCS") {
    return {
      en: "the file holds more than one YAML document (a second `---`); keep one",
      ja: "ファイルに YAML のドキュメントが複数あります（2つ目の `---`）。1つにしてください",
    };
  }
  if (error.message.includes("Maximum call stack size exceeded")) return NESTED_TOO_DEEPLY;
  const en = (error.message.split("\n")[0] ?? "").replace(/ at line \d+, column \d+:?$/, "");
  return { en, ja: SYNTAX_ERROR_JA[error.code]?.(en) ?? en };
}

const SYNTAX_ERROR_JA: Partial<Record<YAMLError["code"], (en: string) => string>> = {
  BAD_INDENT: (en) =>
    en.startsWith("Flow sequence")
      ? "[ で始めたリストが ] で閉じられていないか、インデントが足りません"
      : en.startsWith("Flow map")
        ? "{ で始めたマップが } で閉じられていないか、インデントが足りません"
        : "インデントが正しくありません",
  DUPLICATE_KEY: () => "同じキーが2回書かれています",
  TAB_AS_INDENT: () => "インデントにタブは使えません。スペースを使ってください",
  MISSING_CHAR: (en) =>
    en.startsWith("Missing closing")
      ? "閉じる引用符がありません"
      : en.startsWith("Implicit map keys")
        ? "キーの後に「:」と値が必要です"
        : "閉じる記号などの文字が足りません",
  BLOCK_AS_IMPLICIT_KEY: (en) =>
    en.startsWith("Nested mappings") ? "1行に書いたマップの中に、さらにマップは書けません" : "キーの書き方が正しくありません",
  MULTILINE_IMPLICIT_KEY: () => "キーは1行に書いてください",
  UNEXPECTED_TOKEN: () => "思わぬ位置に文字や記号があります",
  BAD_DQ_ESCAPE: () => "二重引用符の中のエスケープシーケンスが正しくありません",
  BAD_SCALAR_START: () => "値が使えない文字で始まっています（@ や ` などで始まる値は引用符で囲んでください）",
  BAD_ALIAS: () => "エイリアスの書き方が正しくありません",
  ALIAS_PROPS: () => "エイリアスにはアンカーやタグを付けられません",
  MULTIPLE_ANCHORS: () => "1つの値にアンカーが複数あります",
  MULTIPLE_TAGS: () => "1つの値にタグが複数あります",
  KEY_OVER_1024_CHARS: () => "キーが1024文字を超えています",
  BLOCK_IN_FLOW: () => "[ ] や { } の中にブロック形式の値は書けません",
};

/** What can stop a parsed document from becoming data: aliases to nothing, or too many of them. */
function describeReadError(message: string): LocalizedText {
  const unresolved = /^Unresolved alias \(the anchor must be set before the alias\): (.*)$/s.exec(message);
  if (unresolved) return { en: message, ja: `エイリアス *${unresolved[1]} のアンカーが、それより前にありません` };
  if (message.startsWith("Excessive alias count")) return { en: message, ja: "エイリアスの展開が多すぎます" };
  return { en: message, ja: message };
}
