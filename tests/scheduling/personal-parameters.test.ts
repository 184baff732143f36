// Personal scheduling end to end on every database: a learner's own review log fitted by fsrs-rs's
// optimizer in a child process, adopted only when it predicts their recent reviews better, used for
// them alone, fitted once across instances, pasted parameters validated, and deleted by /forget-me.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeParameters } from "@open-spaced-repetition/binding";
import type { Actor } from "../../src/core/identity.ts";
import { DEFAULT_PARAMETERS, previewRatings } from "../../src/core/scheduler/fsrs.ts";
import { scheduleOf } from "../../src/core/scheduler/learner-schedule.ts";
import type { View } from "../../src/core/views/view.ts";
import { ParameterFitJob } from "../../src/jobs/parameter-fit-job.ts";
import { fitInProcess } from "../../src/scheduling/fit-in-process.ts";
import { toFitItems } from "../../src/scheduling/fit-items.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { parametersAround, simulateLearner, storeHistory } from "../support/simulated-learner.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";

const ITEMS = Array.from({ length: 300 }, (_, i) => `card-${i}`);
const library = aLibrary(ITEMS.map((id) => aFlashcard(id)));
const LEARNER: Actor = { userId: "console:learner", teamId: "console:team", clientLocale: "en" };
const OTHER: Actor = { userId: "console:other", teamId: "console:team", clientLocale: "en" };
const HISTORY_START = new Date("2025-03-01T00:00:00Z");
const NOW = new Date("2026-03-02T09:00:00Z");
const LEASE_MS = 15 * 60_000;

/** A learner whose memory is far from FSRS's defaults: their own fit predicts them better. */
const history = simulateLearner({
  seed: "learner",
  trueParameters: parametersAround("far-from-defaults", 1.2),
  itemIds: ITEMS,
  days: 365,
  newPerDay: 4,
  start: HISTORY_START,
});

function bodyText(reply: { view: View }): string {
  return reply.view.body.join("\n");
}

describe.each(DATABASES)("personal scheduling on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const job = (fits = t.stores.parameters) =>
    new ParameterFitJob({ fits, profiles: t.stores.profiles, sender, logger: captureLogs().logger, leaseMs: LEASE_MS });

  beforeEach(async () => {
    t = await startTestBot(kind, library, NOW.toISOString());
    sender = new FakeSender();
    await t.bot.command(LEARNER, { name: "stats" }, NOW);
    await t.bot.command(OTHER, { name: "stats" }, NOW);
    await storeHistory(t.db, LEARNER.userId, LEARNER.teamId, history);
    // The other learner has studied too, but far less than a fit needs.
    await storeHistory(
      t.db,
      OTHER.userId,
      OTHER.teamId,
      simulateLearner({
        ...{ seed: "other", trueParameters: parametersAround("other") },
        itemIds: ITEMS.slice(0, 20),
        days: 30,
        newPerDay: 2,
        start: HISTORY_START,
      }),
    );
  });
  afterEach(async () => {
    await t.close();
  });

  it("a fit on one learner's history changes only their scheduling, and both /settings and /stats say so", async () => {
    expect(await job().tick(NOW)).toEqual([{ userId: LEARNER.userId, outcome: "adopted" }]);
    const learner = await t.stores.profiles.profile(LEARNER.userId);
    const other = await t.stores.profiles.profile(OTHER.userId);
    expect(learner?.personalParameters).toMatchObject({ source: "fitted", reviews: history.length, fittedAt: NOW });
    expect(learner?.personalParameters?.values).toHaveLength(21);
    expect(other?.personalParameters).toBeNull();
    // The same card, reviewed the same way, is scheduled differently for the learner alone.
    const card = history.find((r) => r.before && r.before.state === 2)?.before;
    if (!card || !learner || !other) throw new Error("no review card in the history");
    const at = new Date(card.due.getTime());
    const mine = previewRatings(card, at, scheduleOf(learner), "same-seed");
    const theirs = previewRatings(card, at, scheduleOf(other), "same-seed");
    const defaults = previewRatings(card, at, { retention: other.desiredRetention, parameters: null }, "same-seed");
    expect(theirs).toEqual(defaults);
    expect(mine[3].card.stability).not.toBeCloseTo(theirs[3].card.stability, 3);
    expect(bodyText(await t.bot.command(LEARNER, { name: "settings", changes: {} }, NOW))).toContain(
      `personal, fitted from ${history.length} reviews on 2026-03-02`,
    );
    expect(bodyText(await t.bot.command(LEARNER, { name: "stats" }, NOW))).toMatch(/Retention \(last 30 days\): .*desired: \*\*0\.90\*\*/);
    expect(bodyText(await t.bot.command(OTHER, { name: "settings", changes: {} }, NOW))).toContain("FSRS defaults");
  });

  it("refuses a fit that predicts the recent reviews no better than the parameters in use, and says why", async () => {
    // Parameters fitted on the whole history, held-out reviews included: a fit on the rest alone does not beat them there.
    const items = toFitItems(
      history.map((r) => ({
        itemId: r.itemId,
        at: r.reviewedAt.getTime(),
        rating: r.rating,
        studyDay: r.reviewedAt.toISOString().slice(0, 10),
      })),
    );
    const oracle = await computeParameters(items, { enableShortTerm: true });
    await t.bot.command(LEARNER, { name: "settings", changes: { parameters: oracle.join(", ") } }, NOW);
    expect(bodyText(await t.bot.command(LEARNER, { name: "settings", optimize: true, changes: {} }, NOW))).toContain(
      "I will send you the result",
    );
    expect(await job().tick(NOW)).toEqual([{ userId: LEARNER.userId, outcome: "worse" }]);
    const learner = await t.stores.profiles.profile(LEARNER.userId);
    expect(learner?.personalParameters).toMatchObject({ source: "pasted", values: oracle });
    expect(sender.direct_).toHaveLength(1);
    expect(sender.direct_[0]?.view.body.join("\n")).toMatch(
      /kept your parameters: the new fit predicted your recent reviews no better \(log loss/,
    );
    expect(bodyText(await t.bot.command(LEARNER, { name: "settings", changes: {} }, NOW))).toContain("kept your parameters");
  });

  it("fits a learner once when two instances run the job at the same moment, and not again the same week", async () => {
    const second = await openDatabase(t.url);
    try {
      const a = job();
      const b = job(openStores(second.db).parameters);
      const [fromA, fromB] = await Promise.all([a.tick(NOW), b.tick(NOW)]);
      expect([...fromA, ...fromB]).toEqual([{ userId: LEARNER.userId, outcome: "adopted" }]);
      const later = new Date(NOW.getTime() + 3 * 86_400_000);
      expect([...(await a.tick(later)), ...(await b.tick(later))]).toEqual([]);
    } finally {
      await second.close();
    }
  });

  it("a fit under way when the instance stops ends, and the learner stays due for the next instance", async () => {
    const stopping: ParameterFitJob = new ParameterFitJob({
      fits: t.stores.parameters,
      profiles: t.stores.profiles,
      sender,
      logger: captureLogs().logger,
      leaseMs: LEASE_MS,
      fit: (request, signal) => {
        stopping.stop();
        return fitInProcess(request, { signal });
      },
    });
    expect(await stopping.tick(NOW)).toEqual([]);
    expect(await t.db.parameterFit.findUnique({ where: { userId: LEARNER.userId } })).toMatchObject({
      claimedUntil: null,
      attemptedAt: null,
    });
    expect(await job().tick(NOW)).toEqual([{ userId: LEARNER.userId, outcome: "adopted" }]);
  });

  it("/stats forecasts the next 30 days' reviews at the learner's retention and at 0.85, 0.90 and 0.95", async () => {
    const NEWCOMER: Actor = { userId: "console:newcomer", teamId: "console:team", clientLocale: "en" };
    const front = await t.bot.command(NEWCOMER, { name: "study" }, NOW);
    await answerCard(t, NEWCOMER, front, "Good", new Date(NOW.getTime() + 5_000));
    await t.bot.command(NEWCOMER, { name: "settings", changes: { retention: "0.8" } }, NOW);
    const stats = bodyText(await t.bot.command(NEWCOMER, { name: "stats" }, NOW));
    expect(stats).toContain("Reviews per day over the next 30 days, by desired retention");
    expect(stats).toMatch(/0\.80 \(yours\): \*\*[\d.]+\*\* a day on average/);
    for (const r of ["0.85", "0.90", "0.95"]) expect(stats).toMatch(new RegExp(`${r.replace(".", "\\.")}: \\*\\*[\\d.]+\\*\\* a day`));
  });

  it.each([
    ["wrong count", "0.2, 1.2, 2.3", "parameters needs 21 numbers (as Anki's FSRS options show them); you gave 3"],
    ["NaN", `${DEFAULT_PARAMETERS.slice(0, 20).join(" ")} NaN`, "parameter 21 is not a number"],
    ["a word", `abc ${DEFAULT_PARAMETERS.slice(1).join(" ")}`, "parameter 1 is not a number"],
    [
      "out of bounds",
      `0.2 1.2 2.3 8.2 6.4 0.8 3.0 0.001 1.8 0.1 0.7 1.4 0.06 0.2 1.6 0.6 1.8 0.5 0.09 0.06 0.95`,
      "parameter 21 is 0.95, outside FSRS's bounds 0.1–0.8",
    ],
  ])("refuses pasted parameters with %s, naming the problem, and changes nothing", async (_, pasted, problem) => {
    const before = await t.db.user.findUniqueOrThrow({ where: { id: LEARNER.userId } });
    const reply = await t.bot.command(LEARNER, { name: "settings", changes: { parameters: pasted } }, NOW);
    expect(reply.view.tone).toBe("error");
    expect(bodyText(reply)).toContain(problem);
    expect(await t.db.user.findUniqueOrThrow({ where: { id: LEARNER.userId } })).toEqual(before);
  });

  it("returns to the defaults with /settings parameters reset", async () => {
    await job().tick(NOW);
    await t.bot.command(LEARNER, { name: "settings", changes: { parameters: "reset" } }, NOW);
    expect((await t.stores.profiles.profile(LEARNER.userId))?.personalParameters).toBeNull();
  });

  it("/forget-me deletes fitted parameters and the fit's record", async () => {
    await job().tick(NOW);
    expect(await t.db.parameterFit.count({ where: { userId: LEARNER.userId } })).toBe(1);
    await t.stores.privacy.forgetUser(LEARNER.userId);
    expect(await t.db.parameterFit.count({ where: { userId: LEARNER.userId } })).toBe(0);
    expect(await t.db.user.count({ where: { id: LEARNER.userId, fsrsParameters: { not: null } } })).toBe(0);
  });
});
