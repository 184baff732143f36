// Console mode end to end: `npm start` as a child process, driven through a pipe, on a fresh
// SQLite file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROCESS_TEST_MS } from "../support/child-process.ts";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "study-bot-console-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function run(
  command: string[],
  input: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command[0]!, command.slice(1), {
      env: {
        PATH: process.env.PATH ?? "",
        HOME: process.env.HOME ?? dir,
        LANG: "C",
        DATABASE_URL: `file:${path.join(dir, "study.db")}`,
        ...env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => (stdout += d));
    child.stderr.on("data", (d) => (stderr += d));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(input);
  });
}

const tsx = [path.join(process.cwd(), "node_modules", ".bin", "tsx"), "src/main.ts"];

/** The console as a person uses it: a line is typed once the bot has shown what it is answering. */
function interactive(): { type(line: string): void; waitFor(pattern: RegExp): Promise<RegExpExecArray>; close(): Promise<number | null> } {
  const child = spawn(tsx[0]!, tsx.slice(1), {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? dir, LANG: "C", DATABASE_URL: `file:${path.join(dir, "study.db")}` },
    stdio: ["pipe", "pipe", "pipe"],
  });
  let unread = "";
  let waiting: (() => void) | undefined;
  child.stdout.on("data", (d) => {
    unread += String(d);
    waiting?.();
  });
  const exited = new Promise<number | null>((resolve) => child.on("close", resolve));
  return {
    type: (line) => child.stdin.write(`${line}\n`),
    waitFor: (pattern) =>
      new Promise((resolve) => {
        waiting = () => {
          const match = pattern.exec(unread);
          if (!match) return;
          unread = unread.slice(match.index + match[0].length);
          waiting = undefined;
          resolve(match);
        };
        waiting();
      }),
    close: () => {
      child.stdin.end();
      return exited;
    },
  };
}

/** A deck whose right answers are written last. */
function choiceDeck(): string {
  const item = (id: string) => `  - id: ${id}
    kind: multiple-choice
    topics: [picks]
    section: intro
    question: { en: "Question ${id}?", ja: "質問 ${id}？" }
    choices:
${["one", "two", "three", "four"].map((n) => `      - { en: "Wrong ${n} of ${id}", ja: "誤り${n} ${id}" }`).join("\n")}
      - { en: "Right answer of ${id}", ja: "正解 ${id}", correct: true }
    explanation: { en: "Because ${id}", ja: "理由 ${id}" }
`;
  const file = path.join(dir, "picks.yaml");
  writeFileSync(file, `items:\n${item("p-1")}${item("p-2")}`);
  return file;
}

/** The numbered buttons of the last line of buttons printed: [number, label]. */
function buttonsIn(line: string): [string, string][] {
  return [...line.matchAll(/\[(\d+)\] (.+?)(?= {2}\[\d+\]|$)/g)].map((m) => [m[1]!, m[2]!]);
}

describe("console mode", () => {
  it(
    "runs the piped session from the README: a card, its answer and intervals, a rating, stats, exit 0",
    async () => {
      const { code, stdout, stderr } = await run(["npm", "start", "--silent"], "/study\n1\n3\n/stats\n/quit\n");
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toContain("Console mode");
      expect(stdout).toContain("DISCORD_TOKEN");
      expect(stdout).toMatch(/== New card ==\n.+\n\(Topic: .+\)\n\[1\] Show answer/);
      expect(stdout).toMatch(/\[1\] Again · 1m {2}\[2\] Hard · 6m {2}\[3\] Good · 10m {2}\[4\] Easy · \d+d/);
      expect(stdout).toContain("Rated Good: next review in 10 min.");
      expect(stdout).toContain("Reviewed today: 1");
      const db = new Database(path.join(dir, "study.db"), { readonly: true });
      const logs = db.prepare(`SELECT "userId", "rating", "source" FROM "ReviewLog"`).all();
      db.close();
      expect(logs).toEqual([{ userId: "console:local", rating: 3, source: "study" }]);
    },
    PROCESS_TEST_MS,
  );

  it(
    "answers a choice card by its number, names the answer by the letter shown, and presses Good on Enter after a right pick",
    async () => {
      const deck = choiceDeck();
      const person = interactive();
      person.type(`/deck import ${deck} Picks`);
      await person.waitFor(/Deck id: /);
      person.type("/study picks");
      // Which of the two comes first depends on this person's order of new cards.
      const firstShown = await person.waitFor(/Question (p-[12])\?\n\(Topic: picks\)\n(\[1\].*)\n/);
      const [first, second] = firstShown[1] === "p-1" ? ["p-1", "p-2"] : ["p-2", "p-1"];
      let shown = buttonsIn(firstShown[2]!);
      const right = shown.find(([, label]) => label.includes("Right answer"))!;
      person.type(shown.find(([, label]) => label.includes("Wrong"))![0]);
      const answer = (await person.waitFor(/Not quite\. The answer is (.+)\.\n/))[1];
      expect(answer).toBe(right[1]);
      person.type("1"); // Next card
      shown = buttonsIn((await person.waitFor(new RegExp(`Question ${second}\\?\\n\\(Topic: picks\\)\\n(\\[1\\].*)\\n`)))[1]!);
      person.type(shown.find(([, label]) => label.includes("Right answer"))![0]);
      await person.waitFor(/\[1\] Hard · 6m {2}\[2\] Good · 10m {2}\[3\] Easy · \d+d\nPress Enter for "Good · 10m"\.\n/);
      person.type("");
      await person.waitFor(/Rated Good: next review in 10 min\./);
      expect(await person.close()).toBe(0);
      const db = new Database(path.join(dir, "study.db"), { readonly: true });
      const logs = db.prepare(`SELECT "itemId", "rating", "source" FROM "ReviewLog" ORDER BY "id"`).all();
      db.close();
      expect(logs).toEqual([
        { itemId: expect.stringMatching(new RegExp(`-${first}$`)), rating: 1, source: "study" },
        { itemId: expect.stringMatching(new RegExp(`-${second}$`)), rating: 3, source: "study" },
      ]);
    },
    2 * PROCESS_TEST_MS,
  );

  it(
    "keeps progress across runs, speaks Japanese after /lang ja, and exits 0 at the end of input",
    async () => {
      await run(tsx, "/study\n1\n4\n");
      const second = await run(tsx, "/lang ja\n/stats\n/dance\n");
      expect(second.code).toBe(0);
      expect(second.stdout).toContain("保存しました。");
      expect(second.stdout).toContain("今日の復習数：1");
      expect(second.stdout).toContain("「dance」というコマンドはありません。");
    },
    2 * PROCESS_TEST_MS,
  );

  it(
    "defaults to Japanese with a Japanese system locale",
    async () => {
      const { stdout } = await run(tsx, "/study\n9\n", { LANG: "ja_JP.UTF-8" });
      expect(stdout).toContain("コンソールモード：console:local として");
      expect(stdout).toContain("DISCORD_TOKEN");
      expect(stdout).toContain("/study で学習開始");
      expect(stdout).toContain("[1] 答えを見る");
      expect(stdout).toContain("1〜1 の番号を入力してください。");
    },
    PROCESS_TEST_MS,
  );

  it(
    "answers a number with nothing to press, and an unknown command, without stopping",
    async () => {
      const { code, stdout } = await run(tsx, "7\n/nope\n/study nowhere\n/help\n");
      expect(code).toBe(0);
      expect(stdout).toContain("There is nothing to press");
      expect(stdout).toContain('I don\'t know the command "nope"');
      expect(stdout).toContain('There is no topic "nowhere"');
      expect(stdout).toContain("How to use the study bot");
    },
    PROCESS_TEST_MS,
  );

  it(
    "refuses to start on a broken configuration, naming the variable",
    async () => {
      const { code, stderr } = await run(tsx, "", { DATABASE_URL: "mysql://nope", DISCORD_TOKEN: "secret-token-value" });
      expect(code).toBe(1);
      expect(stderr).toContain("DATABASE_URL");
      expect(stderr).toContain("DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set");
      expect(stderr).not.toContain("secret-token-value");
    },
    PROCESS_TEST_MS,
  );

  it(
    "strips escape sequences and control characters from what is typed before echoing or storing it",
    async () => {
      const { writeFileSync } = await import("node:fs");
      const deck = path.join(dir, "deck.csv");
      writeFileSync(deck, "front,back\nQ,A\n");
      const input = ["\u001b[2J\u001b[H/help\u0007", `/deck import ${deck} My\u001b[31mDeck\u001b]0;title\u0007\u009b2J`, "/quit", ""].join(
        "\n",
      );
      const { code, stdout, stderr } = await run(tsx, input);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
      expect(stdout).toContain("> /help\n");
      expect(stdout).toContain(`> /deck import ${deck} MyDeck\n`);
      const db = new Database(path.join(dir, "study.db"), { readonly: true });
      const names = db.prepare(`SELECT "nameEn" FROM "Deck" WHERE "teamId" IS NOT NULL`).all();
      db.close();
      expect(names).toEqual([{ nameEn: "MyDeck" }]);
    },
    PROCESS_TEST_MS,
  );

  it(
    "reports a problem from a card's back with prompts, once per item version, and lists it with /deck reports",
    async () => {
      // The back's fifth choice is the report; a number that is no reason cancels; then a reason by
      // number and a line of text; a second report of the card is refused politely; the card stays to rate.
      const first = await run(tsx, "/study\n1\n5\n9\n5\n1\n\u001b[31mThe answer is wrong @everyone\n5\n2\n\n3\n/deck reports\n");
      expect(first.code).toBe(0);
      expect(first.stdout).toMatch(/\[5\] Report a problem/);
      expect(first.stdout).toContain("== Report a problem ==\nWhat is wrong?\n[1] The answer is wrong\n[2] Unclear or ambiguous");
      expect(first.stdout).toContain("Report cancelled: nothing was recorded.");
      expect(first.stdout).toContain("Thank you! Your report went to the team's admins.");
      expect(first.stdout).toContain("You have already reported this version of the item.");
      expect(first.stdout).toContain("Rated Good: next review in 10 min.");
      expect(first.stdout).toMatch(
        /== Problem reports ==\n[a-z0-9-]+: 1 report, latest \d{4}-\d{2}-\d{2} \(wrong ×1\)\n> The answer is wrong @\u200beveryone/,
      );
      const db = new Database(path.join(dir, "study.db"), { readonly: true });
      const rows = db.prepare(`SELECT "userId", "reason", "text" FROM "ProblemReport"`).all();
      db.close();
      expect(rows).toEqual([{ userId: "console:local", reason: "wrong", text: "The answer is wrong @\u200beveryone" }]);
      expect(first.stdout.slice(first.stdout.indexOf("== Problem reports =="))).not.toContain("\u001b");
    },
    2 * PROCESS_TEST_MS,
  );
});
