import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ACTION_ID_MAX, actionId, parseAction, type Action } from "../../src/core/actions/action-id.ts";

describe("button action ids", () => {
  const examples: Action[] = [
    { kind: "study", topic: undefined },
    { kind: "study", topic: "scaling" },
    { kind: "show-answer", itemId: "aws-s3-durability", version: 3, topic: "aws-storage-db" },
    { kind: "rate", itemId: "a".repeat(48), version: 999_999_999, rating: 4, topic: "a".repeat(24) },
    { kind: "study-pick", itemId: "a".repeat(48), version: 1_000_000_000, choice: 4, topic: "a".repeat(24) },
    { kind: "study-pick", itemId: "q-1", version: 0, choice: 0, topic: undefined },
    { kind: "choice-rate", itemId: "a".repeat(48), version: 1_000_000_000, choice: 4, rating: 4, topic: "a".repeat(24) },
    { kind: "choice-rate", itemId: "q-1", version: 3, choice: 1, rating: 2, topic: undefined },
    { kind: "quiz-answer", sessionId: "Ab3dE6gH9k", position: 19, choice: 4 },
    { kind: "quiz-next", sessionId: "Ab3dE6gH9k", position: 20 },
    { kind: "quiz-start", topic: "security", count: 20 },
    { kind: "undo" },
    { kind: "report", itemId: "a".repeat(48) },
    { kind: "report-submit", itemId: "aws-s3-durability" },
  ];

  it("round-trip every action and stay within Discord's 100 characters", () => {
    for (const a of examples) {
      const id = actionId(a);
      expect(id.length).toBeLessThanOrEqual(ACTION_ID_MAX);
      expect(parseAction(id)).toEqual(a);
    }
  });

  it("refuse malformed, unknown and oversized ids", () => {
    for (const bad of [
      "",
      "zz:1",
      "rt:item:1:5:",
      "rt:item:-1:3:",
      "rt:ITEM:1:3:",
      "qa:short:1:1",
      "qa:Ab3dE6gH9k:1:9",
      "st:../../etc",
      "x".repeat(101),
      "rt:a:1:3:t:extra:more:x",
      "sp:q-1:0:5:",
      "sp:q-1:0:-1:",
      "sp:q-1:0:1.5:",
      "sp:q-1:x:1:",
      "sp:q-1:0:1:t:extra",
      "cr:q-1:0:1:1:",
      "cr:q-1:0:1:5:",
      "cr:q-1:0:9:3:",
      "cr:q-1:0:1:3:t:extra",
      "cr:Q-1:0:1:3:",
      "rp:",
      "rp:Card-1",
      "rp:card-1:extra",
      `rp:${"a".repeat(49)}`,
      "rs:",
      "rs:../card",
      "rs:card 1",
      42,
      null,
    ]) {
      expect(parseAction(bad)).toBeUndefined();
    }
  });
});

describe("button action ids for choice cards", () => {
  const itemId = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,47}$/);
  const topic = fc.option(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,23}$/), { nil: undefined });
  const version = fc.integer({ min: 0, max: 1_000_000_000 });
  const choice = fc.integer({ min: 0, max: 4 });

  it("round-trip every pick and rating of a pick within 100 characters", () => {
    fc.assert(
      fc.property(itemId, version, choice, fc.constantFrom<2 | 3 | 4>(2, 3, 4), topic, (i, v, c, r, tp) => {
        for (const a of [
          { kind: "study-pick", itemId: i, version: v, choice: c, topic: tp },
          { kind: "choice-rate", itemId: i, version: v, choice: c, rating: r, topic: tp },
        ] satisfies Action[]) {
          const id = actionId(a);
          expect(id.length).toBeLessThanOrEqual(ACTION_ID_MAX);
          expect(parseAction(id)).toEqual(a);
        }
      }),
    );
  });

  it("never parse a rating of a pick as Again, nor a choice outside the five buttons", () => {
    fc.assert(
      fc.property(itemId, version, fc.integer({ min: -10, max: 20 }), fc.integer({ min: -5, max: 9 }), topic, (i, v, c, r, tp) => {
        const parsed = parseAction(`cr:${i}:${v}:${c}:${r}:${tp ?? ""}`);
        if (c < 0 || c > 4 || r < 2 || r > 4) expect(parsed).toBeUndefined();
        else expect(parsed).toMatchObject({ kind: "choice-rate", choice: c, rating: r });
        const pick = parseAction(`sp:${i}:${v}:${c}:${tp ?? ""}`);
        if (c < 0 || c > 4) expect(pick).toBeUndefined();
        else expect(pick).toMatchObject({ kind: "study-pick", choice: c });
      }),
    );
  });
});
