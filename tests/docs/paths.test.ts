// CONTRIBUTING.md walks a newcomer through the folders; a path it names that no longer exists sends
// them nowhere. Every backticked path there (src/…, tests/…, prisma/…, content/…) must exist.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..", "..");

/** Backticked paths of a Markdown text, with a {a,b} group expanded into each of its names. */
export function pathsIn(markdown: string): string[] {
  const paths = [...markdown.matchAll(/`((?:src|tests|prisma|content)\/[^`\s]*)`/g)].map((m) => m[1] ?? "");
  return paths.flatMap((p) => {
    const group = /\{([^}]+)\}/.exec(p);
    return group ? (group[1] ?? "").split(",").map((name) => p.replace(group[0], name)) : [p];
  });
}

describe("CONTRIBUTING.md", () => {
  const text = readFileSync(join(ROOT, "CONTRIBUTING.md"), "utf8");

  it("names only paths that exist", () => {
    // Placeholders (`src/adapters/<platform>/`) and patterns (`*-store.ts`) name no one file.
    const paths = pathsIn(text).filter((p) => !/[<*]/.test(p));
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((p) => !existsSync(join(ROOT, p)))).toEqual([]);
  });

  it("covers a command, a platform, a card kind, a scheduled post and a setting", () => {
    for (const heading of ["## Add a command", "## Add a platform", "## Add a card kind", "## Add a scheduled post", "## Add a setting"]) {
      expect(text).toContain(heading);
    }
  });

  it("expands a {a,b} group into each path", () => {
    expect(pathsIn("see `src/adapters/{discord,slack}/` and `tests/x.ts`")).toEqual([
      "src/adapters/discord/",
      "src/adapters/slack/",
      "tests/x.ts",
    ]);
  });
});
