// The pieces of the new-card order that need no database: topics interleaved, the per-person key,
// and which requirements can be met.
import { describe, expect, it } from "vitest";
import { usableRequirements } from "../../src/core/deck/requirements.ts";
import {
  interleaveByTopic,
  newOrderKey,
  newOrderSeed,
  NEW_ORDER_MODULUS,
  NEW_ORDER_WINDOW,
  shuffleKeyOf,
} from "../../src/core/study/new-card-order.ts";
import { aFlashcard } from "../support/builders.ts";

describe("the mixed rank of new cards", () => {
  it("spreads each topic of a deck over the whole sequence, keeping file order within a topic", () => {
    const file = ["a", "a", "a", "a", "a", "a", "b", "b", "c", "c"].map((topic) => ({ deckId: "d", topic }));
    const ranks = interleaveByTopic(file);
    const sequence = file.map((item, index) => ({ ...item, index })).sort((x, y) => (ranks[x.index] ?? 0) - (ranks[y.index] ?? 0));
    const topics = sequence.map((s) => s.topic).join("");
    expect(topics).not.toContain("aaa");
    expect(topics.slice(0, 5)).toMatch(/b/);
    expect(topics.slice(5)).toMatch(/b/);
    for (const topic of ["a", "b", "c"]) {
      const indexes = sequence.filter((s) => s.topic === topic).map((s) => s.index);
      expect(indexes).toEqual([...indexes].sort((x, y) => x - y));
    }
    expect([...ranks].sort((x, y) => x - y)).toEqual(file.map((_, i) => i));
  });

  it("moves an item fewer than NEW_ORDER_WINDOW places for a person, differently for two people", () => {
    const ids = Array.from({ length: 60 }, (_, i) => `item-${i}`);
    const orderFor = (userId: string) => {
      const seed = newOrderSeed(userId);
      return ids.map((id, rank) => ({ id, rank, key: newOrderKey(rank, shuffleKeyOf(id), seed) })).sort((x, y) => (x.key < y.key ? -1 : 1));
    };
    const alice = orderFor("console:alice");
    const bob = orderFor("console:bob");
    expect(alice.map((x) => x.id)).not.toEqual(bob.map((x) => x.id));
    expect(orderFor("console:alice")).toEqual(alice);
    for (const [place, x] of alice.entries()) expect(Math.abs(place - x.rank)).toBeLessThan(NEW_ORDER_WINDOW);
    for (const id of ids) expect(shuffleKeyOf(id)).toBeLessThan(NEW_ORDER_MODULUS);
  });
});

describe("requirements", () => {
  it("keeps only the requirements that can be met", () => {
    const items = [
      aFlashcard("base"),
      aFlashcard("next", { requires: ["base"] }),
      aFlashcard("self", { requires: ["self"] }),
      aFlashcard("unknown", { requires: ["nowhere"] }),
      aFlashcard("loop-1", { requires: ["loop-2"] }),
      aFlashcard("loop-2", { requires: ["loop-1", "base"] }),
    ];
    expect(usableRequirements(items)).toEqual([{ itemId: "next", requiredId: "base" }]);
  });
});
