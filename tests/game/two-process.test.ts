// A round survives its instance: two real processes share one SQLite file; the round is driven by
// the first, which is killed with SIGKILL while a question is open; the second takes the round over
// once the first one's lease runs out and plays it to the podium. No question is skipped or shown
// twice, and every answer given is kept. Posts go to a loopback recorder that, like Discord with a
// nonce, answers a repeated post key with the message it already made.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseAction } from "../../src/core/actions/action-id.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { View } from "../../src/core/views/view.ts";
import { aChoiceQuestion, aLibrary } from "../support/builders.ts";
import { startChild, type RunningChild } from "../support/child-process.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

interface Recorded {
  kind: "post" | "edit" | "direct";
  owner: string;
  at: number;
  once?: string;
  messageRef?: string;
  view: View;
  /** A post whose key had already made a message: answered with that message, nothing new shown. */
  repeat?: boolean;
}

/** The recorder: every call, and the message each post key made. */
async function startRecorder(): Promise<{ server: Server; url: string; calls: Recorded[] }> {
  const calls: Recorded[] = [];
  const made = new Map<string, string>();
  let counter = 0;
  const server = createServer((req, res) => {
    let body = "";
    req.on("data", (d) => (body += d));
    req.on("end", () => {
      const data = JSON.parse(body) as { owner: string; once?: string; messageRef?: string; view: View; channelId?: string };
      const kind = req.url === "/post" ? "post" : req.url === "/edit" ? "edit" : "direct";
      const record: Recorded = { kind, owner: data.owner, at: Date.now(), view: data.view };
      let ref = data.messageRef ?? null;
      if (kind === "post") {
        record.once = data.once;
        const before = data.once ? made.get(data.once) : undefined;
        record.repeat = before !== undefined;
        ref = before ?? `${data.channelId}/${++counter}`;
        if (data.once) made.set(data.once, ref);
      }
      record.messageRef = ref ?? undefined;
      calls.push(record);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ ok: true, messageRef: ref }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls };
}

async function until<T>(what: string, check: () => T | undefined | false | Promise<T | undefined | false>, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

const TEAM = "discord:100000000000000900";
const CHANNEL = "100000000000000700";
const players = ["2", "3", "4"].map((id): Actor => ({ userId: `discord:${id}`, teamId: TEAM, clientLocale: "en", channelId: CHANNEL }));

describe("a round across two processes", () => {
  let t: TestBot | undefined;
  let recorder: Awaited<ReturnType<typeof startRecorder>> | undefined;
  const children: RunningChild[] = [];
  afterEach(async () => {
    for (const c of children) c.killAll();
    recorder?.server.close();
    await t?.close();
  });

  it("continues on the second instance when the first is killed mid-question: no question skipped or shown twice, every answer kept", async () => {
    t = await startTestBot("sqlite", aLibrary(["q-1", "q-2", "q-3", "q-4"].map((id) => aChoiceQuestion(id))), new Date().toISOString());
    recorder = await startRecorder();
    const calls = recorder.calls;
    const instance = (owner: string) =>
      startChild([process.execPath, "--import", "tsx", "tests/game/game-instance-child.ts"], {
        DATABASE_URL: t!.url,
        RECORDER_URL: recorder!.url,
        OWNER: owner,
        PAUSE_MS: "300",
      });
    const started = await t.bot.command(players[0]!, { name: "game", action: "start", questions: 3, seconds: 10 }, new Date());
    expect(started.view.body[0]).toMatch(/^Round starting/);

    const a = instance("a");
    const b = instance("b");
    children.push(a, b);
    const questionPost = (position: number) =>
      calls.find((c) => c.kind === "post" && !c.repeat && c.once?.endsWith(`|${position}|question`));
    const first = await until("question 1 posted", () => questionPost(0));
    await b.waitForOutput(/instance b driving rounds/);
    const answer = async (position: number, who: Actor[]) => {
      const buttons = (questionPost(position) as Recorded).view.buttons.flat();
      for (const [i, p] of who.entries()) {
        const reply = await t!.bot.click(p, buttons[i % buttons.length]!.action, new Date());
        expect(reply.view.body[0], `player ${p.userId} on question ${position + 1}`).toMatch(/^Locked in/);
      }
    };
    // Both instances run; the one that took the round drives it, the other cannot take it.
    const driver = first.owner === "a" ? a : b;
    const other = first.owner === "a" ? "b" : "a";
    // Two players answer question 1, then its instance dies with the question open (recorded as such).
    await answer(0, players.slice(0, 2));
    await until("question 1 recorded open", async () => (await t!.db.gameRound.findFirstOrThrow()).phase === "open");
    driver.killAll();
    const killedAt = Date.now();
    await driver.exited;
    expect((await t.db.gameRound.findFirstOrThrow()).phase).toBe("open");
    // The third player answers meanwhile; the other instance takes the round once the lease runs out.
    await answer(0, players.slice(2));
    await until("the other instance holding the round", async () => (await t!.db.gameRound.findFirstOrThrow()).claimedBy === other);
    process.stdout.write(`two-process: the round was taken over ${Date.now() - killedAt} ms after the kill (lease 5000 ms)\n`);
    const closed = await until("question 1 closed by the second instance", () =>
      calls.find((c) => c.kind === "edit" && c.view.title === "Question 1 of 3: closed"),
    );
    expect(closed.owner).toBe(other);
    expect(closed.messageRef).toBe(first.messageRef);
    expect(closed.view.body.join("\n")).toMatch(/: 3$|: 2\n|: 1\n/m);

    await until("question 2 posted", () => questionPost(1));
    await answer(1, players);
    await until("question 3 posted", () => questionPost(2));
    await answer(2, players.slice(0, 1));
    const podium = await until("the podium", () => calls.find((c) => c.kind === "post" && c.once?.endsWith("|podium")), 60_000);
    expect(podium.owner).toBe(other);
    expect(calls.filter((c) => c.at > killedAt + 100).every((c) => c.owner === other)).toBe(true);
    expect(podium.view.body.join("\n")).toContain("3 players took part.");

    // Each question made exactly one message, in order; every repeat (if any) was refused by its key.
    const made = calls.filter((c) => c.kind === "post" && !c.repeat).map((c) => c.once?.split("|").slice(2).join("|"));
    expect(made).toEqual(["0|question", "0|scores", "1|question", "1|scores", "2|question", "podium"]);
    expect(new Set(calls.filter((c) => c.kind === "post" && c.view.title?.startsWith("Question")).map((c) => c.messageRef)).size).toBe(3);
    // Every answer given is kept, once.
    const answers = await t.db.gameAnswer.findMany({ orderBy: [{ position: "asc" }, { userId: "asc" }] });
    expect(answers.map((x) => `${x.position}:${x.userId}`)).toEqual([
      "0:discord:2",
      "0:discord:3",
      "0:discord:4",
      "1:discord:2",
      "1:discord:3",
      "1:discord:4",
      "2:discord:2",
    ]);
    expect(await t.db.gameRound.findFirstOrThrow()).toMatchObject({ status: "finished", phase: "over", claimedBy: other });
    // The buttons' ids stayed valid across the instances: they name the round, not a process.
    expect(parseAction(first.view.buttons.flat()[0]!.action)?.kind).toBe("game-answer");
  }, 120_000);
});
