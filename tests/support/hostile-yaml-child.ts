// Imports a series of hostile, deeply nested YAML decks one after another in one process, printing
// one line per file. Run as a child process by tests/core/deck-import.test.ts: without the depth
// check, this sequence kills the process (a fatal error no catch sees) instead of printing.
import { parseDeckFile } from "../../src/core/deck-import/parse-deck-file.ts";

const shapes: Record<string, (depth: number) => string> = {
  "nested sequences on one line": (d) => `items:\n  ${"- ".repeat(d)}x\n`,
  "nested explicit keys": (d) => `items:\n  ${"? ".repeat(d)}x\n`,
  "nested flow collections": (d) => `items: ${"[{a: ".repeat(d)}${"}]".repeat(d)}\n`,
  "a staircase of indented sequences": (d) => `items:\n${Array.from({ length: d }, (_, i) => `${" ".repeat(i + 1)}- `).join("\n")}x\n`,
};

for (const depth of [1_000, 10_000, 30_000]) {
  for (const [name, make] of Object.entries(shapes)) {
    const text = make(depth);
    if (text.length > 1_000_000) continue;
    const result = parseDeckFile({ fileName: "deck.yaml", bytes: new TextEncoder().encode(text), defaultTopic: "team", section: "team" });
    const outcome = result.ok ? "imported" : result.problems.map((p) => p.message.en).join("; ");
    process.stdout.write(`${name}, ${depth} deep: ${outcome}\n`);
  }
}
