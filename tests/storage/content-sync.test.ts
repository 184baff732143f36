// Content sync at start-up: items are upserted by id with a content hash, so edits keep progress
// and removed items are retired with their history.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { alice, button, startTestBot, type TestBot } from "../support/test-bot.ts";

describe.each(DATABASES)("content sync on %s", (kind) => {
  let t: TestBot;
  const original = [aFlashcard("keep"), aFlashcard("remove-me")];
  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary(original));
  });
  afterEach(async () => {
    await t.close();
  });

  async function studyBoth() {
    for (let i = 0; i < 2; i++) {
      const front = await t.bot.command(alice, { name: "study" }, t.clock.now);
      await t.bot.click(alice, button(await t.bot.click(alice, button(front, "Show answer"), t.clock.now), "Easy"), t.clock.now);
    }
  }

  it("keeps everyone's progress when an item's text is fixed", async () => {
    await studyBoth();
    const before = await t.db.cardState.findUniqueOrThrow({ where: { userId_itemId: { userId: alice.userId, itemId: "keep" } } });
    const fixed = aFlashcard("keep", { back: { en: "Corrected back", ja: "訂正した答え" } });
    const report = await syncLibrary(t.db, aLibrary([fixed, original[1]!]), t.clock.now);
    expect(report).toEqual({ added: 0, updated: 1, retired: 0, unchanged: 1 });
    const after = await t.db.cardState.findUniqueOrThrow({ where: { userId_itemId: { userId: alice.userId, itemId: "keep" } } });
    expect(after).toEqual(before);
    const item = await t.db.item.findUniqueOrThrow({ where: { id: "keep" } });
    expect(item.content).toContain("Corrected back");
    expect(await t.db.reviewLog.count({ where: { itemId: "keep" } })).toBe(1);
  });

  it("retires a removed item, keeping its history, and never shows it again", async () => {
    await studyBoth();
    const report = await syncLibrary(t.db, aLibrary([original[0]!, aFlashcard("brand-new")]), t.clock.now);
    expect(report).toMatchObject({ added: 1, retired: 1 });
    const retired = await t.db.item.findUniqueOrThrow({ where: { id: "remove-me" } });
    expect(retired.retiredAt).not.toBeNull();
    expect(await t.db.reviewLog.count({ where: { itemId: "remove-me" } })).toBe(1);
    t.clock.advance(365 * 86_400_000);
    const seen = new Set<string>();
    for (let i = 0; i < 3; i++) {
      const front = await t.bot.command(alice, { name: "study" }, t.clock.now);
      seen.add(front.view.body.join(" "));
      if (front.view.buttons.flat()[0]?.label !== "Show answer") break;
      await t.bot.click(alice, button(await t.bot.click(alice, button(front, "Show answer"), t.clock.now), "Easy"), t.clock.now);
    }
    expect([...seen].join(" ")).not.toContain("remove-me");
    expect([...seen].join(" ")).toContain("brand-new");
  });

  it("changes nothing when the content is unchanged", async () => {
    expect(await syncLibrary(t.db, aLibrary(original), t.clock.now)).toEqual({ added: 0, updated: 0, retired: 0, unchanged: 2 });
  });

  it("keeps sibling groups (per deck) and the requirements that can be met in line with the deck", async () => {
    const requirements = () => t.db.itemRequirement.findMany({ orderBy: [{ itemId: "asc" }, { requiredId: "asc" }] });
    const group = async (id: string) => (await t.db.item.findUniqueOrThrow({ where: { id } })).siblingGroup;
    await syncLibrary(
      t.db,
      aLibrary([
        aFlashcard("keep", { sibling: "pair" }),
        aFlashcard("remove-me", { sibling: "pair", requires: ["keep"] }),
        aFlashcard("later", { requires: ["keep", "remove-me", "nowhere"] }),
      ]),
      t.clock.now,
    );
    expect(await group("keep")).toBe("test-deck/pair");
    expect(await group("later")).toBeNull();
    expect(await requirements()).toEqual([
      { itemId: "later", requiredId: "keep" },
      { itemId: "later", requiredId: "remove-me" },
      { itemId: "remove-me", requiredId: "keep" },
    ]);
    // An item leaves the group, another is removed: neither its group nor requirements on it remain.
    await syncLibrary(t.db, aLibrary([aFlashcard("keep"), aFlashcard("later", { requires: ["keep", "remove-me"] })]), t.clock.now);
    expect(await group("keep")).toBeNull();
    expect(await requirements()).toEqual([{ itemId: "later", requiredId: "keep" }]);
  });
});
