// The deck's quality gates and item links, on small fixture libraries: each gate passes at its
// threshold and fails one step past it, naming the items that make it fail.
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { stringify } from "yaml";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { checkLibrary } from "../../src/content-files/check-library.ts";
import { readGlossary, type Glossary } from "../../src/content-files/glossary.ts";
import type { ChoiceItem, Item, Library } from "../../src/core/deck/item.ts";
import { aChoiceQuestion, aFlashcard, aLibrary, aTrueFalse } from "../support/builders.ts";

let glossary: Glossary;
beforeAll(async () => {
  const read = await readGlossary("content/glossary.yaml");
  expect(read.problems).toEqual([]);
  glossary = read.glossary as Glossary;
});

function check(library: Library) {
  const fileOf = new Map(library.decks.flatMap((d) => d.items.map((i) => [i.id, `decks/${d.meta.id}/items.yaml`] as const)));
  return checkLibrary({ library, problems: [], fileOf }, { glossary });
}

function gate(items: Item[], name: string) {
  const result = check(aLibrary(items)).gates[0]?.gates.find((g) => g.gate === name);
  if (!result) throw new Error(`no gate ${name}`);
  return { ...result, ids: result.offenders.map((o) => o.itemId) };
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const text = (en: string, ja: string) => ({ en, ja });

/** A choice item whose correct choice is not the longest in either language. */
function fairChoice(id: string, overrides: Partial<ChoiceItem> = {}): Item {
  return aChoiceQuestion(id, {
    choices: [{ ...text("Short", "短い"), correct: true }, text("A longer wrong one", "もっと長い誤答"), text("Another wrong", "別の誤答")],
    ...overrides,
  } as never);
}

/** A choice item whose correct choice is the single longest in both languages. */
function giveawayChoice(id: string): Item {
  return aChoiceQuestion(id, {
    choices: [{ ...text("The long and careful right answer", "長くて丁寧な正しい答え"), correct: true }, text("No", "いいえ"), text("Yes", "はい")],
  });
}

describe("the true/false balance gate", () => {
  const deck = (truths: number) => range(10).map((i) => aTrueFalse(`tf-${i}`, i < truths));

  it("passes with 40% and with 60% of true/false answers true", () => {
    expect(gate(deck(4), "true/false balance").passed).toBe(true);
    expect(gate(deck(6), "true/false balance").passed).toBe(true);
    expect(gate(deck(6), "true/false balance").figure).toBe("60.0% true (6 of 10 true/false items)");
  });

  it("fails with 30% true, naming the false items, and with 70% true, naming the true ones", () => {
    const few = gate(deck(3), "true/false balance");
    expect(few.passed).toBe(false);
    expect(few.ids).toEqual(range(7).map((i) => `tf-${i + 3}`));
    const many = gate(deck(7), "true/false balance");
    expect(many.passed).toBe(false);
    expect(many.ids).toEqual(range(7).map((i) => `tf-${i}`));
  });

  it("counts only true/false items", () => {
    expect(gate([...deck(4), aFlashcard("card"), fairChoice("mc")], "true/false balance").figure).toBe("40.0% true (4 of 10 true/false items)");
  });
});

describe("the absolutes gate", () => {
  const absolute = (id: string, answer: boolean) => aTrueFalse(id, answer, { statement: text(`You must always do ${id}`, `${id}は必ず行う`) });
  const deck = (falses: number) => [
    ...range(4).map((i) => absolute(`abs-${i}`, i >= falses)),
    // Balance and statements without an absolute do not count.
    aTrueFalse("plain-false", false),
    aTrueFalse("plain-true", true),
  ];

  it("passes when 75% of true/false statements with an absolute are false", () => {
    const result = gate(deck(3), "absolutes");
    expect(result.passed).toBe(true);
    expect(result.figure).toBe("75.0% false (3 of 4 true/false items with an absolute)");
  });

  it("fails when more than 75% are false, naming the false ones and their word", () => {
    const result = gate(deck(4), "absolutes");
    expect(result.passed).toBe(false);
    expect(result.ids).toEqual(["abs-0", "abs-1", "abs-2", "abs-3"]);
    expect(result.offenders[0]?.detail).toBe('false, says "must"');
  });

  it("finds English absolutes as whole words in any case, and the Japanese ones anywhere", () => {
    const statement = (en: string, ja: string) => [aTrueFalse("x", false, { statement: text(en, ja) })];
    expect(gate(statement("Install it and tally the rest", "インストールする"), "absolutes").figure).toMatch(/0 of 0/);
    expect(gate(statement("ALL of them", "それら"), "absolutes").figure).toMatch(/1 of 1/);
    for (const word of ["だけ", "のみ", "常に", "必ず", "決して", "すべて"])
      expect(gate(statement("Plain", `これ${word}です`), "absolutes").figure, word).toMatch(/1 of 1/);
  });
});

describe("the longest choice gate", () => {
  const deck = (giveaways: number) => range(10).map((i) => (i < giveaways ? giveawayChoice(`mc-${i}`) : fairChoice(`mc-${i}`)));

  it("passes when the correct choice is the single longest in 30% of choice items", () => {
    const result = gate(deck(3), "longest choice");
    expect(result.passed).toBe(true);
    expect(result.figure).toMatch(/^30\.0% \(3 of 10 choice items/);
  });

  it("fails at 40%, naming the items and the language", () => {
    const result = gate(deck(4), "longest choice");
    expect(result.passed).toBe(false);
    expect(result.ids).toEqual(["mc-0", "mc-1", "mc-2", "mc-3"]);
    expect(result.offenders[0]?.detail).toBe("longest in en and ja");
  });

  it("counts scenarios, the longest in one language only, but not a tie for the longest", () => {
    const scenario = { ...giveawayChoice("scenario"), kind: "scenario" } as Item;
    const jaOnly = fairChoice("ja-only", {
      choices: [{ ...text("Short", "とても長い正しい答えです"), correct: true }, text("Much longer wrong", "誤答"), text("Other", "別")],
    });
    const tie = fairChoice("tie", {
      choices: [{ ...text("Same size", "同じ長さ"), correct: true }, text("Same Size", "同じ長サ"), text("No", "いや")],
    });
    const result = gate([scenario, jaOnly, tie, ...range(7).map((i) => fairChoice(`f-${i}`))], "longest choice");
    expect(result.figure).toMatch(/^20\.0% \(2 of 10/);
    expect(gate([scenario, jaOnly, tie, fairChoice("f")], "longest choice").offenders).toEqual([
      { itemId: "scenario", detail: "longest in en and ja" },
      { itemId: "ja-only", detail: "longest in ja" },
    ]);
  });

  it("measures characters of the trimmed text, not UTF-16 units", () => {
    // "𩸽" is one character and two UTF-16 units: by units the correct choice would look longest.
    const item = fairChoice("fish", {
      choices: [{ ...text("ab", "𩸽𩸽"), correct: true }, text("abc", "ほっけ"), text("abcd", "さば")],
    });
    expect(gate([item], "longest choice").figure).toMatch(/^0\.0%/);
  });
});

describe("the article mentions gate", () => {
  const mention = (id: string) => aFlashcard(id, { front: text(`What does the article call ${id}?`, `記事では${id}を何と呼ぶ？`) });
  const deck = (mentions: number) => range(20).map((i) => (i < mentions ? mention(`m-${i}`) : aFlashcard(`c-${i}`)));

  it("passes when 5% of prompts mention the article", () => {
    const result = gate(deck(1), "article mentions");
    expect(result.passed).toBe(true);
    expect(result.figure).toBe("5.0% (1 of 20 prompts mention the article)");
  });

  it("fails at 10%, naming the items", () => {
    const result = gate(deck(2), "article mentions");
    expect(result.passed).toBe(false);
    expect(result.ids).toEqual(["m-0", "m-1"]);
  });

  it("finds 記事 or the word article in any prompt kind, not inside other words and not outside prompts", () => {
    const items = [
      aTrueFalse("tf-ja", true, { statement: text("Plain", "記事によれば正しい") }),
      aChoiceQuestion("mc-en", { question: text("Per the Articles, which?", "どれ？") }),
      aFlashcard("particle", { front: text("What is a particle?", "粒子とは？") }),
      aFlashcard("in-explanation", { explanation: text("The article says so.", "記事にある。") }),
    ];
    expect(gate(items, "article mentions").ids).toEqual(["tf-ja", "mc-en"]);
  });
});

describe("the glossary gate", () => {
  it("the glossary file holds one entry per concept of the deck's table", () => {
    expect(glossary.terms.map((t) => t.concept)).toEqual([
      "people who use a service",
      "database",
      "online shop",
      "social media",
      "removing servers (horizontal)",
      "AWS scheduled actions",
      "ElastiCache engines",
      "what Auto Scaling does to an unhealthy instance",
      "load balancer kinds",
    ]);
  });

  const avoided: [string, (s: string) => Item, string][] = [
    ["利用者", (s) => aFlashcard("x", { back: text("Back", `${s}が使う`) }), "back.ja"],
    ["DB", (s) => aFlashcard("x", { explanation: text("Why", `${s}に保存する`) }), "explanation.ja"],
    ["DB", (s) => aFlashcard("x", { front: text(`Which ${s} is it?`, "どれ？") }), "front.en"],
    ["Eコマースサイト", (s) => aTrueFalse("x", true, { statement: text("Plain", `${s}の話`) }), "statement.ja"],
    ["eコマース", (s) => aTrueFalse("x", true, { statement: text("Plain", `${s}の話`) }), "statement.ja"],
    ["EC site", (s) => aChoiceQuestion("x", { question: text(`An ${s} sells what?`, "何？") }), "question.en"],
    ["online shops", (s) => aFlashcard("x", { back: text(`Many ${s}`, "多い") }), "back.en"],
    ["social network", (s) => aFlashcard("x", { back: text(`A ${s}`, "SNS") }), "back.en"],
    ["social networking service", (s) => aFlashcard("x", { back: text(`A ${s}`, "SNS") }), "back.en"],
    ["スケジュールベースのスケーリング", (s) => aFlashcard("x", { front: text("Plain", `${s}とは？`) }), "front.ja"],
    ["時間ベースのスケーリング", (s) => aFlashcard("x", { front: text("Plain", `${s}とは？`) }), "front.ja"],
    ["schedule-based scaling", (s) => aFlashcard("x", { front: text(`What is ${s}?`, "何？") }), "front.en"],
    ["Time-based scaling", (s) => aFlashcard("x", { front: text(`${s} is what?`, "何？") }), "front.en"],
    [
      "Redis",
      (s) =>
        aChoiceQuestion("x", {
          choices: [{ ...text("Valkey", "Valkey"), correct: true }, text(s, "その他"), text("Memcached", "Memcached")],
        }),
      "choices.1.en",
    ],
    ["automatically recover", (s) => aTrueFalse("x", false, { statement: text(`Auto Scaling will ${s} it`, "置き換える") }), "statement.en"],
    ["Auto-recover", (s) => aTrueFalse("x", false, { explanation: text(`${s}s the instance`, "置き換える") }), "explanation.en"],
  ];

  it.each(avoided)("fails on %s, naming the item, the field and the variant", (variant, make, field) => {
    const result = gate([make(variant)], "glossary");
    expect(result.passed).toBe(false);
    expect(result.offenders).toHaveLength(1);
    expect(result.offenders[0]?.itemId).toBe("x");
    expect(result.offenders[0]?.detail).toMatch(new RegExp(`^field ${field.replace(".", "\\.")}: "${variant}"`));
  });

  it("passes on names and the terms the glossary asks for", () => {
    const fine = aFlashcard("fine", {
      front: text("DynamoDB, an RDB and RDS: which holds the database? Redis OSS or Valkey?", "DynamoDB、RDB、RDSのどれがデータベース？Redis OSSかValkeyか"),
      back: text("An e-commerce site on social media; Auto Scaling replaces it; EC2 automatic recovery", "ユーザーがECサイトとSNSを使う。スケジュールされたスケーリング"),
    });
    const result = gate([fine], "glossary");
    expect(result.offenders).toEqual([]);
    expect(result.passed).toBe(true);
    expect(result.figure).toBe("0 avoided variant(s) in 0 item(s)");
  });

  it("reports a variant that is not a valid regular expression as a glossary problem", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "study-bot-glossary-"));
    try {
      writeFileSync(path.join(dir, "glossary.yaml"), stringify({ terms: [{ concept: "c", use: { ja: "a", en: "a" }, avoid: { en: ["/(unclosed/"] } }] }));
      const read = await readGlossary(path.join(dir, "glossary.yaml"));
      expect(read.glossary).toBeNull();
      expect(read.problems[0]?.message).toMatch(/invalid regular expression \/\(unclosed\//);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("requires and sibling groups", () => {
  const problemsOf = (library: Library) => check(library).problems.map((p) => `${p.itemId} ${p.field}: ${p.message}`);

  it("requires naming other items of the same deck is fine", () => {
    const library = aLibrary([aFlashcard("a"), aFlashcard("b", { requires: ["a"] }), aFlashcard("c", { requires: ["a", "b"] })]);
    expect(problemsOf(library)).toEqual([]);
  });

  it("an unknown item, the item itself or an item of another deck is a problem naming both ids", () => {
    const library = aLibrary([aFlashcard("a", { requires: ["a"] }), aFlashcard("b", { requires: ["missing", "other"] })]);
    library.decks.push({ meta: { id: "second", name: text("Second", "二つ目") }, items: [aFlashcard("other", { front: text("Other", "他") })] });
    expect(problemsOf(library)).toEqual([
      "a requires.0: an item cannot require itself",
      "b requires.0: requires missing, which is not an item of deck test-deck",
      "b requires.1: requires other, which is not an item of deck test-deck",
    ]);
  });

  it("a cycle of requires is a problem naming the ids around it", () => {
    const library = aLibrary([
      aFlashcard("a", { requires: ["c"] }),
      aFlashcard("b", { requires: ["a"] }),
      aFlashcard("c", { requires: ["b"] }),
      aFlashcard("d", { requires: ["a"] }),
    ]);
    expect(problemsOf(library)).toEqual(["a requires: requires form a cycle: a -> c -> b -> a"]);
  });

  it("a sibling group needs at least two items", () => {
    const alone = aLibrary([aFlashcard("a", { sibling: "pair" }), aFlashcard("b", { sibling: "lonely" }), aFlashcard("c", { sibling: "pair" })]);
    expect(problemsOf(alone)).toEqual(['b sibling: sibling group "lonely" has only this item; a group needs at least two']);
  });
});

describe("npm run content:check on a fixture library", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function writeLibrary(library: Library): string {
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-gates-"));
    writeFileSync(path.join(dir, "topics.yaml"), stringify({ topics: library.topics }));
    writeFileSync(path.join(dir, "sections.yaml"), stringify({ sections: library.sections }));
    copyFileSync("content/glossary.yaml", path.join(dir, "glossary.yaml"));
    for (const deck of library.decks) {
      mkdirSync(path.join(dir, "decks", deck.meta.id), { recursive: true });
      writeFileSync(path.join(dir, "decks", deck.meta.id, "deck.yaml"), stringify(deck.meta));
      writeFileSync(path.join(dir, "decks", deck.meta.id, "items.yaml"), stringify({ items: deck.items }));
    }
    return dir;
  }

  function run(contentDir: string): { code: number; out: string } {
    try {
      const out = execFileSync(path.join("node_modules", ".bin", "tsx"), ["src/bin/content-check.ts", contentDir], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      return { code: 0, out };
    } catch (e) {
      const err = e as { status: number; stdout: string; stderr: string };
      return { code: err.status, out: `${err.stdout}${err.stderr}` };
    }
  }

  it("prints every gate's figure and passes when every gate passes", () => {
    const { code, out } = run(writeLibrary(aLibrary([aTrueFalse("t", true), aTrueFalse("f", false), fairChoice("mc"), aFlashcard("card")])));
    expect(out).toContain("quality gates, deck test-deck:");
    expect(out).toMatch(/pass {2}true\/false balance +50\.0% true \(1 of 2 true\/false items\); allowed: between 40% and 60% true/);
    expect(out).toMatch(/pass {2}absolutes +n\/a false \(0 of 0/);
    expect(out).toMatch(/pass {2}longest choice +0\.0% \(0 of 1 choice items/);
    expect(out).toMatch(/pass {2}article mentions +0\.0% \(0 of 4 prompts/);
    expect(out).toMatch(/pass {2}glossary +0 avoided variant/);
    expect(out).toContain("content:check passed");
    expect(code).toBe(0);
  });

  it("fails and prints the ids behind each failed gate and link", () => {
    const library = aLibrary([
      aTrueFalse("always-false", false, { statement: text("It is always so", "常にそう") }),
      aTrueFalse("never-false", false, { statement: text("It never is", "決してない") }),
      aTrueFalse("plain-false", false),
      giveawayChoice("giveaway"),
      aFlashcard("cites", { front: text("What does the article say?", "記事は何と言う？"), sibling: "alone" }),
      aFlashcard("user-word", { back: text("Users", "利用者"), requires: ["nowhere"] }),
    ]);
    const { code, out } = run(writeLibrary(library));
    expect(code).toBe(1);
    expect(out).toMatch(/FAIL {2}true\/false balance +0\.0% true \(0 of 3/);
    expect(out).toMatch(/FAIL {2}absolutes +100\.0% false \(2 of 2[^\n]*\n +always-false: false, says "always"\n +never-false: false, says "never"/);
    expect(out).toMatch(/FAIL {2}longest choice[^\n]*\n +giveaway: longest in en and ja/);
    expect(out).toMatch(/FAIL {2}article mentions[^\n]*\n +cites\n/);
    expect(out).toMatch(/FAIL {2}glossary[^\n]*\n +user-word: field back\.ja: "利用者"; use ユーザー/);
    expect(out).toMatch(/item user-word, field requires\.0: requires nowhere, which is not an item of deck test-deck/);
    expect(out).toMatch(/item cites, field sibling: sibling group "alone" has only this item/);
    expect(out).toMatch(/found 2 problem\(s\) and 5 failed quality gate\(s\)/);
  });
});
