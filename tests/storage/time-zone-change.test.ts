// Changing time zone never starts a second study day: the day's new cards, the 500 XP cap and the
// streak stay those of the day that was current, until it has ended in the old zone and the new one.
// Through the real Bot and store, on every supported database.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/core/commands/command.ts";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { alice, answerCard, button, startTestBot, type TestBot } from "../support/test-bot.ts";

const MIN = 60_000;
const NEW_LIMIT = "You have started your 1 new cards for today.";

/** Both directions: moving east begins the next date at once, moving west an earlier one again. */
const MOVES = [
  // 12:00 in Los Angeles is 05:00 the next day in Tokyo.
  { name: "east (Los Angeles to Tokyo)", from: "America/Los_Angeles", to: "Asia/Tokyo", firstReview: "2026-03-02T20:00:00Z" },
  // 10:00 in Tokyo is 17:00 the day before in Los Angeles.
  { name: "west (Tokyo to Los Angeles)", from: "Asia/Tokyo", to: "America/Los_Angeles", firstReview: "2026-03-02T01:00:00Z" },
];
/** The study day of both first reviews, and when it is over in both zones (04:00 on Mar 3 in Los Angeles). */
const DAY = "2026-03-02";
const HELD_UNTIL = "2026-03-03T12:00:00Z";

describe.each(DATABASES)("a change of time zone on %s", (kind) => {
  let t: TestBot;
  beforeEach(async () => {
    // New cards come in a per-person order; the requirements make it card-1, card-2, then q-1 (met through /quiz).
    t = await startTestBot(
      kind,
      aLibrary([
        aFlashcard("card-1"),
        aFlashcard("card-2", { requires: ["card-1"] }),
        aChoiceQuestion("q-1", { topics: ["net"], requires: ["card-2"] }),
      ]),
    );
  });
  afterEach(async () => {
    await t.close();
  });

  const command = (c: Command) => t.bot.command(alice, c, t.clock.now);
  const click = (action: string) => t.bot.click(alice, action, t.clock.now);
  const text = (reply: { view: { body: string[] } }) => reply.view.body.join("\n");
  const user = () => t.db.user.findUniqueOrThrow({ where: { id: alice.userId } });

  /** A new learner (one new card a day) reviews their first card, and has reached the day's XP cap. */
  async function firstReview(move: (typeof MOVES)[number]) {
    t.clock.set(move.firstReview);
    t.clock.advance(-60 * MIN);
    await command({ name: "settings", changes: { new: "1", timezone: move.from } });
    t.clock.set(move.firstReview);
    const front = await command({ name: "study" });
    expect(text(front)).toContain("Front of card-1");
    const done = await click(button(await click(button(front, "Show answer")), "Easy"));
    expect(text(done)).toContain(NEW_LIMIT);
    // 500 XP takes a long session; the cap is what matters here.
    await t.db.user.update({ where: { id: alice.userId }, data: { xpToday: 500 } });
  }

  async function answerQuiz() {
    const question = await command({ name: "quiz", topic: "net", count: 1 });
    const right = question.view.buttons.flat().find((b) => b.label.includes("Right answer"));
    await click(right!.action);
    return t.db.reviewLog.findFirstOrThrow({ where: { itemId: "q-1" } });
  }

  it.each(MOVES)(
    "moving $name a minute after the first review gives no new set of new cards, no second XP cap, no second streak day",
    async (move) => {
      await firstReview(move);
      t.clock.advance(MIN);
      await command({ name: "settings", changes: { timezone: move.to } });

      const study = await command({ name: "study" });
      expect(text(study)).not.toContain("Front of card-2");
      expect(text(study)).toContain(NEW_LIMIT);
      const answer = await answerQuiz();
      expect(answer.studyDay).toBe(DAY);
      expect(answer.xp).toBe(0);
      expect(await user()).toMatchObject({ counterDay: DAY, xpToday: 500, streakDays: 1, streakLastDay: DAY });

      // Still the same day a minute before it is over in both zones: the quiz's card comes up again, then no new card.
      t.clock.set(HELD_UNTIL);
      t.clock.advance(-MIN);
      const due = await command({ name: "study" });
      expect(text(due)).toContain("Question q-1?");
      const rated = await answerCard(t, alice, due, "Good");
      expect(text(rated.at(-1)!)).toContain(NEW_LIMIT);
      const last = await t.db.reviewLog.findFirstOrThrow({ where: { itemId: "q-1" }, orderBy: { reviewedAt: "desc" } });
      expect(last.studyDay).toBe(DAY);
    },
  );

  it.each(MOVES)("after moving $name, the next study day still brings new cards, XP and a second streak day", async (move) => {
    await firstReview(move);
    t.clock.advance(MIN);
    await command({ name: "settings", changes: { timezone: move.to } });

    t.clock.set(HELD_UNTIL);
    const front = await command({ name: "study" });
    expect(text(front)).toContain("Front of card-2");
    await click(button(await click(button(front, "Show answer")), "Good"));
    const review = await t.db.reviewLog.findFirstOrThrow({ where: { itemId: "card-2" } });
    expect(review.studyDay).toBe("2026-03-03");
    expect(review.xp).toBe(5);
    expect(await user()).toMatchObject({ counterDay: "2026-03-03", xpToday: 5, streakDays: 2, bestStreak: 2, streakLastDay: "2026-03-03" });
  });

  it("a zone set with /remind holds the day the same way", async () => {
    const move = MOVES[0]!;
    await firstReview(move);
    t.clock.advance(MIN);
    await command({ name: "remind", time: "07:30", timeZone: move.to });
    expect(await user()).toMatchObject({ timeZone: move.to });
    expect(text(await command({ name: "study" }))).toContain(NEW_LIMIT);
    expect((await answerQuiz()).xp).toBe(0);
  });

  it("a new learner who sets their zone before any review studies in that zone's day at once", async () => {
    // 01:00 UTC is still March 1 in UTC (the guess for English), and 10:00 on March 2 in Tokyo.
    t.clock.set("2026-03-02T01:00:00Z");
    await command({ name: "settings", changes: { timezone: "Asia/Tokyo" } });
    const front = await command({ name: "study" });
    expect(text(front)).toContain("Front of card-1");
    await answerCard(t, alice, front, "Good");
    expect((await t.db.reviewLog.findFirstOrThrow()).studyDay).toBe("2026-03-02");
  });
});
