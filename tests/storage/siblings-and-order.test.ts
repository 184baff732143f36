// Siblings and the order of new cards, through the real Bot and store, on every supported database:
// items of one sibling group wait for another study day once one is reviewed, and new cards come in
// each person's own order, mixed across topics, after the items they require.
import { afterEach, describe, expect, it } from "vitest";
import type { Item } from "../../src/core/deck/item.ts";
import type { Actor } from "../../src/core/identity.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { aFlashcard, aLibrary, aTrueFalse } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { newCardOrder } from "../support/new-card-order.ts";
import { alice, answerCard, button, startTestBot, type TestBot } from "../support/test-bot.ts";

const DAY = 86_400_000;
const bob: Actor = { ...alice, userId: "console:bob" };

/** The item id a card front shows (builders write "Front of <id>" or "Statement <id>"). */
function shownId(reply: { view: { body: string[] } }): string | null {
  const match = reply.view.body.join("\n").match(/(?:Front of|Statement) ([a-z0-9-]+)/);
  return match?.[1] ?? null;
}

describe.each(DATABASES)("siblings and the order of new cards on %s", (kind) => {
  let t: TestBot;
  afterEach(async () => {
    await t?.close();
  });

  const study = (who: Actor = alice, topic?: string) => t.bot.command(who, { name: "study", topic }, t.clock.now);
  // Flashcards are shown and rated; choice cards (the true/false items here) are answered by picking.
  const rate = (who: Actor, front: Awaited<ReturnType<typeof study>>, rating: "Again" | "Hard" | "Good" | "Easy") =>
    answerCard(t, who, front, rating);

  /** Studies until nothing is left, rating every card Easy; the ids shown, in order. */
  async function studyAll(who: Actor = alice, limit = 40): Promise<string[]> {
    const shown: string[] = [];
    for (let i = 0; i < limit; i++) {
      const front = await study(who);
      const id = shownId(front);
      if (!id) break;
      shown.push(id);
      await rate(who, front, "Easy");
    }
    return shown;
  }

  const pair = [aFlashcard("pair-front", { sibling: "pair" }), aFlashcard("pair-reverse", { sibling: "pair" }), aFlashcard("loner")];

  it("does not show a sibling the same study day once one was reviewed, and shows it the next study day", async () => {
    t = await startTestBot(kind, aLibrary(pair));
    await t.bot.command(alice, { name: "settings", changes: { timezone: "Asia/Tokyo" } }, t.clock.now);
    t.clock.set("2026-03-02T12:00:00Z"); // 21:00 in Tokyo
    const today = await studyAll();
    expect(today).toHaveLength(2);
    expect(today).toContain("loner");
    const [reviewed] = today.filter((id) => id.startsWith("pair-"));
    const sibling = reviewed === "pair-front" ? "pair-reverse" : "pair-front";

    t.clock.set("2026-03-02T18:59:00Z"); // 03:59 in Tokyo: still the same study day
    expect(shownId(await study())).toBeNull();
    t.clock.set("2026-03-02T19:00:00Z"); // 04:00 in Tokyo: a new study day
    const next = await study();
    expect(next.view.title).toBe("New card");
    expect(shownId(next)).toBe(sibling);
  });

  it("buries a due sibling too, while the reviewed card itself comes back the same day as a learning step", async () => {
    t = await startTestBot(kind, aLibrary(pair));
    await studyAll(); // one of the pair and the loner
    t.clock.advance(DAY);
    await studyAll(); // the other one
    t.clock.advance(60 * DAY); // all three are due reviews now
    const first = await study();
    const firstId = shownId(first);
    if (firstId === "loner") {
      await rate(alice, first, "Easy");
      return expectOnlyItselfToday(await study());
    }
    return expectOnlyItselfToday(first);

    async function expectOnlyItselfToday(front: Awaited<ReturnType<typeof study>>) {
      const id = shownId(front);
      expect(id).toMatch(/^pair-/);
      await rate(alice, front, "Again"); // lapses: relearning, due again in minutes
      const seen: string[] = [];
      for (let i = 0; i < 5; i++) {
        t.clock.advance(11 * 60_000);
        const again = await study();
        const shown = shownId(again);
        if (!shown) break;
        seen.push(shown);
        await rate(alice, again, "Easy");
      }
      expect(seen).toContain(id); // the learning step of the reviewed card itself
      expect(seen.filter((s) => s.startsWith("pair-") && s !== id)).toEqual([]);
    }
  });

  it("buries the siblings of a question answered in a quiz", async () => {
    t = await startTestBot(kind, aLibrary([aTrueFalse("pair-statement", true, { sibling: "pair" }), pair[1]!, pair[2]!]));
    const quiz = await t.bot.command(alice, { name: "quiz", count: 1 }, t.clock.now);
    expect(quiz.view.body.join("\n")).toContain("Statement pair-statement");
    const answered = await t.bot.click(alice, button(quiz, "True"), t.clock.now);
    expect(answered.view.tone).toBe("success");
    const shown = await studyAll();
    expect(shown).not.toContain("pair-reverse");
    // The next day the answered question comes back as a learning card: reviewing it buries its sibling again.
    t.clock.advance(DAY);
    expect(await studyAll()).toEqual(["pair-statement"]);
    t.clock.advance(DAY);
    expect(await studyAll()).toContain("pair-reverse");
  });

  it("puts at most one item of a sibling group in one quiz, and none of a group reviewed today", async () => {
    const questions = ["a", "b", "c"].map((x) => aTrueFalse(`pair-${x}`, true, { sibling: "pair" }));
    t = await startTestBot(kind, aLibrary([...questions, aTrueFalse("loner", true), pair[1]!]));
    const quiz = await t.bot.command(alice, { name: "quiz", count: 5 }, t.clock.now);
    const itemIds = JSON.parse((await t.db.quizSession.findFirstOrThrow()).itemIds) as string[];
    expect(itemIds.filter((id) => id.startsWith("pair-"))).toHaveLength(1);
    expect(quiz.view.title).toContain(`of ${itemIds.length}`);
    // Once an item of the group was studied today, that day's quizzes leave the rest of the group out.
    let studied: string | null = null;
    for (let n = 0; n < 5 && !studied?.startsWith("pair-"); n++) {
      const front = await study(bob);
      studied = shownId(front);
      await rate(bob, front, "Easy");
    }
    expect(studied).toMatch(/^pair-/);
    await t.bot.command(bob, { name: "quiz", count: 5 }, t.clock.now);
    const bobs = JSON.parse((await t.db.quizSession.findFirstOrThrow({ where: { userId: bob.userId } })).itemIds) as string[];
    expect(bobs.filter((id) => id.startsWith("pair-") && id !== studied)).toEqual([]);
  });

  // Three topics written one after the other, as deck files are; some items need others first.
  const topics = ["net", "db", "sec"];
  const deck: Item[] = topics.flatMap((topic) =>
    [0, 1, 2, 3].map((n) =>
      aFlashcard(`${topic}-${n}`, { topics: [topic], ...(n > 0 && topic !== "sec" ? { requires: [`${topic}-${n - 1}`] } : {}) }),
    ),
  );

  it("introduces new cards in an order that differs between two people and respects every requirement", async () => {
    t = await startTestBot(kind, aLibrary(deck));
    const alices = await studyAll(alice);
    const bobs = await studyAll(bob);
    expect(alices).toHaveLength(deck.length);
    expect([...bobs].sort()).toEqual([...alices].sort());
    expect(bobs).not.toEqual(alices);
    for (const sequence of [alices, bobs]) {
      for (const item of deck) {
        for (const required of item.requires ?? []) expect(sequence.indexOf(required)).toBeLessThan(sequence.indexOf(item.id));
      }
      // Not file order: the first four cards are not all of the first topic.
      expect(new Set(sequence.slice(0, 4).map((id) => id.split("-")[0])).size).toBeGreaterThan(1);
    }
  });

  it("does not offer an item before the items it requires, even where the person's order puts it first", async () => {
    const items = [aFlashcard("basic"), aFlashcard("advanced", { requires: ["basic"] })];
    // Someone whose own order puts the advanced card first (that order before requirements are applied).
    const unordered = items.map((item) => ({ ...item, requires: undefined }));
    const someone = Array.from({ length: 50 }, (_, i) => `console:person-${i}`).find((id) => newCardOrder(id, unordered)[0] === "advanced");
    expect(someone).toBeDefined();
    const person = { ...alice, userId: someone! };
    t = await startTestBot(kind, aLibrary(items));
    expect(await studyAll(person)).toEqual(["basic", "advanced"]);
  });

  it("keeps one person's order across restarts", async () => {
    t = await startTestBot(kind, aLibrary(deck.map((item) => ({ ...item, requires: undefined }))));
    const query = { userId: alice.userId, teamId: alice.teamId };
    const before = await t.stores.cards.firstNewItem(query);
    // Another process on the same database, content synced again at its start-up.
    const reopened = await openDatabase(t.url);
    try {
      await syncLibrary(reopened.db, aLibrary(deck.map((item) => ({ ...item, requires: undefined }))), t.clock.now);
      const after = await openStores(reopened.db).cards.firstNewItem(query);
      expect(after?.item.id).toBe(before?.item.id);
    } finally {
      await reopened.close();
    }
    // The whole sequence is a function of the person and the content, nothing else.
    expect(await studyAll()).toEqual(newCardOrder(alice.userId, deck));
  });
});
