// Choice cards in /study (multiple-choice, scenario, true/false): answered by picking a choice,
// shown in a shuffled order that is the same every time the same presentation is shown, through
// the real Bot and store on every supported database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import { promptOf } from "../../src/core/deck/item.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { timeZoneForLocale } from "../../src/core/time/default-time-zone.ts";
import type { Reply } from "../../src/core/views/view.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { aFiveChoiceQuestion, aFlashcard, aLibrary, aTrueFalse } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { newCardOrder } from "../support/new-card-order.ts";
import { alice, button, startTestBot, type TestBot } from "../support/test-bot.ts";

const MIN = 60_000;
const DAY = 86_400_000;
const library = aLibrary([
  aFiveChoiceQuestion("q-1"),
  aFiveChoiceQuestion("q-2", ["more"]),
  aTrueFalse("tf-1", false, { topics: ["tf"] }),
  aFlashcard("f-1", { topics: ["flash"] }),
]);

// New cards come in each person's own order: the card Alice meets after q-1 (q-1 itself comes first for her).
const items = library.decks.flatMap((deck) => deck.items);
const [firstNew, secondNew] = newCardOrder(alice.userId, items);
const secondItem = items.find((item) => item.id === secondNew)!;
const secondPrompt = promptOf(secondItem, "en");

const labels = (r: Reply) => r.view.buttons.flat().map((b) => b.label);
const picks = (r: Reply) => r.view.buttons.flat().filter((b) => b.action.startsWith("sp:"));
const rightPick = (r: Reply) => picks(r).find((b) => b.label.includes("Right answer"))!;
const wrongPick = (r: Reply) => picks(r).find((b) => !b.label.includes("Right answer"))!;

describe.each(DATABASES)("choice cards in /study on %s", (kind) => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot(kind, library);
  });
  afterEach(async () => {
    await t.close();
  });

  const study = (topic?: string) => t.bot.command(alice, { name: "study", topic }, t.clock.now);
  const click = (action: string) => t.bot.click(alice, action, t.clock.now);
  const ratings = () => t.db.reviewLog.findMany({ orderBy: { id: "asc" }, select: { itemId: true, rating: true, source: true } });

  it("shows the choices as lettered buttons, not in the body, and names the answer by the letter its button showed", async () => {
    expect(firstNew).toBe("q-1");
    const front = await study();
    expect(front.view.body.join("\n")).toBe("Question q-1?");
    expect(labels(front)).toEqual(["A", "B", "C", "D", "E"].map((l) => expect.stringMatching(new RegExp(`^${l}\\. `))));
    const right = rightPick(front).label;
    const wrong = await click(wrongPick(front).action);
    expect(wrong.view.body).toContain(`❌ Not quite. The answer is **${right}**.`);
    expect(wrong.view.body).toContain("**Why:** Because q-1");
  });

  it("shuffles per presentation: the same order after a restart, a fresh one once the card was rated", async () => {
    const first = await study();
    // Another instance of the bot on the same database shows the same buttons, with the same ids.
    const opened = await openDatabase(t.url);
    try {
      const restarted = new Bot({
        stores: openStores(opened.db),
        catalog: new Catalog(library.topics, library.sections),
        random: seededRandom("another instance"),
        defaultTimeZone: (l) => timeZoneForLocale(l),
      });
      const again = await restarted.command(alice, { name: "study" }, t.clock.now);
      expect(again.view.buttons).toEqual(first.view.buttons);
      expect(await restarted.click(alice, rightPick(first).action, t.clock.now)).toMatchObject({
        mode: "update",
        view: { tone: "success" },
      });
    } finally {
      await opened.close();
    }
    // Each later presentation of q-1 (a new version) has its own order; over a few, they are not all the same.
    const orders = new Set([labels(first).join("|")]);
    let reply = await click(button(await click(rightPick(first).action), "Easy"));
    for (let i = 0; i < 4; i++) {
      t.clock.advance(40_000 * DAY); // past any interval
      reply = await study("basics");
      expect(reply.view.body.join("\n")).toContain("Question q-1?");
      orders.add(
        labels(reply)
          .filter((l) => /^[A-E]\. /.test(l))
          .join("|"),
      );
      reply = await click(button(await click(rightPick(reply).action), "Easy"));
    }
    expect(orders.size).toBeGreaterThan(1);
  });

  it("records Again at once for a wrong pick, once however often it is clicked", async () => {
    const front = await study();
    const wrong = wrongPick(front).action;
    const results = await Promise.all([click(wrong), click(wrong), click(rightPick(front).action)]);
    expect(results.filter((r) => r.mode === "update" && r.view.tone === "error")).toHaveLength(1);
    expect(await ratings()).toEqual([{ itemId: "q-1", rating: 1, source: "study" }]);
    const late = await click(wrong);
    expect(late).toMatchObject({ mode: "notice", view: { body: ["You already rated this card; nothing more was recorded."] } });
    const after = results.find((r) => r.view.tone === "error")!;
    expect(after.view.body[0]).toBe("Rated Again: next review in 1 min.");
    expect(labels(after)).toEqual(["Next card", "Undo"]);
    expect((await click(button(after, "Next card"))).view.body.join("\n")).toContain(secondPrompt);
    expect(await ratings()).toHaveLength(1);
  });

  it("offers Hard, Good and Easy after a right pick, with their intervals, and records only the one chosen", async () => {
    const right = await click(rightPick(await study()).action);
    expect(right.view.body[1]).toMatch(/^✅ Correct! \*\*Answer:\*\* [A-E]\. Right answer of q-1$/);
    expect(labels(right)).toEqual(["Hard · 6m", "Good · 10m", expect.stringMatching(/^Easy · \d+d$/)]);
    expect(
      right.view.buttons
        .flat()
        .filter((b) => b.preselected)
        .map((b) => b.label),
    ).toEqual(["Good · 10m"]);
    expect(await ratings()).toEqual([]);
    const next = await click(button(right, "Good"));
    expect(next.view.body[0]).toBe("Rated Good: next review in 10 min.");
    expect(next.view.body.join("\n")).toContain(secondPrompt);
    await click(button(right, "Easy"));
    expect(await ratings()).toEqual([{ itemId: "q-1", rating: 3, source: "study" }]);
  });

  it("cannot record Again after a right pick: forged ratings and choices, self-rating and the service itself refuse", async () => {
    const front = await study();
    const right = await click(rightPick(front).action);
    const good = button(right, "Good");
    const [, item, version, choice] = good.split(":");
    const wrongChoice = /^sp:q-1:0:(\d):/.exec(wrongPick(front).action)![1];
    for (const forged of [
      good.replace(/:3:$/, ":1:"),
      `cr:q-1:${version}:${wrongChoice}:3:`,
      `cr:q-1:${version}:${choice}:9:`,
      `sp:q-1:${version}:7:`,
      `rt:q-1:${version}:1:`,
      `rt:q-1:${version}:3:`,
    ]) {
      const reply = await click(forged);
      expect(reply.view.body.join("\n"), forged).toMatch(/no longer valid|picking one of the choices/);
    }
    const direct = await t.bot.study.rateChoice(alice, item!, Number(version), Number(choice), 1, undefined, t.clock.now);
    expect(direct).toMatchObject({ mode: "notice", view: { body: ["This button is no longer valid. Start again with /study or /quiz."] } });
    expect(await ratings()).toEqual([]);
    expect(await t.db.cardState.count()).toBe(0);
  });

  it("answers true/false cards with True and False in /study", async () => {
    const front = await study("tf");
    expect(front.view.body.join("\n")).toBe("Statement tf-1\nTrue or false?");
    expect(labels(front)).toEqual(["True", "False"]);
    const wrong = await click(button(front, "True"));
    expect(wrong.view.body).toContain("❌ Not quite. The answer is **False**.");
    t.clock.advance(2 * MIN);
    const again = await study("tf");
    const right = await click(button(again, "False"));
    expect(labels(right).map((l) => l.split(" · ")[0])).toEqual(["Hard", "Good", "Easy"]);
    await click(button(right, "Good"));
    expect((await ratings()).map((r) => r.rating)).toEqual([1, 3]);
  });

  it("shows the choices again for a Show answer click on a choice card, and keeps flashcards self-graded", async () => {
    await study("flash");
    const shown = await click("sa:q-1:0:");
    expect(picks(shown)).toHaveLength(5);
    const card = await study("flash");
    expect(labels(card)).toEqual(["Show answer"]);
    // The four self-grading buttons in the first row (the "Report a problem" row below them is not a rating).
    const back = await click(button(card, "Show answer"));
    expect(back.view.buttons[0]!.map((b) => b.label.split(" · ")[0])).toEqual(["Again", "Hard", "Good", "Easy"]);
    expect(picks(back)).toEqual([]);
    expect(await ratings()).toEqual([]);
  });

  it("earns the XP and counts of the same study rating", async () => {
    const bob = { ...alice, userId: "console:bob" };
    await click(button(await click(rightPick(await study()).action), "Good"));
    const flash = await t.bot.command(bob, { name: "study", topic: "flash" }, t.clock.now);
    await t.bot.click(bob, button(await t.bot.click(bob, button(flash, "Show answer"), t.clock.now), "Good"), t.clock.now);
    const user = (id: string) => t.db.user.findUniqueOrThrow({ where: { id } });
    const log = (userId: string) => t.db.reviewLog.findFirstOrThrow({ where: { userId } });
    const [a, b, logA, logB] = [await user(alice.userId), await user(bob.userId), await log(alice.userId), await log(bob.userId)];
    expect(logA.xp).toBeGreaterThan(0);
    expect(logA.xp).toBe(logB.xp);
    expect(a.xpToday).toBe(b.xpToday);
    expect(a.newToday).toBe(1);
    expect(a.streakDays).toBe(1);
  });

  it("lets a wrong pick be undone, showing the card's choices again", async () => {
    const front = await study();
    const wrong = await click(wrongPick(front).action);
    const undone = await click(button(wrong, "Undo"));
    expect(undone.view.body[0]).toBe("Undone. The card is back to how it was:\nQuestion q-1?");
    expect(picks(undone)).toHaveLength(5);
    expect(await t.db.cardState.count()).toBe(0);
    expect(await t.db.reviewLog.count()).toBe(0);
  });
});
