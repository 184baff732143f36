import { describe, expect, it } from "vitest";
import { ACTION_ID_MAX, actionId, parseAction, type Action } from "../../src/core/actions/action-id.ts";

describe("button action ids", () => {
  const examples: Action[] = [
    { kind: "study", topic: undefined },
    { kind: "study", topic: "scaling" },
    { kind: "show-answer", itemId: "aws-s3-durability", version: 3, topic: "aws-storage-db" },
    { kind: "rate", itemId: "a".repeat(48), version: 999_999_999, rating: 4, topic: "a".repeat(24) },
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
