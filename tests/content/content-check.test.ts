// content:check on the real deck, and on broken copies of it: every problem names the file, the
// item and what is wrong.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { checkLibrary, failedGates } from "../../src/content-files/check-library.ts";
import { readGlossary } from "../../src/content-files/glossary.ts";
import { readLibrary } from "../../src/content-files/load-library.ts";
import { renderChecks } from "../../src/content-files/render-checks.ts";
import { PROCESS_TEST_MS, startChild } from "../support/child-process.ts";

const tsx = path.join(process.cwd(), "node_modules", ".bin", "tsx");

/** Runs `content:check` as a child process, spawned asynchronously so that the test runner's timers keep running. */
async function runCheck(dir: string): Promise<{ code: number | null; out: string }> {
  const run = startChild([tsx, "src/bin/content-check.ts", dir], {});
  run.child.stdin!.end();
  const { code } = await run.exited;
  return { code, out: `${run.stdout()}${run.stderr()}` };
}

describe("the built-in deck", () => {
  it("passes content:check, quality gates included, with at least 200 items, 90 of them auto-graded, in both languages", async () => {
    const result = await readLibrary("content");
    const { glossary, problems: glossaryProblems } = await readGlossary("content/glossary.yaml");
    expect(glossaryProblems).toEqual([]);
    const { problems, counts, gates } = checkLibrary(result, { renderers: renderChecks, glossary: glossary ?? undefined });
    expect(problems).toEqual([]);
    expect(failedGates(gates).map((g) => `${g.gate}: ${g.figure}`)).toEqual([]);
    expect(counts.items).toBeGreaterThanOrEqual(200);
    expect(counts.graded).toBeGreaterThanOrEqual(90);
    expect(counts.byLocale).toEqual({ en: counts.items, ja: counts.items });
    for (const [topic, n] of Object.entries(counts.byTopic)) expect(n, topic).toBeGreaterThan(0);
    for (const [section, n] of Object.entries(counts.bySection)) expect(n, section).toBeGreaterThan(0);
  });
});

describe("content:check on a broken deck", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  function brokenCopy(file: string, edit: (source: string) => string): string {
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-content-"));
    cpSync("content", dir, { recursive: true });
    const target = path.join(dir, "decks", "backend-aws", file);
    const source = readFileSync(target, "utf8");
    const broken = edit(source);
    expect(broken).not.toBe(source);
    writeFileSync(target, broken);
    return dir;
  }

  it("prints the counts and passes on the real deck", async () => {
    const { code, out } = await runCheck("content");
    expect(code).toBe(0);
    expect(out).toMatch(/kind\s+count/);
    expect(out).toMatch(/\d+ items, \d+ auto-graded/);
  }, PROCESS_TEST_MS);

  it("names the file and the line of invalid YAML", async () => {
    const { code, out } = await runCheck(brokenCopy("01-backend-basics.yaml", (s) => s.replace("items:", "items:\n  - id: [unclosed")));
    expect(code).toBe(1);
    expect(out).toMatch(/01-backend-basics\.yaml: invalid YAML at line \d+/);
  }, PROCESS_TEST_MS);

  it("names the item and the problem when two choices are marked correct", async () => {
    const { code, out } = await runCheck(brokenCopy("01-backend-basics.yaml", (s) => s.replace(/(choices:\n\s+- ja: [^\n]+\n\s+en: [^\n]+\n)/, "$1        correct: true\n")));
    expect(code).toBe(1);
    expect(out).toMatch(/01-backend-basics\.yaml, item [a-z0-9-]+, field choices: exactly one choice must be correct, found 2/);
  }, PROCESS_TEST_MS);

  it("names the item and field of a missing translation", async () => {
    const { code, out } = await runCheck(brokenCopy("02-architecture.yaml", (s) => s.replace(/\n(\s+)en: [^\n]+/, "")));
    expect(code).toBe(1);
    expect(out).toMatch(/02-architecture\.yaml, item [a-z0-9-]+, field [a-z.]+\.en: is required but missing/);
  }, PROCESS_TEST_MS);

  it("tells a value of the wrong type from a missing one", async () => {
    const { code, out } = await runCheck(brokenCopy("01-backend-basics.yaml", (s) => s.replace(/answer: (true|false)/, 'answer: "yes"')));
    expect(code).toBe(1);
    expect(out).toMatch(/01-backend-basics\.yaml, item [a-z0-9-]+, field answer: must be true or false/);
  }, PROCESS_TEST_MS);

  it("names the item and field of a label longer than Slack allows", async () => {
    const { code, out } = await runCheck(brokenCopy("10-aws-data.yaml", (s) => s.replace(/(choices:\n\s+- ja: )([^\n]+)/, `$1${"長".repeat(71)}`)));
    expect(code).toBe(1);
    expect(out).toMatch(/10-aws-data\.yaml, item [a-z0-9-]+, field choices\.0\.ja: Japanese choice is longer than 70 characters/);
  }, PROCESS_TEST_MS);
});
