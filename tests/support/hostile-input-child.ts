// Imports a series of hostile uploads one after another in one process, printing one line per file:
// its name, the milliseconds it took and the first problem. Run as a child process by
// tests/core/hostile-input.test.ts: before the fixes in src/core/deck-import, each of these took from a
// minute to many minutes (quadratic work), ran the process out of memory, or ended it.
// The YAML files stay under the token limit of yaml-depth.ts, so the work they test is really done.
import { parseDeckFile } from "../../src/core/deck-import/parse-deck-file.ts";

const LIMIT = 1_000_000;

/** `unit` repeated to fill what the upload limit leaves after `prefix` and `suffix` (ASCII only). */
const fill = (unit: string, prefix = "", suffix = "") =>
  prefix + unit.repeat(Math.floor((LIMIT - prefix.length - suffix.length) / unit.length)) + suffix;

const HOSTILE_UPLOADS: Record<string, { fileName: string; text: () => string }> = {
  // Each row looked its columns up in a header of 500,000 empty cells.
  "a CSV header with 500,000 empty columns, then 124,000 rows": {
    fileName: "deck.csv",
    text: () => `front,back${",".repeat(500_000)}\n${"q,a\n".repeat(124_000)}`,
  },
  // /[ \t]+\n/ tried each of the blanks as a start.
  "an Anki HTML cell of 1,000,000 spaces": { fileName: "notes.txt", text: () => fill(" ", "#separator:tab\n#html:true\nq\ta", "x\n") },
  // Each "[sound:" scanned to the end of the line for its "]".
  'an Anki cell of 140,000 "[sound:" without a "]"': { fileName: "notes.txt", text: () => fill("[sound:", "#separator:tab\nq\t", "\n") },
  // Every row copied the 500 KB of tags, 124,000 times: the process ran out of memory.
  "an Anki #tags line of 500 KB above 124,000 rows": {
    fileName: "notes.txt",
    text: () => `#separator:tab\n#tags:${"ab ".repeat(166_000)}\n${"q\ta\n".repeat(124_000)}`,
  },
  // The yaml library compared each key with every earlier key of its map.
  "a YAML map of 99,990 keys": {
    fileName: "deck.yaml",
    text: () => `items: []\n${Array.from({ length: 99_990 }, (_, i) => `k${i}: 1\n`).join("")}`,
  },
  // Pretty errors copied the whole (600 KB) line for each of 149,000 errors on it.
  "149,000 YAML errors on one line": { fileName: "deck.yaml", text: () => `items: [${"@a, ".repeat(149_000)}]\n` },
  // The library searched the whole document for each alias inside an aliased value.
  "a YAML list of 30,000 aliases, itself aliased": {
    fileName: "deck.yaml",
    text: () => {
      const anchors = Array.from({ length: 30_000 }, (_, i) => `a${i}: &a${i} x\n`).join("");
      return `${anchors}b: &b [${Array.from({ length: 30_000 }, (_, i) => `*a${i}`).join(", ")}]\nitems: [*b, *b]\n`;
    },
  },
  // Each of 75,000 problems searched the item's 49,000 keys for its line.
  "a YAML item with 49,000 unknown keys, then 75,000 bad topics": {
    fileName: "deck.yaml",
    text: () =>
      `items:\n  - id: a\n    kind: flashcard\n${Array.from({ length: 49_000 }, (_, i) => `    k${i}: 1\n`).join("")}    topics: [${"A, ".repeat(74_999)}A]\n`,
  },
};

// Nesting thousands deep: the library composes recursively, and this series (a 1,000-deep file, then
// deeper ones) ended the process with a fatal error no catch sees, until yaml-depth.ts refused them first.
const NESTINGS: Record<string, (depth: number) => string> = {
  "nested sequences on one line": (d) => `items:\n  ${"- ".repeat(d)}x\n`,
  "nested explicit keys": (d) => `items:\n  ${"? ".repeat(d)}x\n`,
  "nested flow collections": (d) => `items: ${"[{a: ".repeat(d)}${"}]".repeat(d)}\n`,
};
for (const depth of [1_000, 10_000, 30_000]) {
  for (const [shape, make] of Object.entries(NESTINGS)) {
    HOSTILE_UPLOADS[`${shape}, ${depth.toLocaleString("en-US")} deep`] = { fileName: "deck.yaml", text: () => make(depth) };
  }
}
HOSTILE_UPLOADS["a staircase of 1,000 indented sequences"] = {
  fileName: "deck.yaml",
  text: () => `items:\n${Array.from({ length: 1_000 }, (_, i) => `${" ".repeat(i + 1)}- `).join("\n")}x\n`,
};

for (const [name, upload] of Object.entries(HOSTILE_UPLOADS)) {
  const bytes = new TextEncoder().encode(upload.text());
  if (bytes.length > LIMIT) throw new Error(`${name}: ${bytes.length} bytes is over the upload limit`);
  const started = performance.now();
  const result = parseDeckFile({ fileName: upload.fileName, bytes, defaultTopic: "team", section: "team" });
  const ms = Math.round(performance.now() - started);
  const outcome = result.ok ? `imported ${result.items.length}` : (result.problems[0]?.message.en ?? "").slice(0, 120);
  process.stdout.write(`${JSON.stringify({ name, ms, outcome })}\n`);
}
