// A solo round in the terminal: /game start plays in the console session, its posts and edits
// printed as they come, answered by typing a number. The clock is the test's: it is moved on
// instead of waited for, and the test waits only for the console's output.
import { PassThrough, Writable } from "node:stream";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runConsole } from "../../src/adapters/console/console-session.ts";
import { aChoiceQuestion, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

describe("a round in the console", () => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot("sqlite", aLibrary(["q-1", "q-2", "q-3"].map((id) => aChoiceQuestion(id))), "2026-03-09T10:00:00Z");
  });
  afterEach(async () => {
    await t.close();
  });

  it("plays a solo round: the clock runs, answers are numbers, and it ends on a podium", async () => {
    const input = new PassThrough();
    let out = "";
    const output = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    const session = runConsole({
      bot: t.bot,
      input,
      output,
      systemLocale: "en",
      database: "test",
      logger: captureLogs().logger,
      now: () => t.clock.now,
      rounds: t.stores,
      ownName: "Aiko",
    });
    let read = 0;
    /** Waits for `pattern` in what the console printed since the last wait. */
    const waitFor = async (pattern: RegExp) => {
      const started = Date.now();
      for (;;) {
        const match = pattern.exec(out.slice(read));
        if (match) {
          read += match.index + match[0].length;
          return match;
        }
        if (Date.now() - started > 20_000) throw new Error(`timed out waiting for ${pattern}; printed:\n${out}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    input.write("/game start questions=3 seconds=10\n");
    await waitFor(/Round starting: 3 questions, 10 seconds each/);
    await waitFor(/== Question 1 of 3 ==/);
    await waitFor(/\[1\] A\. /);
    t.clock.advance(2000);
    input.write("1\n");
    await waitFor(/Locked in: A\. /);
    input.write("2\n");
    await waitFor(/You already answered: A\. /);
    // The first question waits for its deadline; the clock is moved past it.
    t.clock.advance(10_000);
    await waitFor(/== Question 1 of 3: closed ==/);
    await waitFor(/== Scoreboard after question 1 of 3 ==/);
    t.clock.advance(3000);
    await waitFor(/== Question 2 of 3 ==/);
    await waitFor(/\[1\] A\. /);
    // Once the only player has answered, the next questions close at once.
    input.write("1\n");
    await waitFor(/Locked in/);
    await waitFor(/== Question 2 of 3: closed ==/);
    t.clock.advance(3000);
    await waitFor(/== Question 3 of 3 ==/);
    await waitFor(/\[1\] A\. /);
    input.write("1\n");
    await waitFor(/== Final podium ==/);
    const podium = await waitFor(/1 player took part\./);
    expect(podium[0]).toBe("1 player took part.");
    // The console's person is named on the scoreboards and the podium, as on its board pictures.
    expect(out).toMatch(/^1\. Aiko: \d+ points$/m);
    expect(out).toMatch(/^🥇 1\. Aiko: \d+ points$/m);
    expect(out).not.toMatch(/^(🥇 )?1\. console:local/m);
    input.end("/quit\n");
    await session;
    expect(await t.db.gameAnswer.count()).toBe(3);
    expect(await t.db.gameRound.findFirstOrThrow()).toMatchObject({ status: "finished", phase: "over" });
  }, 60_000);
});
