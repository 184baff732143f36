// The study loop through the real Bot and Prisma store, on every supported database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { newCardOrder } from "../support/new-card-order.ts";
import { alice, answerCard, button, startTestBot, type TestBot } from "../support/test-bot.ts";

const MIN = 60_000;
const DAY = 86_400_000;

describe.each(DATABASES)("the study loop on %s", (kind) => {
  let t: TestBot;
  const items = [aFlashcard("card-1"), aFlashcard("card-2"), aFlashcard("card-3", { topics: ["other"] }), aChoiceQuestion("choice-1")];
  // New cards come in alice's own order (card-2, choice-1, card-3, card-1), not in file order.
  const [first, second, third] = newCardOrder(alice.userId, items) as [string, string, string];
  const promptOf = (id: string) => (id.startsWith("choice") ? `Question ${id}?` : `Front of ${id}`);

  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary(items));
  });
  afterEach(async () => {
    await t.close();
  });

  const study = (topic?: string) => t.bot.command(alice, { name: "study", topic }, t.clock.now);
  const click = (action: string) => t.bot.click(alice, action, t.clock.now);
  const cardRow = (itemId: string) => t.db.cardState.findUnique({ where: { userId_itemId: { userId: alice.userId, itemId } } });

  it("shows a card, its answer with four intervals, and the next card after a rating", async () => {
    const front = await study();
    expect(front.view.body.join("\n")).toContain(promptOf(first));
    const back = await click(button(front, "Show answer"));
    expect(back.view.body.join("\n")).toContain(`Back of ${first}`);
    expect(back.view.buttons.flat().map((b) => b.label)).toEqual([
      "Again · 1m",
      "Hard · 6m",
      "Good · 10m",
      expect.stringMatching(/^Easy · \d+d$/),
      "Report a problem",
    ]);
    const next = await click(button(back, "Good"));
    expect(next.mode).toBe("update");
    expect(next.view.body[0]).toBe("Rated Good: next review in 10 min.");
    expect(next.view.body.join("\n")).toContain(promptOf(second));
    expect(await t.db.reviewLog.count()).toBe(1);
  });

  it("studies due reviews before new cards, then says when the next review is", async () => {
    let reply = await study("other");
    reply = await click(button(reply, "Show answer"));
    reply = await click(button(reply, "Easy")); // card-3 graduates at once
    expect(reply.view.body.join("\n")).toMatch(/All done\. Next review in \d+ days\./);
    t.clock.advance(30 * DAY);
    reply = await study();
    expect(reply.view.title).toBe("Review");
    expect(reply.view.body.join("\n")).toContain("Front of card-3");
  });

  it("limits new cards per day and gives new ones again after 4 AM local time", async () => {
    await t.bot.command(alice, { name: "settings", changes: { new: "2", timezone: "Asia/Tokyo" } }, t.clock.now);
    t.clock.set("2026-03-02T12:00:00Z"); // 21:00 in Tokyo
    for (const id of [first, second]) {
      const front = await study();
      expect(front.view.body.join("\n")).toContain(promptOf(id));
      await answerCard(t, alice, front, "Good");
    }
    const capped = await study();
    expect(capped.view.body.join("\n")).toContain("You have started your 2 new cards for today");
    t.clock.set("2026-03-02T18:59:00Z"); // 03:59 in Tokyo: still the same study day; learning cards are due
    const learning = await study();
    expect(learning.view.title).toBe("Learning");
    await answerCard(t, alice, learning, "Easy");
    await answerCard(t, alice, await study(), "Easy");
    expect((await study()).view.body.join("\n")).toContain("new cards for today");
    t.clock.set("2026-03-02T19:00:00Z"); // 04:00 in Tokyo: a new study day
    const fresh = await study();
    expect(fresh.view.title).toBe("New card");
    expect(fresh.view.body.join("\n")).toContain(promptOf(third));
  });

  it("limits reviews per day but always shows learning cards", async () => {
    for (let i = 0; i < 2; i++) await answerCard(t, alice, await study(), "Easy");
    await t.bot.command(alice, { name: "settings", changes: { reviews: "1", new: "0" } }, t.clock.now);
    t.clock.advance(40 * DAY);
    const first = await study();
    expect(first.view.title).toBe("Review");
    const afterOne = (await answerCard(t, alice, first, "Again")).at(-1)!;
    // The lapsed card is relearning (due in 10 minutes); the second review is held back by the limit.
    expect(afterOne.view.body.join("\n")).toContain("All done. Next review in 10 min.");
    t.clock.advance(11 * MIN);
    const relearn = await study();
    expect(relearn.view.title).toBe("Learning");
    await answerCard(t, alice, relearn, "Good");
    expect((await study()).view.body.join("\n")).toContain("You have done your 1 reviews for today");
  });

  it("undo restores the exact previous card state and the counters", async () => {
    await click(button(await click(button(await study(), "Show answer")), "Good"));
    t.clock.advance(11 * MIN);
    await click(button(await click(button(await study(), "Show answer")), "Good")); // the first card graduates
    t.clock.advance(5 * DAY);
    const before = await cardRow(first);
    const userBefore = await t.db.user.findUniqueOrThrow({ where: { id: alice.userId } });
    const review = await study();
    expect(review.view.body.join("\n")).toContain(promptOf(first));
    await click(button(await click(button(review, "Show answer")), "Hard"));
    expect((await cardRow(first))?.reps).toBe((before?.reps ?? 0) + 1);

    const undone = await t.bot.command(alice, { name: "undo" }, t.clock.now);
    expect(undone.view.body[0]).toContain("Undone");
    const after = await cardRow(first);
    const { version: vBefore, ...fieldsBefore } = before!;
    const { version: vAfter, ...fieldsAfter } = after!;
    expect(fieldsAfter).toEqual(fieldsBefore);
    expect(vAfter).toBeGreaterThan(vBefore); // old buttons stay stale
    const userAfter = await t.db.user.findUniqueOrThrow({ where: { id: alice.userId } });
    expect(userAfter.reviewsToday).toBe(userBefore.reviewsToday);
    expect(await t.db.reviewLog.count({ where: { itemId: first } })).toBe(2);
  });

  it("undo of a new card's first rating makes it new again", async () => {
    const front = await study();
    await click(button(await click(button(front, "Show answer")), "Good"));
    expect((await t.db.user.findUniqueOrThrow({ where: { id: alice.userId } })).newToday).toBe(1);
    const undone = await t.bot.click(alice, "ud", t.clock.now);
    expect(undone.view.title).toBe("New card");
    expect(await cardRow(first)).toBeNull();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: alice.userId } })).newToday).toBe(0);
    expect((await study()).view.body.join("\n")).toContain(promptOf(first));
    expect((await t.bot.command(alice, { name: "undo" }, t.clock.now)).view.body[0]).toBe("There is nothing to undo.");
  });

  it("records nothing for a second rating of the same presentation, and says so", async () => {
    const back = await click(button(await study(), "Show answer"));
    const good = button(back, "Good");
    const first = await click(good);
    expect(first.mode).toBe("update");
    const second = await click(good);
    expect(second).toMatchObject({ mode: "notice", view: { body: ["You already rated this card; nothing more was recorded."] } });
    const easyLater = await click(button(back, "Easy"));
    expect(easyLater.mode).toBe("notice");
    expect(await t.db.reviewLog.count()).toBe(1);
  });

  it("records one review when the same click arrives twice at once", async () => {
    const back = await click(button(await study(), "Show answer"));
    const results = await Promise.all([click(button(back, "Good")), click(button(back, "Good")), click(button(back, "Again"))]);
    expect(results.filter((r) => r.mode === "update")).toHaveLength(1);
    expect(await t.db.reviewLog.count()).toBe(1);
    expect((await cardRow(first))?.version).toBe(1);
  });

  it("answers unknown, malformed and foreign buttons politely and writes nothing", async () => {
    const back = await click(button(await study(), "Show answer"));
    const bob = { ...alice, userId: "console:bob" };
    for (const bad of ["rt:card-1:0:9:", "rt:missing-card:0:3:", "nonsense", "qa:0123456789:0:1", "qn:0123456789:3"]) {
      const r = await click(bad);
      expect(r.mode).toBe("notice");
      expect(r.view.body[0]).toMatch(/no longer|ended|rated/);
    }
    const bobsClick = await t.bot.click(bob, button(back, "Good"), t.clock.now);
    expect(bobsClick.mode).toBe("notice");
    expect(await t.db.reviewLog.count()).toBe(0);
  });
});
