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
  });
});
