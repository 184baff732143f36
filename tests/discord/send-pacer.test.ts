// The pacer on a manual clock (when each request may start), then DiscordSender through the real
// discord.js REST client against the fake Discord enforcing its sliding one-second limit.
import { afterEach, describe, expect, it } from "vitest";
import { DiscordSender } from "../../src/adapters/discord/discord-sender.ts";
import { SendPacer } from "../../src/adapters/discord/send-pacer.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";

/** A clock that moves only when told, firing the pacer's timers on the way. */
function manualClock() {
  let now = 0;
  const timers: { at: number; fire: () => void }[] = [];
  const settle = () => new Promise<void>((resolve) => setImmediate(resolve));
  return {
    now: () => now,
    setTimer: (fire: () => void, ms: number) => void timers.push({ at: now + ms, fire }),
    get timers() {
      return timers.length;
    },
    settle,
    async advanceTo(end: number) {
      await settle();
      for (;;) {
        timers.sort((a, b) => a.at - b.at);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = Math.max(now, next.at);
        next.fire();
        await settle();
      }
      now = end;
      await settle();
    },
  };
}

/** A request whose answer the test gives; `startedAt` is when the pacer let it go. */
function request(clock: { now(): number }) {
  const r = { startedAt: null as number | null, answer: () => {}, fail: (_e: Error) => {} };
  const send = () =>
    new Promise<string>((resolve, reject) => {
      r.startedAt = clock.now();
      r.answer = () => resolve("answered");
      r.fail = reject;
    });
  return { r, send };
}

describe("SendPacer", () => {
  it("lets a lone request go at once and arms no timer", async () => {
    const clock = manualClock();
    const pacer = new SendPacer({ limit: 50, now: clock.now, setTimer: clock.setTimer });
    const { r, send } = request(clock);
    const result = pacer.run(send);
    await clock.settle();
    expect(r.startedAt).toBe(0);
    r.answer();
    await expect(result).resolves.toBe("answered");
    expect(clock.timers).toBe(0);
  });

  it("past the limit, holds each request until a window after an earlier answer, first come first served", async () => {
    const clock = manualClock();
    const pacer = new SendPacer({ limit: 3, windowMs: 1000, now: clock.now, setTimer: clock.setTimer });
    const requests = Array.from({ length: 5 }, () => request(clock));
    const results = requests.map(({ send }) => pacer.run(send));
    await clock.settle();
    expect(requests.map(({ r }) => r.startedAt)).toEqual([0, 0, 0, null, null]);
    expect(pacer.waiting).toBe(2);

    // With every slot in flight there is nothing to time.
    expect(clock.timers).toBe(0);
    await clock.advanceTo(100);
    requests[1]!.r.answer();
    await clock.advanceTo(250);
    requests[0]!.r.answer();
    await clock.advanceTo(1099);
    expect(requests[3]!.r.startedAt).toBeNull();
    await clock.advanceTo(1100);
    expect(requests[3]!.r.startedAt).toBe(1100);
    expect(requests[4]!.r.startedAt).toBeNull();
    await clock.advanceTo(1250);
    expect(requests[4]!.r.startedAt).toBe(1250);

    for (const { r } of requests) r.answer();
    await Promise.all(results);
    expect(pacer.waiting).toBe(0);
    expect(clock.timers).toBe(0);
  });

  it("counts the window from the answer, so a slow request holds its slot for its whole flight", async () => {
    const clock = manualClock();
    const pacer = new SendPacer({ limit: 1, windowMs: 1000, now: clock.now, setTimer: clock.setTimer });
    const slow = request(clock);
    const next = request(clock);
    const done = [pacer.run(slow.send), pacer.run(next.send)];
    await clock.advanceTo(5000);
    expect(next.r.startedAt).toBeNull();
    slow.r.answer();
    await clock.advanceTo(5999);
    expect(next.r.startedAt).toBeNull();
    await clock.advanceTo(6000);
    expect(next.r.startedAt).toBe(6000);
    next.r.answer();
    await Promise.all(done);
  });

  it("frees the slot of a failed request like an answered one, and the caller gets the error", async () => {
    const clock = manualClock();
    const pacer = new SendPacer({ limit: 1, windowMs: 1000, now: clock.now, setTimer: clock.setTimer });
    const failing = request(clock);
    const next = request(clock);
    const failed = pacer.run(failing.send);
    const sent = pacer.run(next.send);
    await clock.settle();
    failing.r.fail(new Error("500 from Discord"));
    await expect(failed).rejects.toThrow("500 from Discord");
    await clock.advanceTo(1000);
    expect(next.r.startedAt).toBe(1000);
    next.r.answer();
    await expect(sent).resolves.toBe("answered");
  });

  it("never lets more than the limit reach the server within any window, whatever the latencies", async () => {
    const clock = manualClock();
    const limit = 5;
    const pacer = new SendPacer({ limit, windowMs: 1000, now: clock.now, setTimer: clock.setTimer });
    const random = seededRandom("pacer latencies");
    const requests = Array.from({ length: 60 }, () => request(clock));
    // Where in its flight each request reaches the server (0: at once, 1: just before the answer).
    const arrival = requests.map(() => random());
    const latency = requests.map(() => Math.floor(random() * 400));
    const answerAt = new Map<number, number>();
    const results = requests.map(({ send }) => pacer.run(send));
    for (let t = 0; t <= 20_000; t += 1) {
      await clock.advanceTo(t);
      requests.forEach(({ r }, i) => {
        if (r.startedAt === null || answerAt.has(i)) return;
        if (t >= r.startedAt + latency[i]!) {
          answerAt.set(i, t);
          r.answer();
        }
      });
      if (answerAt.size === requests.length) break;
    }
    await Promise.all(results);
    const reached = requests.map(({ r }, i) => r.startedAt! + arrival[i]! * (answerAt.get(i)! - r.startedAt!));
    for (const at of reached) {
      // The server's window: the second ending at this arrival.
      expect(reached.filter((other) => other > at - 1000 && other <= at).length).toBeLessThanOrEqual(limit);
    }
    expect(clock.timers).toBe(0);
  });
});

describe("DiscordSender against a fake Discord limiting requests per second", () => {
  let fake: FakeDiscord;
  let sender: DiscordSender;
  afterEach(async () => {
    sender.rest.clearHashSweeper();
    sender.rest.clearHandlerSweeper();
    await fake.stop();
  });

  it("sends every DM without a single 429, the first one at once", async () => {
    fake = await FakeDiscord.start();
    const limit = 4;
    sender = new DiscordSender({ token: "fake-token", apiUrl: fake.restUrl, pacer: new SendPacer({ limit }) });
    fake.enforceGlobalRateLimit(limit);
    const users = Array.from({ length: 5 }, () => fake.addUser());
    const view = { body: ["Your reviews are waiting."], buttons: [], tone: "info" as const };

    const t0 = performance.now();
    const first = await sender.direct(`discord:${users[0]!.id}`, view);
    expect(performance.now() - t0).toBeLessThan(500);
    const rest = await Promise.all(users.slice(1).map((u) => sender.direct(`discord:${u.id}`, view)));

    expect([first, ...rest].every((r) => r.ok)).toBe(true);
    expect(fake.requests.filter((q) => q.status !== 429)).toHaveLength(10);
    expect(fake.rateLimited).toBe(0);
  });
});
