// Uploads and typed values built to crash the bot or keep it busy: each is refused or read in linear
// time, with a problem in both languages. Where only time shows the difference, the files run in a
// child process (tests/support/hostile-input-child.ts) under a timeout far above what they need.
import { startChild } from "../support/child-process.ts";
import { describe, expect, it } from "vitest";
import { htmlToText } from "../../src/core/deck-import/html-to-text.ts";
import { parseDeckFile, type ImportResult } from "../../src/core/deck-import/parse-deck-file.ts";
import { YAML_MAX_TOKENS, yamlSizeProblem } from "../../src/core/deck-import/yaml-depth.ts";
import { cachedTimeZoneCount, canonicalTimeZone, isValidTimeZone, localParts } from "../../src/core/time/zoned-time.ts";

function importFile(fileName: string, text: string): ImportResult {
  return parseDeckFile({ fileName, bytes: new TextEncoder().encode(text), defaultTopic: "team-deck", section: "imported" });
}

function problemsOf(result: ImportResult) {
  if (result.ok) throw new Error("expected the import to fail");
  return result.problems;
}

const NESTED = "invalid YAML: it is nested too deeply (more than 64 levels)";

describe("hostile uploads are read in linear time", () => {
  // Not a performance target (those live in `npm run bench`): a hang guard. The series takes about
  // ten seconds on a quiet machine; before the fixes, one of its files alone took minutes and the run
  // never finished. Spawned asynchronously, so that the test runner's own timers keep running.
  it("reads each of a series of files that used to take minutes, in seconds, in a process that survives them", async () => {
    const run = startChild([process.execPath, "--import", "tsx", "tests/support/hostile-input-child.ts"], {});
    const exit = await run.exited;
    expect(run.stderr()).toBe("");
    expect(exit).toEqual({ code: 0, signal: null });
    const lines = run
      .stdout()
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { name: string; outcome: string });
    expect(lines.map(({ name, outcome }) => [name, outcome])).toEqual([
      ["a CSV header with 500,000 empty columns, then 124,000 rows", "the file has 124000 items; the limit is 2000"],
      ["an Anki HTML cell of 1,000,000 spaces", "the back is 999971 characters; the limit is 700"],
      ['an Anki cell of 140,000 "[sound:" without a "]"', "the back is 999978 characters; the limit is 700"],
      ["an Anki #tags line of 500 KB above 124,000 rows", "the file has 124000 items; the limit is 2000"],
      ["a YAML map of 99,990 keys", "unknown field(s): k0, k1, k2, k3, k4, k5, k6, k7, k8, k9 and 99980 more"],
      ["149,000 YAML errors on one line", "invalid YAML: Plain value cannot start with reserved character @"],
      ["a YAML list of 30,000 aliases, itself aliased", "unknown field(s): a0, a1, a2, a3, a4, a5, a6, a7, a8, a9 and 29991 more"],
      ["a YAML item with 49,000 unknown keys, then 75,000 bad topics", "is required but missing"],
      ...["1,000", "10,000", "30,000"].flatMap((depth) =>
        ["nested sequences on one line", "nested explicit keys", "nested flow collections"].map((shape) => [
          `${shape}, ${depth} deep`,
          NESTED,
        ]),
      ),
      ["a staircase of 1,000 indented sequences", NESTED],
    ]);
  }, 240_000);
});

describe("Anki exports", () => {
  it("a file with 250,000 syntax problems lists them instead of overflowing the stack", () => {
    const problems = problemsOf(importFile("notes.txt", `#separator:tab\n${'""x\t'.repeat(249_990)}\n`));
    expect(problems).toHaveLength(51);
    expect(problems[0]?.message.en).toMatch(/^text follows the closing quote of a cell/);
    expect(problems[50]?.message.en).toBe("...and 249940 more");
  });

  it("#tags longer than a field may be is one problem on its line, not one per row", () => {
    const result = importFile("notes.txt", `#separator:tab\n#tags:${"ab ".repeat(300)}\nq1\ta\nq2\ta\nq3\ta\n`);
    expect(problemsOf(result)).toEqual([
      { line: 2, message: { en: "#tags is 899 characters; the limit is 700", ja: "#tags が899文字あります。上限は700文字です" } },
    ]);
  });

  it("still drops sound references and blanks before line breaks in HTML", () => {
    const result = importFile("notes.txt", "#separator:tab\n#html:true\nq [sound:a b.mp3]\tline  <br>next[sound:x.mp3]\n");
    expect(result.ok && result.items[0]?.item).toMatchObject({ front: { en: "q" }, back: { en: "line\nnext" } });
    expect(htmlToText("a \t \nb  \n\n\n\nc \t")).toBe("a\nb\n\nc");
  });
});

describe("YAML decks", () => {
  it("refuses more keys, values and symbols than a deck can need before parsing them", () => {
    const text = `items: [${"1,".repeat(150_000)}1]\n`;
    expect(yamlSizeProblem(text)).toBe("too-many-tokens");
    expect(problemsOf(importFile("deck.yaml", text))).toEqual([
      {
        message: {
          en: `invalid YAML: it has more than ${YAML_MAX_TOKENS} keys, values and symbols (such as - : , [ ] { }); 2000 items need far fewer`,
          ja: `YAML の書き方に誤りがあります：キー・値・記号（- : , [ ] { } など）が${YAML_MAX_TOKENS}個を超えています。2000件の項目でもずっと少なくて済みます`,
        },
      },
    ]);
  });

  it("imports the densest deck that can be imported: 2,000 multiple-choice items in flow style", () => {
    const item = (i: number) =>
      `- {id: q${i}, kind: multiple-choice, topics: [a, b, c], section: s, question: {ja: q, en: q}, choices: [{ja: a, en: a, correct: true}, {ja: b, en: b}, {ja: c, en: c}, {ja: d, en: d}, {ja: e, en: e}], explanation: {ja: x, en: x}}\n`;
    const result = importFile("deck.yaml", `items:\n${Array.from({ length: 2000 }, (_, i) => item(i)).join("")}`);
    expect(result.ok && result.items).toHaveLength(2000);
  });

  it("reports repeated keys with their lines, in block and in flow maps, in both languages", () => {
    const problems = problemsOf(importFile("deck.yaml", "items: []\nname: a\nname: b\nx: {1: a, 1.0: b}\n"));
    expect(problems).toEqual([
      {
        line: 3,
        message: { en: "invalid YAML: Map keys must be unique", ja: "YAML の書き方に誤りがあります：同じキーが2回書かれています" },
      },
      {
        line: 4,
        message: { en: "invalid YAML: Map keys must be unique", ja: "YAML の書き方に誤りがあります：同じキーが2回書かれています" },
      },
    ]);
  });

  it("names a few unknown keys and counts the rest", () => {
    const keys = Array.from({ length: 12 }, (_, i) => `k${i}: 1\n`).join("");
    expect(problemsOf(importFile("deck.yaml", `items: []\n${keys}`))).toEqual([
      {
        line: 2,
        message: {
          en: "unknown field(s): k0, k1, k2, k3, k4, k5, k6, k7, k8, k9 and 2 more",
          ja: "不明な項目：k0、k1、k2、k3、k4、k5、k6、k7、k8、k9 ほか2件",
        },
      },
    ]);
  });

  it("resolves aliases itself: one anchor may serve many items, as long as the expanded deck stays small", () => {
    const items = Array.from(
      { length: 150 },
      (_, i) =>
        `  - {id: i${i}, kind: true-false, topics: ${i === 0 ? "&t [ops]" : "*t"}, section: s, statement: {ja: s${i}, en: s${i}}, answer: true, explanation: {ja: e, en: e}}\n`,
    ).join("");
    const result = importFile("deck.yaml", `items:\n${items}`);
    expect(result.ok && result.items.map((i) => i.item.topics)).toEqual(Array(150).fill(["ops"]));
  });

  it("refuses aliases to nothing, to a value that contains them, and chains of aliases nested too deeply", () => {
    const read = (text: string) => problemsOf(importFile("deck.yaml", text)).map((p) => p.message);
    expect(read("items: [*nope]\n")).toEqual([
      {
        en: "the YAML could not be read: Unresolved alias (the anchor must be set before the alias): nope",
        ja: "YAML を読み込めませんでした：エイリアス *nope のアンカーが、それより前にありません",
      },
    ]);
    expect(read("items: &a [*a]\n")).toEqual([
      {
        en: "the YAML could not be read: an alias (*name) repeats a value that contains the alias, so it never ends",
        ja: "YAML を読み込めませんでした：エイリアス（*名前）が、そのエイリアス自身を含む値を繰り返しているため、終わりがありません",
      },
    ]);
    const chain = `b0: &b0 [x]\n${Array.from({ length: 70 }, (_, i) => `b${i + 1}: &b${i + 1} [*b${i}]\n`).join("")}items: [*b70]\n`;
    expect(read(chain)).toEqual([
      {
        en: "the YAML could not be read: it is nested too deeply (more than 64 levels)",
        ja: "YAML を読み込めませんでした：入れ子が深すぎます（64段まで）",
      },
    ]);
  });

  it("leaves !!omap unresolved: the library checks its keys against every earlier one", () => {
    expect(problemsOf(importFile("deck.yaml", "items: []\nx: !!omap [{a: 1}, {a: 2}]\n"))).toEqual([
      { line: 2, message: { en: "unknown field(s): x", ja: "不明な項目：x" } },
    ]);
  });
});

describe("time zones typed by users", () => {
  it("validating many spellings of a zone caches no formatter for them", () => {
    const before = cachedTimeZoneCount();
    const spellings = Array.from({ length: 500 }, (_, n) =>
      [..."america/los_angeles"].map((c, i) => ((n >> (i % 9)) & 1 ? c.toUpperCase() : c)).join(""),
    );
    expect(new Set(spellings).size).toBe(500);
    for (const spelling of spellings) {
      expect(isValidTimeZone(spelling)).toBe(true);
      expect(canonicalTimeZone(spelling)).toBe("America/Los_Angeles");
    }
    expect(cachedTimeZoneCount()).toBe(before);
    // Computing a time in the canonical zone caches one.
    localParts(new Date("2024-01-01T00:00:00Z"), "America/Los_Angeles");
    expect(cachedTimeZoneCount()).toBeLessThanOrEqual(before + 1);
  });
});
