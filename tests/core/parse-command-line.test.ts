import { describe, expect, it } from "vitest";
import { parseCommandLine } from "../../src/core/commands/parse-command-line.ts";

describe("commands typed as text", () => {
  it("parse study, quiz, settings and the plain commands", () => {
    expect(parseCommandLine("/study")).toEqual({ ok: true, command: { name: "study", topic: undefined } });
    expect(parseCommandLine("/study Scaling")).toEqual({ ok: true, command: { name: "study", topic: "scaling" } });
    expect(parseCommandLine("quiz security 7")).toEqual({ ok: true, command: { name: "quiz", topic: "security", count: 7 } });
    expect(parseCommandLine("/quiz 3")).toEqual({ ok: true, command: { name: "quiz", topic: undefined, count: 3 } });
    expect(parseCommandLine("/settings tz Asia/Tokyo")).toEqual({
      ok: true,
      command: { name: "settings", changes: { timezone: "Asia/Tokyo" } },
    });
    expect(parseCommandLine("/stats")).toEqual({ ok: true, command: { name: "stats" } });
    expect(parseCommandLine("")).toEqual({ ok: true, command: { name: "help" } });
  });

  it("name the problem in unknown commands and bad options", () => {
    expect(parseCommandLine("/dance")).toEqual({ ok: false, error: { kind: "unknown-command", name: "dance" } });
    expect(parseCommandLine("/quiz 2.5")).toMatchObject({ ok: false, error: { option: "count" } });
    expect(parseCommandLine("/settings colour blue")).toMatchObject({ ok: false, error: { kind: "invalid-option", option: "colour" } });
    expect(parseCommandLine("/settings retention")).toMatchObject({ ok: false, error: { option: "retention" } });
    expect(parseCommandLine("/stats now")).toMatchObject({ ok: false, error: { option: "stats" } });
    expect(parseCommandLine(`/study ${"x".repeat(600)}`)).toMatchObject({ ok: false, error: { option: "text" } });
    expect(parseCommandLine("/deck import")).toMatchObject({
      ok: false,
      error: { option: "import", problem: { en: expect.stringContaining("needs the deck file") } },
    });
  });
});

describe("the problems a command line can have", () => {
  it("are written in both languages, and the Japanese is Japanese", () => {
    const lines = [
      `/study ${"x".repeat(600)}`,
      "/quiz 2.5",
      "/quiz a b",
      "/leaderboard yesterday",
      "/remind 07:00 Asia/Tokyo later",
      "/team colour blue",
      "/team channel",
      "/deck shuffle",
      "/deck import",
      "/settings colour blue",
      "/settings retention",
      "/stats now",
    ];
    for (const line of lines) {
      const parsed = parseCommandLine(line);
      if (parsed.ok || parsed.error.kind !== "invalid-option") throw new Error(`${line} should name an invalid option`);
      const { en, ja } = parsed.error.problem;
      expect(en, line).toMatch(/^[\x20-\x7e]+$/);
      expect(ja, line).toMatch(/[\u3040-\u30ff\u4e00-\u9faf]/);
    }
  });
});
