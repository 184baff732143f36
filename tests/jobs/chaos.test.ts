// Every promise under faults, from outside the process: three bot instances on one database send
// 500 learners' reminders due in the same minute and ten questions' results through a Discord that
// answers with 429s, 500s, connection resets and 20-second stalls at random (discord.js gives up on
// an answer after 15 s and sends the request again), while one instance is SIGKILLed and started
// again every few seconds. Each learner gets exactly one reminder, each question its results once.
import { afterEach, describe, expect, it } from "vitest";
import { runChaos } from "../support/chaos-run.ts";
import { DATABASES, freshDatabase, type TestDatabase } from "../support/databases.ts";

describe.each(DATABASES)("scheduled posts under faults on %s", (kind) => {
  let database: TestDatabase | undefined;
  afterEach(async () => {
    await database?.drop();
  });

  it("sends every learner exactly one reminder and every question's results once, through random faults and killed instances", async () => {
    database = await freshDatabase(kind);
    const result = await runChaos({
      databaseUrl: database.url,
      learners: 500,
      teams: 10,
      seed: `chaos-test-${kind}`,
      stallMs: 20_000,
      rates: { "429": 0.03, "500": 0.03, reset: 0.03, stall: 0.01 },
      killEveryMs: 6000,
      timeoutMs: 200_000,
    });
    const summary = { ...result, logs: undefined };
    expect({ duplicates: result.duplicates, lost: result.lost, resultsOnce: result.resultsOnce }, JSON.stringify(summary)).toEqual({
      duplicates: 0,
      lost: 0,
      resultsOnce: 10,
    });
    // The faults happened, and Discord refused repeats: the retry paths ran.
    expect(result.kills, JSON.stringify(summary)).toBeGreaterThan(0);
    expect(result.faults.stall + result.faults["500"] + result.faults.reset, JSON.stringify(summary)).toBeGreaterThan(0);
    expect(result.nonceRepeats, JSON.stringify(summary)).toBeGreaterThan(0);
  }, 240_000);
});
