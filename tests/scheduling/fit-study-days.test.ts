// The optimizer counts days between a learner's reviews in their study days (4 AM to 4 AM in their
// time zone, as the review log records them), not in UTC days: a learner in Tokyo who studies at
// 08:30 and 09:30 their time (either side of midnight UTC) reviewed on one day, and one who studies
// at 03:30 and 04:30 (either side of their 4 AM) reviewed on two.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/identity.ts";
import { ParameterFitJob } from "../../src/jobs/parameter-fit-job.ts";
import { toFitItems } from "../../src/scheduling/fit-items.ts";
import { fitParameters, type FitRequest } from "../../src/scheduling/fit-parameters.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";

const TOKYO: Actor = { userId: "console:tokyo", teamId: "console:team", clientLocale: "en" };

describe.each(DATABASES)("fitting days on %s", (kind) => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary([aFlashcard("only-card")]), "2026-02-20T09:00:00Z");
    await t.bot.command(TOKYO, { name: "settings", changes: { timezone: "Asia/Tokyo" } }, t.clock.now);
  });
  afterEach(async () => {
    await t.close();
  });

  it("are the Tokyo learner's study days, where their reviews straddle midnight UTC and their own 4 AM", async () => {
    // 08:30 and 09:30 in Tokyo (one study day, two UTC dates), then 04:30 the next morning (the next study day, the same UTC date).
    const ratings: [string, "Again" | "Good"][] = [
      ["2026-03-01T23:30:00Z", "Again"],
      ["2026-03-02T00:30:00Z", "Again"],
      ["2026-03-02T19:30:00Z", "Good"],
    ];
    for (const [at, rating] of ratings) {
      const front = await t.bot.command(TOKYO, { name: "study" }, t.clock.set(at));
      const replies = await answerCard(t, TOKYO, front, rating, new Date(t.clock.now.getTime() + 5_000));
      expect(replies).toHaveLength(2);
    }
    const logged = await t.db.reviewLog.findMany({ where: { userId: TOKYO.userId }, orderBy: { reviewedAt: "asc" } });
    expect(logged.map((r) => r.studyDay)).toEqual(["2026-03-02", "2026-03-02", "2026-03-03"]);

    // What the fitting job hands the optimizer for this learner.
    await t.bot.command(TOKYO, { name: "settings", changes: {}, optimize: true }, t.clock.now);
    let sent: FitRequest | undefined;
    const job = new ParameterFitJob({
      fits: t.stores.parameters,
      profiles: t.stores.profiles,
      sender: null,
      logger: captureLogs().logger,
      leaseMs: 60_000,
      fit: (request) => {
        sent = request;
        return fitParameters(request);
      },
    });
    expect(await job.tick(t.clock.now)).toEqual([{ userId: TOKYO.userId, outcome: "too-few" }]);
    if (!sent) throw new Error("the job sent no fit");
    const days = (reviews: FitRequest["reviews"]) => toFitItems(reviews).map((item) => item.reviews.map((r) => r.deltaT));
    expect(days(sent.reviews)).toEqual([[0, 0, 1]]);
    // In UTC days the same reviews would read as a day apart, then none: the bucketing this replaced.
    const utc = sent.reviews.map((r) => ({ ...r, studyDay: new Date(r.at).toISOString().slice(0, 10) }));
    expect(days(utc)).toEqual([
      [0, 1],
      [0, 1, 0],
    ]);
  });
});
