// What a deck import says about a file (src/core/deck-import/), in English and Japanese. Each problem
// is shown in the uploader's language, so it is built in both: importText(m => m.fileEmpty). The
// ImportMessages interface makes a missing translation a type error.
import type { ErrorCode } from "yaml";
import type { Locale, LocalizedText } from "./locale.ts";

/** Kinds of value a YAML field may have to be, as a problem names them. */
export type ExpectedKind = "string" | "number" | "boolean" | "array" | "object";

/** The yaml library's error codes that have a sentence of their own; any other code gets yamlSyntaxAt. */
export type YamlSyntaxCode = Exclude<ErrorCode, "IMPOSSIBLE" | "RESOURCE_EXHAUSTION" | "DUPLICATE_KEY" | "MULTIPLE_DOCS">;

/** The names a header row may give each column (case-insensitive), in either language. */
export const COLUMN_NAMES: Readonly<Record<"front" | "back" | "tags" | "explanation", readonly string[]>> = {
  // 表面/裏面 are the field names of Anki's Basic note type in its Japanese interface.
  front: ["front", "question", "表", "表面"],
  back: ["back", "answer", "裏", "裏面"],
  tags: ["tags", "タグ"],
  explanation: ["explanation", "解説"],
};

export interface ImportMessages {
  // The file as a whole.
  fileEmpty: string;
  fileTooLarge(megabytes: string, limitMegabytes: string): string;
  notUtf8: string;
  nulBytes: string;
  unknownFormat: string;
  noCards: string;
  tooManyItems(count: number, limit: number): string;
  andMore(count: number): string;
  // Rows of a spreadsheet or an Anki export.
  separatorComma: string;
  separatorTab: string;
  quotedCellNeverClosed: string;
  textAfterClosingQuote: string;
  /** The names a person may give a column: "front, question, 表 or 表面". */
  columnNames(names: readonly string[]): string;
  unknownColumn(name: string): string;
  headerNamesColumnTwice(column: string): string;
  headerLacksColumn(column: string, names: string): string;
  headerButNoCards: string;
  tooManyColumns(count: number, max: number, expected: readonly string[]): string;
  rowLacksColumn(column: string, separatorHint: string): string;
  columnEmpty(column: string): string;
  columnTooLong(column: string, length: number, limit: number): string;
  sameFront(line: number, front: string): string;
  sameId(line: number): string;
  clozeNotes(notetype: string): string;
  unknownSeparator(value: string): string;
  htmlNotBoolean(value: string): string;
  notAColumnNumber(key: string, value: string): string;
  tagsTooLong(length: number, limit: number): string;
  // YAML decks.
  invalidYaml(detail: string): string;
  unreadableYaml(detail: string): string;
  yamlDeckShape: string;
  nestedTooDeeply(maxDepth: number): string;
  tooManyTokens(maxTokens: number, maxItems: number): string;
  aliasesExpandTooFar(maxValues: number): string;
  aliasInsideItself: string;
  unresolvedAlias(name: string): string;
  duplicateKey: string;
  multipleDocuments: string;
  /** A syntax error by the yaml library's code; `character` is the one the problem starts at. */
  yamlSyntax: Record<YamlSyntaxCode, (character: string) => string>;
  /** A syntax error with no sentence of its own (a code a newer library may add): where it is. */
  yamlSyntaxAt(line: number, column: number): string;
  idUsedOnLine(line: number): string;
  idUsed: string;
  fieldMissing: string;
  mustBe(kind: ExpectedKind): string;
  unknownFields(shown: readonly string[], more: number): string;
  unknownKind(field: string, options: readonly string[], zodMessage: string): string;
}

const en: ImportMessages = {
  fileEmpty: "the file is empty",
  fileTooLarge: (mb, limit) => `the file is ${mb} MB; the limit is ${limit} MB`,
  notUtf8: "the file is not valid UTF-8 text (save it as UTF-8)",
  nulBytes: 'the file contains NUL bytes, so it is not a text file (from Anki, export "Notes in Plain Text")',
  unknownFormat: "cannot tell the file's format; name it .csv, .tsv, .yaml, or .txt for Anki's \"Notes in Plain Text\"",
  noCards: "the file has no cards",
  tooManyItems: (count, limit) => `the file has ${count} items; the limit is ${limit}`,
  andMore: (n) => `...and ${n} more`,
  separatorComma: "is the separator a comma?",
  separatorTab: "is the separator a tab?",
  quotedCellNeverClosed: "a quoted cell is never closed (a closing quote is missing)",
  textAfterClosingQuote: 'text follows the closing quote of a cell; inside a quoted cell, write a quote as two quotes ("")',
  columnNames: (names) => (names.length < 2 ? names.join("") : `${names.slice(0, -1).join(", ")} or ${names.at(-1)}`),
  unknownColumn: (name) => `unknown column "${name}"; the columns are front, back, tags and explanation`,
  headerNamesColumnTwice: (column) => `the header names the ${column} column twice`,
  headerLacksColumn: (column, names) => `the header has no ${column} column (${names})`,
  headerButNoCards: "the file has a header row but no cards",
  tooManyColumns: (count, max, expected) => `the row has ${count} columns; expected at most ${max} (${expected.join(", ")})`,
  rowLacksColumn: (column, hint) => `the row has no ${column} column (${hint})`,
  columnEmpty: (column) => `the ${column} is empty`,
  columnTooLong: (column, length, limit) => `the ${column} is ${length} characters; the limit is ${limit}`,
  sameFront: (line, front) => `the same front as line ${line}: "${front}"`,
  sameId: (line) => `this front and the one on line ${line} get the same id; change one of them slightly`,
  clozeNotes: (notetype) => `cloze notes ("${notetype}") cannot be imported; export Basic notes`,
  unknownSeparator: (value) => `unknown separator "${value}"; use tab, comma, semicolon, space, pipe or colon`,
  htmlNotBoolean: (value) => `#html must be true or false, not "${value}"`,
  notAColumnNumber: (key, value) => `#${key} must be a column number (1, 2, ...), not "${value}"`,
  tagsTooLong: (length, limit) => `#tags is ${length} characters; the limit is ${limit}`,
  invalidYaml: (detail) => `invalid YAML: ${detail}`,
  unreadableYaml: (detail) => `the YAML could not be read: ${detail}`,
  yamlDeckShape: "a YAML deck holds `items:`, a list of items, and optionally `name:`",
  nestedTooDeeply: (depth) => `it is nested too deeply (more than ${depth} levels)`,
  tooManyTokens: (tokens, items) =>
    `it has more than ${tokens} keys, values and symbols (such as - : , [ ] { }); ${items} items need far fewer`,
  aliasesExpandTooFar: (n) => `aliases (*name) expand it to more than ${n} values`,
  aliasInsideItself: "an alias (*name) repeats a value that contains the alias, so it never ends",
  unresolvedAlias: (name) => `Unresolved alias (the anchor must be set before the alias): ${name}`,
  duplicateKey: "Map keys must be unique",
  multipleDocuments: "the file holds more than one YAML document (a second `---`); keep one",
  yamlSyntax: {
    ALIAS_PROPS: () => "an alias (*name) cannot have an anchor or a tag",
    BAD_ALIAS: () => "an alias (*name) or an anchor (&name) is empty or ends in :",
    BAD_COLLECTION_TYPE: () => "a tag does not fit the kind of value it marks",
    BAD_DIRECTIVE: () => "a directive (a line starting with %) is not valid",
    BAD_DQ_ESCAPE: () => "an escape sequence inside double quotes is not valid",
    BAD_INDENT: () => "the indentation is wrong, or a list opened with [ or a map opened with { is never closed",
    BAD_PROP_ORDER: () => "anchors and tags must come after the - or : in front of a value",
    BAD_SCALAR_START: (c) => `Plain value cannot start with reserved character ${c}`,
    BLOCK_AS_IMPLICIT_KEY: () => "a key is written wrongly: a map cannot be nested in a one-line map, nor a list be a key",
    BLOCK_IN_FLOW: () => "a block value cannot be written inside [ ] or { }",
    KEY_OVER_1024_CHARS: () => "a key is longer than 1024 characters",
    MISSING_CHAR: () => "a character is missing, such as a closing quote, a : after a key or a , between items",
    MULTILINE_IMPLICIT_KEY: () => "a key must be on a single line",
    MULTIPLE_ANCHORS: () => "a value has more than one anchor",
    MULTIPLE_TAGS: () => "a value has more than one tag",
    NON_STRING_KEY: () => "a key must be text",
    TAB_AS_INDENT: () => "Tabs are not allowed as indentation; use spaces",
    TAG_RESOLVE_FAILED: () => "a tag (a value starting with !) is unknown",
    UNEXPECTED_TOKEN: () => "a character or symbol stands where none may",
  },
  yamlSyntaxAt: (line, column) => `something is wrong at line ${line}, column ${column}`,
  idUsedOnLine: (line) => `id already used on line ${line}`,
  idUsed: "id already used",
  fieldMissing: "is required but missing",
  mustBe: (kind) =>
    `must be ${{ string: "text", number: "a number", boolean: "true or false", array: "a list", object: "a map of fields" }[kind]}`,
  unknownFields: (shown, more) => `unknown field(s): ${shown.join(", ")}${more > 0 ? ` and ${more} more` : ""}`,
  unknownKind: (_field, _options, zodMessage) => zodMessage,
};

const ja: ImportMessages = {
  fileEmpty: "ファイルが空です",
  fileTooLarge: (mb, limit) => `ファイルは ${mb} MB です。上限は ${limit} MB です`,
  notUtf8: "ファイルが正しい UTF-8 のテキストではありません（UTF-8 で保存してください）",
  nulBytes:
    "ファイルに NUL バイトが含まれているため、テキストファイルではありません（Anki からはノートをプレーンテキストで書き出してください。英語版の表示は Notes in Plain Text）",
  unknownFormat:
    "ファイルの形式が分かりません。ファイル名を .csv、.tsv、.yaml、または Anki からプレーンテキストで書き出したノート（英語版の表示は Notes in Plain Text）なら .txt にしてください",
  noCards: "ファイルにカードがありません",
  tooManyItems: (count, limit) => `ファイルに${count}件の項目があります。上限は${limit}件です`,
  andMore: (n) => `…ほか${n}件`,
  separatorComma: "区切り文字はカンマですか？",
  separatorTab: "区切り文字はタブですか？",
  quotedCellNeverClosed: "引用符で囲んだセルが閉じられていません（閉じる引用符がありません）",
  textAfterClosingQuote: 'セルの閉じる引用符の後ろに文字があります。引用符で囲んだセルの中では、引用符を2つ重ねて（""）書いてください',
  columnNames: (names) => (names.length < 2 ? names.join("") : `${names.join("、")}のいずれか`),
  unknownColumn: (name) => `列「${name}」が分かりません。列は front、back、tags、explanation です`,
  headerNamesColumnTwice: (column) => `見出し行に「${column}」列が2回あります`,
  headerLacksColumn: (column, names) => `見出し行に「${column}」列がありません（${names}）`,
  headerButNoCards: "見出し行はありますが、カードがありません",
  tooManyColumns: (count, max, expected) => `この行には${count}列あります。列は${max}列まで（${expected.join("、")}）です`,
  rowLacksColumn: (column, hint) => `この行に「${column}」列がありません（${hint}）`,
  columnEmpty: (column) => `「${column}」列が空です`,
  columnTooLong: (column, length, limit) => `「${column}」列が${length}文字あります。上限は${limit}文字です`,
  sameFront: (line, front) => `${line}行目と同じ front です：「${front}」`,
  sameId: (line) => `この front と${line}行目の front が同じIDになります。どちらかを少し変えてください`,
  clozeNotes: (notetype) => `穴埋め（Cloze）のノート（「${notetype}」）は取り込めません。基本（Basic）のノートを書き出してください`,
  unknownSeparator: (value) => `区切り文字「${value}」が分かりません。tab、comma、semicolon、space、pipe、colon のいずれかを使ってください`,
  htmlNotBoolean: (value) => `#html には「${value}」ではなく true か false を指定してください`,
  notAColumnNumber: (key, value) => `#${key} には「${value}」ではなく列番号（1、2、…）を指定してください`,
  tagsTooLong: (length, limit) => `#tags が${length}文字あります。上限は${limit}文字です`,
  invalidYaml: (detail) => `YAML の書き方に誤りがあります：${detail}`,
  unreadableYaml: (detail) => `YAML を読み込めませんでした：${detail}`,
  yamlDeckShape: "YAML のデッキには `items:`（項目のリスト）と、必要なら `name:` を書きます",
  nestedTooDeeply: (depth) => `入れ子が深すぎます（${depth}段まで）`,
  tooManyTokens: (tokens, items) =>
    `キー・値・記号（- : , [ ] { } など）が${tokens}個を超えています。${items}件の項目でもずっと少なくて済みます`,
  aliasesExpandTooFar: (n) => `エイリアス（*名前）を展開すると値が${n}個を超えます`,
  aliasInsideItself: "エイリアス（*名前）が、そのエイリアス自身を含む値を繰り返しているため、終わりがありません",
  unresolvedAlias: (name) => `エイリアス *${name} のアンカーが、それより前にありません`,
  duplicateKey: "同じキーが2回書かれています",
  multipleDocuments: "ファイルに YAML のドキュメントが複数あります（2つ目の `---`）。1つにしてください",
  yamlSyntax: {
    ALIAS_PROPS: () => "エイリアスにはアンカーやタグを付けられません",
    BAD_ALIAS: () => "エイリアスの書き方が正しくありません",
    BAD_COLLECTION_TYPE: () => "タグが値の種類に合っていません",
    BAD_DIRECTIVE: () => "ディレクティブ（% で始まる行）が正しくありません",
    BAD_DQ_ESCAPE: () => "二重引用符の中のエスケープシーケンスが正しくありません",
    BAD_INDENT: () => "インデントが正しくないか、[ で始めたリストや { で始めたマップが閉じられていません",
    BAD_PROP_ORDER: () => "アンカーやタグは値の前の - や : の後ろに書いてください",
    BAD_SCALAR_START: () => "値が使えない文字で始まっています（@ や ` などで始まる値は引用符で囲んでください）",
    BLOCK_AS_IMPLICIT_KEY: () => "キーの書き方が正しくありません（1行に書いたマップの中にマップは書けず、リストはキーにできません）",
    BLOCK_IN_FLOW: () => "[ ] や { } の中にブロック形式の値は書けません",
    KEY_OVER_1024_CHARS: () => "キーが1024文字を超えています",
    MISSING_CHAR: () => "閉じる引用符、キーの後の「:」、項目の間の「,」などの文字が足りません",
    MULTILINE_IMPLICIT_KEY: () => "キーは1行に書いてください",
    MULTIPLE_ANCHORS: () => "1つの値にアンカーが複数あります",
    MULTIPLE_TAGS: () => "1つの値にタグが複数あります",
    NON_STRING_KEY: () => "キーは文字列にしてください",
    TAB_AS_INDENT: () => "インデントにタブは使えません。スペースを使ってください",
    TAG_RESOLVE_FAILED: () => "不明なタグ（! で始まる値）があります",
    UNEXPECTED_TOKEN: () => "思わぬ位置に文字や記号があります",
  },
  yamlSyntaxAt: (line, column) => `${line}行目の${column}文字目に誤りがあります`,
  idUsedOnLine: (line) => `この id は${line}行目ですでに使われています`,
  idUsed: "この id はすでに使われています",
  fieldMissing: "必須の項目ですが、ありません",
  mustBe: (kind) =>
    `${{ string: "文字列", number: "数値", boolean: "true か false の値", array: "リスト", object: "項目のマップ" }[kind]}で書いてください`,
  unknownFields: (shown, more) => `不明な項目：${shown.join("、")}${more > 0 ? ` ほか${more}件` : ""}`,
  unknownKind: (field, options) => `${field} には ${options.join("、")} のいずれかを指定してください`,
};

const CATALOGS = { en, ja } as const;

/** Whether the yaml library's code has a sentence of its own in yamlSyntax. */
export function isYamlSyntaxCode(code: string): code is YamlSyntaxCode {
  return Object.hasOwn(en.yamlSyntax, code);
}

/** One import problem in both languages, from the catalog entry `say` picks (given each language's text of its values). */
export function importText(say: (m: ImportMessages, locale: Locale) => string): LocalizedText {
  return { en: say(CATALOGS.en, "en"), ja: say(CATALOGS.ja, "ja") };
}
