// A person's data: /export gives their whole history as CSV a spreadsheet and the FSRS optimiser
// read safely; /forget-me, once confirmed by them, leaves no row anywhere that mentions them.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCsv } from "../../src/core/deck-import/csv.ts";
import type { Actor } from "../../src/core/identity.ts";
import { ReminderDispatcher } from "../../src/jobs/reminder-dispatcher.ts";
import { TeamDispatcher } from "../../src/jobs/team-dispatcher.ts";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { newCardOrder } from "../support/new-card-order.ts";
import { allRows } from "../support/all-rows.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES, type DatabaseKind } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";

async function rowsMentioning(t: TestBot, kind: DatabaseKind, needle: string): Promise<string[]> {
  return (await allRows(t, kind)).filter((r) => r.text.includes(needle)).map((r) => `${r.table}: ${r.text.slice(0, 200)}`);
}

describe.each(DATABASES)("a person's data on %s", (kind) => {
  let t: TestBot;
  const ann: Actor = { userId: "discord:111111111111111111", teamId: "discord:900", clientLocale: "en", isAdmin: true, channelId: "700" };
  const annElsewhere: Actor = { ...ann, teamId: "discord:901" };
  const ben: Actor = { userId: "discord:222222222222222222", teamId: "discord:900", clientLocale: "en" };
  const items = [
    aFlashcard("f-1", { front: { en: "=cmd|' /C calc'!A0", ja: "=cmd|' /C calc'!A0" } }),
    aFlashcard("f-2"),
    aChoiceQuestion("q-1"),
  ];
  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary(items), "2026-03-09T00:00:00Z");
  });
  afterEach(async () => {
    await t.close();
  });

  async function studyOne(actor: Actor, rating: "Again" | "Good" = "Good") {
    t.clock.advance(10_000);
    const front = await t.bot.command(actor, { name: "study" }, t.clock.now);
    await answerCard(t, actor, front, rating, new Date(t.clock.now.getTime() + 5000));
    t.clock.advance(5000);
  }

  // Ids and sources are the only text in the review file, and both are constrained; csvCell's
  // neutralising of formula-like cells is covered in tests/core/review-history-csv.test.ts.
  it("exports every review and card state as CSV that parses back to the same values", async () => {
    await studyOne(ann);
    await studyOne(ann, "Again");
    await studyOne(annElsewhere);
    const reply = await t.bot.command(ann, { name: "export" }, t.clock.now);
    expect(reply.view.body[0]).toContain("3 reviews and 3 cards");
    const [reviews, cards] = reply.files!;
    expect(reviews!.name).toMatch(/^study-bot-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
    const parsed = readCsv(reviews!.content).records.map((r) => r.cells);
    expect(parsed[0]).toEqual([
      "card_id",
      "review_time",
      "review_rating",
      "review_state",
      "review_duration",
      "interval_days",
      "elapsed_days",
      "source",
      "team",
    ]);
    expect(parsed).toHaveLength(4);
    expect(parsed[1]![0]).toBe(newCardOrder(ann.userId, items)[0]); // ann's first new card
    expect(Number(parsed[1]![1])).toBe(new Date("2026-03-09T00:00:15Z").getTime());
    expect(parsed.slice(1).map((r) => r[8])).toEqual(["discord:900", "discord:900", "discord:901"]);
    expect(readCsv(cards!.content).records[0]!.cells.slice(0, 3)).toEqual(["card_id", "state", "due"]);
  });

  it("asks for confirmation only the person can give, then leaves no row that mentions them", async () => {
    for (let i = 0; i < 3; i++) await studyOne(ann);
    await studyOne(annElsewhere);
    await studyOne(ben);
    await t.bot.command(ann, { name: "quiz", count: 1 }, t.clock.now);
    await t.bot.command(ann, { name: "settings", changes: { hidden: "on" } }, t.clock.now);
    await t.bot.command(ann, { name: "remind", time: "09:00" }, t.clock.now);
    await t.bot.command(ann, { name: "team", changes: { channel: "here", qotd: "00:30", milestones: "on" } }, t.clock.now);
    await t.stores.teams.updateTeam(ann.teamId, { adminIds: [ann.userId, ben.userId] });
    const sender = new FakeSender();
    const logger = captureLogs().logger;
    await new TeamDispatcher({ ...t.stores, bot: t.bot, sender, logger, owner: "x" }).tick(new Date("2026-03-09T00:31:00Z"));
    const qotd = sender.channel_[0]!.view.buttons.flat()[0]!.action;
    await t.bot.click(ann, qotd, new Date("2026-03-09T00:40:00Z"));
    await new ReminderDispatcher({ ...t.stores, bot: t.bot, sender, logger, owner: "x" }).tick(new Date("2026-03-10T09:00:00Z"));
    expect((await rowsMentioning(t, kind, ann.userId)).length).toBeGreaterThan(10);

    const confirm = await t.bot.command(ann, { name: "forget-me" }, t.clock.now);
    expect(confirm.view.title).toBe("Delete all your data?");
    const yes = confirm.view.buttons.flat().find((b) => b.label === "Delete everything")!;
    expect((await t.bot.click(ben, yes.action, t.clock.now)).mode).toBe("notice");
    expect((await rowsMentioning(t, kind, ann.userId)).length).toBeGreaterThan(10);
    const done = await t.bot.click(ann, yes.action, t.clock.now);
    expect(done.view.title).toBe("Your data is deleted");
    expect(done.view.body[0]).toMatch(
      /Deleted: 4 reviews, \d+ card states, 1 quizzes, 1 question-of-the-day answers, 0 live-round answers, 1 reminder records, 0 problem reports, and your membership of 2 teams\./,
    );
    expect(await rowsMentioning(t, kind, ann.userId)).toEqual([]);
    // Ben's data is untouched.
    expect(await t.db.reviewLog.count({ where: { userId: ben.userId } })).toBe(1);
    expect((await t.db.team.findUniqueOrThrow({ where: { id: ann.teamId } })).adminIds).toBe(JSON.stringify([ben.userId]));
  });
});
