// A learner's line in a problem report is shown to admins on Discord, Slack and in a terminal:
// whatever is typed or forged, what is stored is one capped line without control characters,
// escape sequences or reordering marks, and nothing in it can ping anyone.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cleanReportText, REPORT_TEXT_MAX } from "../../src/core/problem-reports/report-text.ts";

const PINGS = /@(everyone|here|channel)\b|<[@#!]/i;
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\u2028\u2029]/;

describe("a report's text", () => {
  it("keeps ordinary text in both languages as it is", () => {
    expect(cleanReportText("  The answer should be 3, not 4  ")).toBe("The answer should be 3, not 4");
    expect(cleanReportText("答えは「3」です 🙏")).toBe("答えは「3」です 🙏");
    expect(cleanReportText("")).toBeNull();
    expect(cleanReportText(" \n\t\u0000 ")).toBeNull();
  });

  it("is capped at 500 characters without splitting a character", () => {
    const long = cleanReportText("🙂".repeat(600)) ?? "";
    expect([...long]).toHaveLength(REPORT_TEXT_MAX);
    expect(long).toBe("🙂".repeat(REPORT_TEXT_MAX));
  });

  it("loses terminal escape sequences, control characters and reordering marks, and stays on one line", () => {
    expect(cleanReportText("\u001b[2J\u001b[31mred\u001b[0m \u001b]0;title\u0007ok\u009b1m")).toBe("red ok");
    expect(cleanReportText("line one\r\nline two\u2028three")).toBe("line one line two three");
    expect(cleanReportText("abc\u202edcba\u2066x\u2069")).toBe("abc dcba x");
  });

  it("neutralises mentions of Discord and Slack", () => {
    expect(cleanReportText("@everyone @here @Channel <@123> <@!123> <@&9> <#7> <!channel> <!subteam^S1> <@U0ADMIN>")).toBe(
      "@\u200beveryone @\u200bhere @\u200bChannel <\u200b@123> <\u200b@!123> <\u200b@&9> <\u200b#7> <\u200b!channel> <\u200b!subteam^S1> <\u200b@U0ADMIN>",
    );
    expect(cleanReportText("mail me at a@example.com")).toBe("mail me at a@example.com");
  });

  it("whatever the input, is one capped line that cannot ping (fuzzed)", () => {
    const hostile = fc.oneof(
      fc.string({ maxLength: 2000 }),
      fc.string({ unit: "binary", maxLength: 800 }),
      fc
        .array(
          fc.constantFrom(
            "@everyone",
            "@here",
            "<@1>",
            "<!channel>",
            "<#C1>",
            "\u001b[",
            "\u001b]",
            "\u0007",
            "\n",
            "\u202e",
            "x",
            "<",
            "@",
            "!",
          ),
          {
            maxLength: 200,
          },
        )
        .map((parts) => parts.join("")),
    );
    fc.assert(
      fc.property(hostile, (raw) => {
        const clean = cleanReportText(raw);
        if (clean === null) return;
        expect([...clean].length).toBeLessThanOrEqual(REPORT_TEXT_MAX);
        expect(clean).not.toMatch(UNSAFE);
        expect(clean).not.toMatch(PINGS);
        expect(clean).toBe(clean.trim());
      }),
      { numRuns: 2000 },
    );
  });
});
