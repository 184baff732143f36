import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { itemSchema } from "../../src/core/deck/item.ts";
import { importText, isYamlSyntaxCode } from "../../src/core/i18n/import-messages.ts";
import { schemaMessageText } from "../../src/core/i18n/schema-messages.ts";
import { fnv1a64Hex } from "../../src/core/deck-import/stable-id.ts";
import { YAML_MAX_DEPTH, yamlNestsDeeperThan } from "../../src/core/deck-import/yaml-depth.ts";
import {
  detectFormat,
  IMPORT_LIMITS,
  parseDeckFile,
  type ImportProblem,
  type ImportResult,
} from "../../src/core/deck-import/parse-deck-file.ts";

const utf8 = (text: string) => new TextEncoder().encode(text);

function importFile(fileName: string, content: string | Uint8Array): ImportResult {
  const bytes = typeof content === "string" ? utf8(content) : content;
  return parseDeckFile({ fileName, bytes, defaultTopic: "team-deck", section: "imported" });
}

function imported(result: ImportResult) {
  if (!result.ok) throw new Error(`expected the import to succeed:\n${JSON.stringify(result.problems, null, 2)}`);
  for (const { item } of result.items) expect(itemSchema.safeParse(item).success).toBe(true);
  return result;
}

function localizedProblemsOf(result: ImportResult): ImportProblem[] {
  if (result.ok) throw new Error("expected the import to fail");
  return result.problems;
}

/** The problems with their English text, which most assertions spell out; the Japanese is checked on its own below. */
function problemsOf(result: ImportResult): (Omit<ImportProblem, "message"> & { message: string })[] {
  return localizedProblemsOf(result).map((p) => ({ ...p, message: p.message.en }));
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9faf]/;

describe("detectFormat", () => {
  it("goes by the extension", () => {
    expect(detectFormat("deck.csv", utf8("a,b"))).toBe("csv");
    expect(detectFormat("deck.TSV", utf8("a\tb"))).toBe("tsv");
    expect(detectFormat("deck.yml", utf8("items: []"))).toBe("yaml");
    expect(detectFormat("deck.yaml", utf8("items: []"))).toBe("yaml");
  });

  it("reads a .txt as Anki when it starts with directives or is tab-separated", () => {
    expect(detectFormat("notes.txt", utf8("#separator:comma\n#html:false\na,b\n"))).toBe("anki");
    expect(detectFormat("notes.txt", utf8("front\tback\n"))).toBe("anki");
    expect(detectFormat("notes.csv", utf8("#separator:tab\n#html:true\nfront\tback\n"))).toBe("anki");
  });

  it("sniffs the content when the extension says nothing", () => {
    expect(detectFormat("upload", utf8("name: Team\nitems:\n  - id: a\n"))).toBe("yaml");
    expect(detectFormat("upload", utf8("front\tback\n"))).toBe("tsv");
    expect(detectFormat("upload.dat", utf8("front,back\n"))).toBe("csv");
    expect(detectFormat("upload", utf8("just one column\n"))).toBeUndefined();
  });
});

describe("CSV decks", () => {
  it("without a header, reads front, back, tags and explanation in that order, into both languages", () => {
    const result = imported(
      importFile(
        "deck.csv",
        "What is DNS?,Name to address lookup,networking dns,It maps names to IPs\nWhat is TCP?,A transport protocol\n",
      ),
    );
    expect(result.format).toBe("csv");
    expect(result.items).toHaveLength(2);
    const [first, second] = result.items;
    expect(first?.item).toEqual({
      id: first?.localId,
      kind: "flashcard",
      topics: ["networking", "dns"],
      section: "imported",
      front: { ja: "What is DNS?", en: "What is DNS?" },
      back: { ja: "Name to address lookup", en: "Name to address lookup" },
      explanation: { ja: "It maps names to IPs", en: "It maps names to IPs" },
    });
    expect(second?.item.topics).toEqual(["team-deck"]);
    expect(second?.item.explanation).toEqual({ ja: "A transport protocol", en: "A transport protocol" });
  });

  it("with a header, maps columns by name in any order and any case, Japanese names included", () => {
    const csv = "解説,Answer,QUESTION,タグ\r\nBecause,42,The answer?,trivia\r\n";
    const [card] = imported(importFile("deck.csv", csv)).items;
    expect(card?.item).toMatchObject({
      kind: "flashcard",
      front: { en: "The answer?" },
      back: { en: "42" },
      explanation: { en: "Because" },
      topics: ["trivia"],
    });
  });

  it("reads quoted cells with commas, doubled quotes, CRLF and line breaks inside", () => {
    const csv = 'front,back\r\n"Say ""hi"", please","line one\r\nline two"\r\n"a, b",c\r\n';
    const items = imported(importFile("deck.csv", csv)).items.map((i) => i.item);
    expect(items[0]).toMatchObject({ front: { en: 'Say "hi", please' }, back: { en: "line one\nline two" } });
    expect(items[1]).toMatchObject({ front: { en: "a, b" }, back: { en: "c" } });
  });

  it("drops a UTF-8 byte order mark and blank lines", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("front,back\n\n表のテキスト,裏のテキスト\n,\n")]);
    const [card] = imported(importFile("deck.csv", bytes)).items;
    expect(card?.item).toMatchObject({ front: { ja: "表のテキスト", en: "表のテキスト" }, back: { ja: "裏のテキスト" } });
  });

  it("turns tags into topic ids: split on spaces, commas and ::, lowercased, hyphenated, shortened, deduplicated", () => {
    const csv = 'front,back,tags\nQ1,A1,"AWS::S3, Café_Latte aws"\nQ2,A2,データ\nQ3,A3,a-very-long-tag-name-that-goes-on-and-on\n';
    const items = imported(importFile("deck.csv", csv)).items.map((i) => i.item);
    expect(items[0]?.topics).toEqual(["aws", "s3", "cafe-latte"]);
    expect(items[1]?.topics).toEqual(["team-deck"]);
    expect(items[2]?.topics).toEqual(["a-very-long-tag-name-tha"]);
  });

  it("keeps formula-like cells as plain text and strips control characters", () => {
    const csv = "front,back\n\"=cmd|' /C calc'!A0\",@SUM(1+1)\nbell\u0007 here,esc\u001b[31m red\n";
    const items = imported(importFile("deck.csv", csv)).items.map((i) => i.item);
    expect(items[0]).toMatchObject({ front: { en: "=cmd|' /C calc'!A0" }, back: { en: "@SUM(1+1)" } });
    expect(items[1]).toMatchObject({ front: { en: "bell here" }, back: { en: "esc red" } });
  });

  it("drops terminal escape sequences whole, and what is left of one whose ESC was lost, from every format", () => {
    const dirty = "\u001b[31mRed\u001b[0m [1;32mgreen[0m\u001b]8;;http://x\u0007link\u001b]8;;\u0007 \u009b2Jgone[2J[H\u202eok";
    const clean = "Red greenlink gone[Hok";
    const csv = imported(importFile("deck.csv", `front,back\n"${dirty}",A\n`)).items[0]?.item;
    const anki = imported(importFile("notes.txt", `#separator:tab\n${dirty}\tA\n`)).items[0]?.item;
    const yaml = imported(
      importFile(
        "deck.yaml",
        'items:\n  - {id: q1, kind: flashcard, topics: [t], section: s, front: {ja: "\\e[2J\\e[31m赤[0m", en: "\\e[1mbold[0m"}, back: {ja: a, en: a}, explanation: {ja: e, en: e}}\n',
      ),
    ).items[0]?.item;
    expect(csv).toMatchObject({ front: { en: clean } });
    expect(anki).toMatchObject({ front: { en: clean } });
    expect(yaml).toMatchObject({ front: { ja: "赤", en: "bold" } });
  });

  it("keeps bracketed text that only looks like an escape remnant", () => {
    const text = "Periods [1m, 5m] and [5m]; arrays a[1] and [Hello]; [2m later";
    const [card] = imported(importFile("deck.csv", `front,back\n"${text}",A\n`)).items;
    expect(card?.item).toMatchObject({ front: { en: text } });
  });

  it("takes the explanation from the back, shortened to the explanation limit when the back is longer", () => {
    const back = "b".repeat(650);
    const [card] = imported(importFile("deck.csv", `front,back\nQ,${back}\n`)).items;
    expect(card?.item.kind === "flashcard" && card.item.back.en).toBe(back);
    expect(card?.item.explanation.en).toHaveLength(600);
    expect(card?.item.explanation.en.endsWith("…")).toBe(true);
  });
});

describe("TSV decks", () => {
  it("reads tab-separated rows with a 表/裏 header", () => {
    const result = imported(importFile("deck.tsv", "表\t裏\tタグ\nキャッシュとは？\tデータの一時保存場所\tperformance\n"));
    expect(result.format).toBe("tsv");
    expect(result.items[0]?.item).toMatchObject({
      front: { ja: "キャッシュとは？" },
      back: { en: "データの一時保存場所" },
      topics: ["performance"],
    });
  });
});

describe("Anki plain-text exports", () => {
  const anki = [
    "#separator:tab",
    "#html:true",
    "#guid column:1",
    "#notetype column:2",
    "#deck column:3",
    "#tags column:6",
    "a1B2c3\tBasic\tAWS::Storage\tWhat is <b>S3</b>?\tObject storage<br>with buckets &amp; keys&nbsp;&lt;3&gt; &quot;ok&quot;\taws::s3 storage",
    'd4E5f6\tBasic\tAWS::Storage\t<div>What is EBS?</div>\t"Block storage, tab\there"\t',
  ].join("\n");

  it("honours the separator, the tags column and the HTML flag, and names the deck", () => {
    const result = imported(importFile("AWS.txt", anki));
    expect(result.format).toBe("anki");
    expect(result.deckName).toBe("AWS::Storage");
    const [s3, ebs] = result.items.map((i) => i.item);
    expect(s3).toMatchObject({
      front: { en: "What is S3?" },
      back: { en: 'Object storage\nwith buckets & keys <3> "ok"' },
      topics: ["aws", "s3", "storage"],
    });
    expect(ebs).toMatchObject({ front: { en: "What is EBS?" }, back: { en: "Block storage, tab\there" }, topics: ["team-deck"] });
  });

  it("honours #separator:comma and keeps markup as text when #html is not true", () => {
    const result = imported(importFile("notes.txt", "#separator:comma\n#tags column:3\n<b>bold</b>,a &amp; b,networking\n"));
    expect(result.items[0]?.item).toMatchObject({ front: { en: "<b>bold</b>" }, back: { en: "a &amp; b" }, topics: ["networking"] });
  });

  it("reports problems with the line in the file, header lines included", () => {
    const problems = problemsOf(importFile("notes.txt", "#separator:tab\n#html:true\nok\tfine\n<br>\tno front\n"));
    expect(problems).toEqual([{ line: 4, field: "front", message: "the front is empty" }]);
  });

  it("maps columns by the names in #columns, next to the tags column", () => {
    const result = imported(
      importFile("notes.txt", "#separator:tab\n#columns:解説\t裏面\t表面\ttags\n#tags column:4\nwhy\tback\tfront\tdb\n"),
    );
    expect(result.items[0]?.item).toMatchObject({
      front: { en: "front" },
      back: { en: "back" },
      explanation: { en: "why" },
      topics: ["db"],
    });
  });

  it("rejects cloze notes with a clear message", () => {
    const problems = problemsOf(importFile("notes.txt", "#separator:tab\n#notetype column:1\nCloze\t{{c1::Tokyo}} is the capital\t\n"));
    expect(problems[0]).toMatchObject({ line: 3, message: expect.stringContaining("cloze notes") });
  });
});

describe("YAML decks", () => {
  const yaml = `name: Platform team
items:
  - id: deploy-freeze
    kind: true-false
    topics: [release]
    section: deploys
    statement: { ja: 金曜日はデプロイしない。, en: We do not deploy on Fridays. }
    answer: true
    explanation: { ja: 週末の障害対応を避けるため。, en: To avoid weekend incidents. }
  - id: on-call-tool
    kind: multiple-choice
    topics: [on-call]
    section: incidents
    question: { ja: 呼び出しに使うツールは？, en: Which tool pages the on-call engineer? }
    choices:
      - { ja: PagerDuty, en: PagerDuty, correct: true }
      - { ja: メール, en: Email }
      - { ja: 手紙, en: A letter }
    explanation: { ja: PagerDuty が当番を呼び出す。, en: PagerDuty pages whoever is on call. }
`;

  it("reads the repository's deck format with an optional name, keeping each item's own id", () => {
    const result = imported(importFile("team.yaml", yaml));
    expect(result.format).toBe("yaml");
    expect(result.deckName).toBe("Platform team");
    expect(result.items.map((i) => i.localId)).toEqual(["deploy-freeze", "on-call-tool"]);
    expect(result.items.map((i) => i.item.id)).toEqual(["deploy-freeze", "on-call-tool"]);
  });

  it("reports two correct answers with the item id, the field and the line", () => {
    const broken = yaml.replace("{ ja: メール, en: Email }", "{ ja: メール, en: Email, correct: true }");
    expect(problemsOf(importFile("team.yaml", broken))).toEqual([
      { line: 15, itemId: "on-call-tool", field: "choices", message: "exactly one choice must be correct, found 2" },
    ]);
  });

  it("tells a value of the wrong type from a missing one", () => {
    const wrong = yaml.replace("    answer: true", '    answer: "yes"');
    expect(localizedProblemsOf(importFile("team.yaml", wrong))).toEqual([
      {
        line: 8,
        itemId: "deploy-freeze",
        field: "answer",
        message: { en: "must be true or false", ja: "true か false の値で書いてください" },
      },
    ]);
    const missing = yaml.replace("    answer: true\n", "");
    expect(problemsOf(importFile("team.yaml", missing))).toMatchObject([
      { itemId: "deploy-freeze", field: "answer", message: "is required but missing" },
    ]);
  });

  it("reports a syntax error with its line", () => {
    const broken = yaml.replace("    answer: true", "    answer: [true");
    const [problem, ...rest] = problemsOf(importFile("team.yaml", broken));
    expect(rest).toEqual([]);
    expect(problem?.line).toBeGreaterThanOrEqual(8);
    expect(problem?.message).toMatch(/^invalid YAML: /);
  });

  it("tells a YAML syntax error by the library's code, the same in both languages whatever its English wording", () => {
    const problems = (content: string) => localizedProblemsOf(importFile("team.yaml", content));
    // Two wordings of BAD_INDENT in the library (a list, a map): one sentence, told by the code.
    const [list] = problems("items: [\n");
    const [map] = problems("items: {\n");
    expect(list?.message).toEqual(map?.message);
    expect(list?.message.ja).toBe(
      "YAML の書き方に誤りがあります：インデントが正しくないか、[ で始めたリストや { で始めたマップが閉じられていません",
    );
    expect(problems("items:\n\t- id: a\n")[0]?.message.ja).toBe(
      "YAML の書き方に誤りがあります：インデントにタブは使えません。スペースを使ってください",
    );
  });

  it("a YAML error code with no sentence of its own still says where, in both languages", () => {
    expect(importText((m) => m.yamlSyntaxAt(3, 7))).toEqual({
      en: "something is wrong at line 3, column 7",
      ja: "3行目の7文字目に誤りがあります",
    });
    expect(isYamlSyntaxCode("IMPOSSIBLE")).toBe(false);
    expect(isYamlSyntaxCode("BAD_INDENT")).toBe(true);
  });

  it("reports a repeated id naming the first line, and unknown top-level keys", () => {
    const twice = yaml.replace("id: on-call-tool", "id: deploy-freeze");
    expect(problemsOf(importFile("team.yaml", twice))).toEqual([
      { line: 10, itemId: "deploy-freeze", field: "id", message: "id already used on line 3" },
    ]);
    expect(problemsOf(importFile("team.yaml", `owner: me\n${yaml}`))).toEqual([{ line: 1, message: "unknown field(s): owner" }]);
  });

  it("measures nesting from YAML's structure: text in quotes and block scalars does not count", () => {
    for (const file of readdirSync("content/decks", { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".yaml"))) {
      expect(yamlNestsDeeperThan(readFileSync(path.join("content/decks", file), "utf8"), 8), file).toBe(false);
    }
    const brackets = "[{".repeat(200);
    const textual = [
      "items:",
      `  - front: { ja: "${brackets}", en: '${brackets}' }`,
      "    back: |",
      `      ${"- ".repeat(200)}${brackets}`,
      `    tags: [a, "${"]".repeat(50)}"] # ${brackets}`,
    ].join("\n");
    expect(yamlNestsDeeperThan(textual)).toBe(false);
    expect(yamlNestsDeeperThan(`items:\n  ${"- ".repeat(YAML_MAX_DEPTH - 2)}x\n`)).toBe(false);
    expect(yamlNestsDeeperThan(`items:\n  ${"- ".repeat(YAML_MAX_DEPTH)}x\n`)).toBe(true);
    expect(yamlNestsDeeperThan(`items: ${"[".repeat(YAML_MAX_DEPTH)}${"]".repeat(YAML_MAX_DEPTH)}`)).toBe(true);
    // A block scalar's blank first line does not reset what encloses it.
    const stairs = Array.from({ length: 70 }, (_, i) => `${" ".repeat(i * 3)}- a: |\n\n${" ".repeat(i * 3 + 4)}t\n`).join("");
    expect(yamlNestsDeeperThan(`items:\n${stairs}`)).toBe(true);
  });

  it("refuses alias bombs instead of expanding them", () => {
    const bomb = [
      "a: &a [x, x, x, x, x, x, x, x, x, x]",
      ...Array.from({ length: 8 }, (_, i) => `${"bcdefghi"[i]}: &${"bcdefghi"[i]} [${Array(10).fill(`*${"abcdefgh"[i]}`).join(", ")}]`),
      "items: [*i]",
    ].join("\n");
    const [problem] = problemsOf(importFile("bomb.yaml", bomb));
    expect(problem?.message).toMatch(/^the YAML could not be read/);
  });
});

describe("broken files are refused whole, with every problem and its line", () => {
  it("bytes that are not UTF-8 (a Shift_JIS export) name the line of the first bad byte", () => {
    const shiftJis = new Uint8Array([0x93, 0x8c, 0x8b, 0x9e]); // 東京
    const bytes = new Uint8Array([...utf8("front,back\nok,fine\n"), ...shiftJis, ...utf8(",capital\n")]);
    expect(problemsOf(importFile("deck.csv", bytes))).toEqual([
      { line: 3, message: "the file is not valid UTF-8 text (save it as UTF-8)" },
    ]);
  });

  it("a file with NUL bytes is not a text file", () => {
    const [problem] = problemsOf(importFile("deck.csv", "front,back\na\0,b\n"));
    expect(problem).toMatchObject({ line: 2, message: expect.stringContaining("NUL") });
  });

  it("a 10 MB file is refused before it is read", () => {
    const bytes = new Uint8Array(10_000_000).fill(0x61);
    expect(problemsOf(importFile("deck.csv", bytes))).toEqual([{ message: "the file is 10 MB; the limit is 1 MB" }]);
    expect(problemsOf(importFile("deck.csv", new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x61)))).toEqual([
      { message: "the file is 1.01 MB; the limit is 1 MB" },
    ]);
  });

  it("100,000 rows are over the item limit", () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `${i.toString(36)},x`).join("\n");
    expect(problemsOf(importFile("deck.csv", rows))).toEqual([{ message: "the file has 100000 items; the limit is 2000" }]);
  });

  it("an empty file, a header without rows and a file of blank lines each say so", () => {
    expect(problemsOf(importFile("deck.csv", ""))).toEqual([{ message: "the file is empty" }]);
    expect(problemsOf(importFile("deck.csv", "\ufeff\n\n"))).toEqual([{ message: "the file is empty" }]);
    expect(problemsOf(importFile("deck.csv", "front,back\n"))).toEqual([{ line: 1, message: "the file has a header row but no cards" }]);
  });

  it("a missing column, an empty front and too many columns name the line and the column", () => {
    const csv = "What is DNS?\n,an answer\nQ,A,tag,why,extra\ngood,row\n";
    expect(problemsOf(importFile("deck.csv", csv))).toEqual([
      { line: 1, field: "back", message: "the row has no back column (is the separator a comma?)" },
      { line: 2, field: "front", message: "the front is empty" },
      { line: 3, message: "the row has 5 columns; expected at most 4 (front, back, tags, explanation)" },
    ]);
  });

  it("a header without a back column is one problem, not one per row", () => {
    expect(problemsOf(importFile("deck.csv", "front,tags\nQ,t\nQ2,t\n"))).toEqual([
      { line: 1, field: "back", message: "the header has no back column (back, answer, 裏 or 裏面)" },
    ]);
  });

  it("a cell over the field limit names the line and the field", () => {
    const csv = `front,back,explanation\nQ,${"a".repeat(701)},short\nQ2,A,${"e".repeat(601)}\n`;
    expect(problemsOf(importFile("deck.csv", csv))).toEqual([
      { line: 2, field: "back", message: "the back is 701 characters; the limit is 700" },
      { line: 3, field: "explanation", message: "the explanation is 601 characters; the limit is 600" },
    ]);
  });

  it("duplicate fronts (ignoring case, width and spacing) name both lines", () => {
    const csv = "front,back\nWhat is DNS?,a\nWhat is TCP?,b\n  what  is ＤＮＳ? ,c\n";
    expect(problemsOf(importFile("deck.csv", csv))).toEqual([
      { line: 4, field: "front", message: 'the same front as line 2: "what  is ＤＮＳ?"' },
    ]);
  });

  it("an unclosed quote names the line it opened on", () => {
    const problems = problemsOf(importFile("deck.csv", 'front,back\nQ,"never closed\nmore\n'));
    expect(problems).toEqual([{ line: 2, message: "a quoted cell is never closed (a closing quote is missing)" }]);
  });

  it("a file of an unknown format says which formats work", () => {
    expect(problemsOf(importFile("deck.bin", "no separators here"))[0]?.message).toMatch(/\.csv, \.tsv, \.yaml/);
  });

  it("lists at most 50 problems and counts the rest", () => {
    const rows = Array.from({ length: 80 }, (_, i) => `Q${i},`).join("\n");
    const problems = problemsOf(importFile("deck.csv", rows));
    expect(problems).toHaveLength(51);
    expect(problems[49]).toEqual({ line: 50, field: "back", message: "the back is empty" });
    expect(problems[50]).toEqual({ message: "...and 30 more" });
  });
});

describe("import problems in both languages", () => {
  const item = (fields: string) =>
    `items:\n  - id: q1\n    kind: true-false\n    topics: [ops]\n    section: s\n    statement: { ja: 文, en: Statement }\n    explanation: { ja: 解説, en: Why }\n${fields}`;
  const choices = (lines: string[]) =>
    `items:\n  - id: mc\n    kind: multiple-choice\n    topics: [ops]\n    section: s\n    question: { ja: 問, en: Question }\n    explanation: { ja: 解説, en: Why }\n    choices:\n${lines.map((l) => `      - ${l}\n`).join("")}`;
  const one = (result: ImportResult) => {
    const problems = localizedProblemsOf(result);
    expect(problems).toHaveLength(1);
    return problems[0]!.message;
  };

  it("an empty front, an unclosed quote, a YAML item missing a field and an over-size or empty file have their own Japanese", () => {
    expect(one(importFile("deck.csv", "front,back\n,an answer\n"))).toEqual({ en: "the front is empty", ja: "「front」列が空です" });
    expect(one(importFile("deck.csv", 'front,back\nQ,"never closed\n'))).toEqual({
      en: "a quoted cell is never closed (a closing quote is missing)",
      ja: "引用符で囲んだセルが閉じられていません（閉じる引用符がありません）",
    });
    expect(one(importFile("team.yaml", item("")))).toEqual({ en: "is required but missing", ja: "必須の項目ですが、ありません" });
    expect(one(importFile("deck.csv", new Uint8Array(10_000_000).fill(0x61)))).toEqual({
      en: "the file is 10 MB; the limit is 1 MB",
      ja: "ファイルは 10 MB です。上限は 1 MB です",
    });
    expect(one(importFile("deck.csv", ""))).toEqual({ en: "the file is empty", ja: "ファイルが空です" });
    expect(one(importFile("deck.csv", "front,tags\nQ,t\n"))).toEqual({
      en: "the header has no back column (back, answer, 裏 or 裏面)",
      ja: "見出し行に「back」列がありません（back、answer、裏、裏面のいずれか）",
    });
    expect(
      one(importFile("team.yaml", choices(["{ ja: あ, en: A, correct: true }", "{ ja: い, en: B, correct: true }", "{ ja: う, en: C }"]))),
    ).toEqual({
      en: "exactly one choice must be correct, found 2",
      ja: "正解の選択肢はちょうど1つにしてください（2個あります）",
    });
  });

  it("gives every problem from a set of broken files non-empty English and Japanese, the Japanese written in Japanese", () => {
    const good = "{ ja: あ, en: A, correct: true }";
    const broken: [string, string | Uint8Array][] = [
      ["deck.csv", "What is DNS?\n,an answer\nQ,A,tag,why,extra\ngood,row\n"],
      ["deck.tsv", "What is DNS?\n"],
      ["deck.csv", 'front,back,extra,front\nQ,"a"b\nQ2,"never closed\n'],
      ["deck.csv", "front,tags\nQ,t\n"],
      ["deck.csv", "front,back\n"],
      ["deck.csv", `front,back,explanation\nQ,${"a".repeat(701)},short\nQ2,A,${"e".repeat(601)}\nWhat is DNS?,a\n what is dns? ,b\n`],
      ["deck.csv", Array.from({ length: 80 }, (_, i) => `Q${i},`).join("\n")],
      ["deck.csv", Array.from({ length: 2_001 }, (_, i) => `q${i},a`).join("\n")],
      ["deck.csv", ""],
      ["deck.csv", "\n\n"],
      ["deck.csv", new Uint8Array(IMPORT_LIMITS.maxBytes + 1).fill(0x61)],
      ["deck.csv", new Uint8Array([...utf8("front,back\n"), 0x93, 0x8c, 0x0a])],
      ["deck.csv", "front,back\na\0,b\n"],
      ["deck.bin", "no separators here"],
      ["notes.txt", "#separator:weird\n#html:maybe\n#tags column:zero\n#notetype column:1\nCloze\tfront\tback\n"],
      ["team.yaml", "items: [1, 2\nname: x\n"],
      ["team.yaml", "items: []\nitems: []\n"],
      ["team.yaml", "items:\n\t- x\n"],
      ["team.yaml", "name: 'x\nitems: []\n"],
      ["team.yaml", "name: a: b\nitems: []\n"],
      ["team.yaml", 'name: "x\\q"\nitems: []\n'],
      ["team.yaml", "name: @x\nitems: []\n"],
      ["team.yaml", "name: x\nitems: []\n---\nname: y\n"],
      ["team.yaml", "name: *nothing\nitems: []\n"],
      [
        "team.yaml",
        [
          "a: &a [x, x, x, x, x, x, x, x, x, x]",
          "b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]",
          "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]",
          "items: [*c, *c]",
        ].join("\n"),
      ],
      ["team.yaml", "- just\n- a list\n"],
      ["team.yaml", "name: ' '\nitems: {}\nowner: me\n"],
      ["team.yaml", `name: ${"n".repeat(101)}\nitems: []\n`],
      ["team.yaml", "items: []\n"],
      ["team.yaml", `items:\n${"  - x\n".repeat(2_001)}`],
      ["team.yaml", item("    answer: true\n    colour: red\n").replace("kind: true-false", "kind: essay")],
      [
        "team.yaml",
        item("").replace("id: q1", "id: Not An Id").replace("topics: [ops]", "topics: [Ops]").replace("section: s", "section: ''"),
      ],
      [
        "team.yaml",
        item("    answer: true\n")
          .replace("id: q1", `id: ${"q".repeat(60)}`)
          .replace("topics: [ops]", `topics: [${"t".repeat(30)}]`),
      ],
      [
        "team.yaml",
        item("    answer: true\n")
          .replace("topics: [ops]", "topics: []")
          .replace("{ ja: 文, en: Statement }", `{ ja: ' ', en: ${"s".repeat(701)} }`),
      ],
      ["team.yaml", item("    answer: true\n").replace("{ ja: 文, en: Statement }", `{ ja: ${"文".repeat(701)}, en: '' , fr: x }`)],
      ["team.yaml", choices([good, good])],
      [
        "team.yaml",
        choices([good, "{ ja: い, en: B }", "{ ja: う, en: C }", "{ ja: え, en: D }", "{ ja: お, en: E }", "{ ja: か, en: F }"]),
      ],
      ["team.yaml", choices(["{ ja: あ, en: A }", "{ ja: あ, en: B }", `{ ja: '', en: ${"c".repeat(71)} }`])],
      ["team.yaml", `${item("    answer: true\n")}${item("    answer: false\n").replace("items:\n", "")}`],
    ];
    const messages = broken.flatMap(([name, content]) => localizedProblemsOf(importFile(name, content)).map((p) => p.message));
    // Enough different problems that a message added without its Japanese would likely be among them.
    expect(new Set(messages.map((m) => m.en.replace(/\d+/g, "N").replace(/"[^"]*"/g, '"…"'))).size).toBeGreaterThanOrEqual(50);
    for (const message of messages) {
      expect(Object.keys(message).sort()).toEqual(["en", "ja"]);
      expect(message.en.trim(), JSON.stringify(message)).not.toBe("");
      expect(message.ja.trim(), JSON.stringify(message)).not.toBe("");
      expect(message.ja, JSON.stringify(message)).toMatch(JAPANESE);
    }
  });

  it("knows the item schema's messages, with or without the language, and keeps an unknown message's English in both", () => {
    expect(schemaMessageText("Japanese text is missing or empty")).toEqual({
      en: "Japanese text is missing or empty",
      ja: "日本語のテキストがないか、空です",
    });
    expect(schemaMessageText("text is longer than 700 characters")).toEqual({
      en: "text is longer than 700 characters",
      ja: "テキストが700文字を超えています",
    });
    expect(schemaMessageText('duplicate choice "Email"')).toEqual({
      en: 'duplicate choice "Email"',
      ja: "選択肢「Email」が重複しています",
    });
    expect(schemaMessageText("something new")).toEqual({ en: "something new", ja: "something new" });
  });
});

describe("stable local ids", () => {
  it("re-importing the same file gives the same ids, whatever the row order or spacing", () => {
    const file = "front,back\nWhat is DNS?,a\nWhat is TCP?,b\n";
    const first = imported(importFile("deck.csv", file)).items.map((i) => i.localId);
    const again = imported(importFile("deck.csv", file)).items.map((i) => i.localId);
    const reordered = imported(importFile("deck.tsv", "What is TCP?\tb changed\n  What is DNS? \ta\n")).items.map((i) => i.localId);
    expect(again).toEqual(first);
    expect(reordered).toEqual([first[1], first[0]]);
    expect(first.every((id) => /^[0-9a-f]{12}$/.test(id))).toBe(true);
    expect(new Set(first).size).toBe(2);
  });

  it("uses FNV-1a 64, matching the published test vectors", () => {
    expect(fnv1a64Hex("")).toBe("cbf29ce484222325");
    expect(fnv1a64Hex("a")).toBe("af63dc4c8601ec8c");
    expect(fnv1a64Hex("foobar")).toBe("85944171f73967e8");
  });
});
