// Daily reminders through the real dispatcher and store, with a fixed clock: the right local minute,
// exactly once per local date, across time zones and DST changes; claims shared by several
// dispatchers; fallbacks, vacations, snoozes and skips.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/identity.ts";
import { ReminderDispatcher } from "../../src/jobs/reminder-dispatcher.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { button, startTestBot, type TestBot } from "../support/test-bot.ts";

const MIN = 60_000;

describe.each(DATABASES)("daily reminders on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const logs = captureLogs();
  const dispatcher = (owner = "test-a", leaseMs = 2 * MIN) =>
    new ReminderDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner, leaseMs });

  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary([aFlashcard("c-1"), aFlashcard("c-2"), aFlashcard("c-3")]), "2026-03-01T00:00:00Z");
    sender = new FakeSender();
  });
  afterEach(async () => {
    await t.close();
  });

  const person = (id: string, teamId = "discord:team"): Actor => ({ userId: `discord:${id}`, teamId, clientLocale: "en" });

  /** Someone with cards due (they studied all three with Easy, then time passed). */
  async function learner(id: string, remind: string, timeZone: string, at: string): Promise<Actor> {
    const actor = person(id);
    t.clock.set(at);
    for (let i = 0; i < 3; i++) {
      const front = await t.bot.command(actor, { name: "study" }, t.clock.now);
      await t.bot.click(actor, button(await t.bot.click(actor, button(front, "Show answer"), t.clock.now), "Easy"), t.clock.now);
      t.clock.advance(2000);
    }
    await t.db.cardState.updateMany({ where: { userId: actor.userId }, data: { due: new Date("2026-01-01T00:00:00Z") } });
    const reply = await t.bot.command(actor, { name: "remind", time: remind, timeZone }, t.clock.now);
    expect(reply.view.tone).toBe("success");
    return actor;
  }

  /** Ticks every minute from `from` to `to` (exclusive), returning the instants a DM went to `userId`. */
  async function tickEveryMinute(from: string, to: string, step = MIN): Promise<void> {
    const d = dispatcher();
    for (let at = new Date(from).getTime(); at < new Date(to).getTime(); at += step) await d.tick(new Date(at));
  }

  it.each([
    ["Asia/Tokyo", "07:30", "2026-03-01T00:00:00Z", "2026-03-03T00:00:00Z", ["2026-03-01T22:30:00.000Z", "2026-03-02T22:30:00.000Z"]],
    // New York springs forward on 8 March: 07:30 is 12:30 UTC before, 11:30 after.
    [
      "America/New_York",
      "07:30",
      "2026-03-07T00:00:00Z",
      "2026-03-09T18:00:00Z",
      ["2026-03-07T12:30:00.000Z", "2026-03-08T11:30:00.000Z", "2026-03-09T11:30:00.000Z"],
    ],
    // On that night 02:30 does not exist: the reminder comes at 03:30 EDT, once.
    ["America/New_York", "02:30", "2026-03-07T12:00:00Z", "2026-03-09T12:00:00Z", ["2026-03-08T07:30:00.000Z", "2026-03-09T06:30:00.000Z"]],
    // London springs forward on 29 March.
    [
      "Europe/London",
      "07:30",
      "2026-03-28T00:00:00Z",
      "2026-03-30T12:00:00Z",
      ["2026-03-28T07:30:00.000Z", "2026-03-29T06:30:00.000Z", "2026-03-30T06:30:00.000Z"],
    ],
    // Auckland falls back on 5 April (13 h -> 12 h ahead of UTC): 07:30 is 18:30 UTC the day before, then 19:30.
    [
      "Pacific/Auckland",
      "07:30",
      "2026-04-03T12:00:00Z",
      "2026-04-06T00:00:00Z",
      ["2026-04-03T18:30:00.000Z", "2026-04-04T19:30:00.000Z", "2026-04-05T19:30:00.000Z"],
    ],
  ])("in %s at %s, each at the right local minute and once per local date", async (zone, time, from, to, expected) => {
    const actor = await learner("u1", time, zone, from);
    // Every ten minutes, and every minute around each expected send.
    const ticks = new Set<number>();
    for (let at = new Date(from).getTime(); at < new Date(to).getTime(); at += 10 * MIN) ticks.add(at);
    for (const e of expected) for (let k = -3; k <= 3; k++) ticks.add(new Date(e).getTime() + k * MIN);
    const d = dispatcher();
    for (const at of [...ticks].sort((a, b) => a - b)) {
      if (at < new Date(from).getTime() || at >= new Date(to).getTime()) continue;
      const before = sender.direct_.length;
      await d.tick(new Date(at));
      if (sender.direct_.length > before) sender.direct_[sender.direct_.length - 1]!.at = at;
    }
    expect(sender.directTo(actor.userId).map((s) => new Date(s.at).toISOString())).toEqual(expected);
  });

  it("tells how many cards are due, warns about the streak, and offers Review now and a snooze", async () => {
    const actor = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    await dispatcher().tick(new Date("2026-03-02T09:00:00Z"));
    const [sent] = sender.directTo(actor.userId);
    expect(sent?.view.body.join(" ")).toContain("You have **3** cards to review today.");
    expect(sent?.view.body.join(" ")).toContain("Your 1-day streak ends tonight unless you study.");
    expect(sent?.view.buttons.flat().map((b) => b.label)).toEqual(["Review now", "Remind me in 1 hour"]);
    const study = await t.bot.click(
      { ...actor, teamId: "discord:@u1" },
      sent!.view.buttons[0]![0]!.action,
      t.clock.set("2026-03-02T09:01:00Z"),
    );
    expect(study.view.body.join(" ")).toContain("Front of c-");
  });

  it("snoozes for an hour, once, and only for the reminder's owner", async () => {
    const actor = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    const d = dispatcher();
    await d.tick(new Date("2026-03-02T09:00:00Z"));
    const snooze = sender.directTo(actor.userId)[0]!.view.buttons[0]![1]!.action;
    expect((await t.bot.click(person("someone-else"), snooze, new Date("2026-03-02T09:05:00Z"))).view.body[0]).toBe(
      "This reminder belongs to someone else.",
    );
    expect((await t.bot.click(actor, snooze, new Date("2026-03-02T09:05:00Z"))).view.body[0]).toBe("I will remind you again in 1 h.");
    await d.tick(new Date("2026-03-02T10:04:00Z"));
    expect(sender.directTo(actor.userId)).toHaveLength(1);
    await d.tick(new Date("2026-03-02T10:05:00Z"));
    await d.tick(new Date("2026-03-02T10:06:00Z"));
    expect(sender.directTo(actor.userId)).toHaveLength(2);
    await tickEveryMinute("2026-03-02T10:07:00Z", "2026-03-02T12:00:00Z", 10 * MIN);
    await d.tick(new Date("2026-03-03T09:00:00Z"));
    expect(sender.directTo(actor.userId)).toHaveLength(3);
  });

  it("sends nothing when nothing is due, or (by setting) when the person already studied today", async () => {
    const busy = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    await t.db.cardState.updateMany({ where: { userId: busy.userId }, data: { due: new Date("2026-03-10T00:00:00Z") } });
    const studied = await learner("u2", "09:00", "UTC", "2026-03-02T08:00:00Z");
    await t.bot.command(studied, { name: "remind", when: "not-studied" }, t.clock.now);
    const report = await dispatcher().tick(new Date("2026-03-02T09:00:00Z"));
    expect(report).toMatchObject({ skipped: 2, sent: 0 });
    expect(sender.direct_).toEqual([]);
    expect(await t.db.reminderDelivery.count({ where: { outcome: "skipped" } })).toBe(2);
  });

  it("after downtime, sends today's reminder once and never a past day's", async () => {
    const actor = await learner("u1", "07:30", "UTC", "2026-03-01T06:00:00Z");
    // The bot was down from before 07:30 on the 1st until 10:00 on the 3rd.
    await tickEveryMinute("2026-03-03T10:00:00Z", "2026-03-03T10:05:00Z");
    expect(sender.directTo(actor.userId)).toHaveLength(1);
    expect(await t.db.reminderDelivery.findMany({ select: { day: true } })).toEqual([{ day: "2026-03-03" }]);
  });

  it("is sent once when several dispatchers tick in the same minute", async () => {
    const people = await Promise.all(["a", "b", "c", "d", "e"].map((id) => learner(id, "09:00", "UTC", "2026-03-01T08:00:00Z")));
    const at = new Date("2026-03-02T09:00:30Z");
    const reports = await Promise.all([dispatcher("p1").tick(at), dispatcher("p2").tick(at), dispatcher("p3").tick(at)]);
    for (const p of people) expect(sender.directTo(p.userId)).toHaveLength(1);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(5);
  });

  it("claims many sends in one go: new ones claimed, held or sent ones taken, expired unsent ones taken over", async () => {
    const now = new Date("2026-03-02T09:00:00Z");
    const lease = { now, leaseUntil: new Date(now.getTime() + 2 * MIN), owner: "batch" };
    const people = [];
    for (let i = 0; i < 1203; i++) people.push(`discord:p${i}`);
    await t.db.user.createMany({ data: people.map((id) => ({ id, timeZone: "UTC", createdAt: now })) });
    const claim = (userId: string, at: Date, owner: string) =>
      t.stores.reminders.claimReminder({ userId, day: "2026-03-02", slot: 0, now: at, leaseUntil: new Date(at.getTime() + MIN), owner });
    await claim("discord:p1", now, "other"); // held by another instance, lease running
    await claim("discord:p2", new Date(now.getTime() - 5 * MIN), "dead"); // its lease ran out, never sent
    await claim("discord:p3", new Date(now.getTime() - 5 * MIN), "done");
    await t.db.reminderDelivery.update({
      where: { userId_day_slot: { userId: "discord:p3", day: "2026-03-02", slot: 0 } },
      data: { sentAt: now, outcome: "sent" },
    });
    const answers = await t.stores.reminders.claimReminders(
      people.map((userId) => ({ userId, day: "2026-03-02", slot: 0 })),
      lease,
    );
    expect(answers.slice(0, 5)).toEqual([
      { status: "claimed", attempts: 1 },
      { status: "taken" },
      { status: "claimed", attempts: 2 },
      { status: "taken" },
      { status: "claimed", attempts: 1 },
    ]);
    expect(answers.filter((a) => a.status === "claimed")).toHaveLength(1201);
    // Written as the query builder writes them: the lease compares with dates as before.
    const row = await t.db.reminderDelivery.findUnique({
      where: { userId_day_slot: { userId: "discord:p1000", day: "2026-03-02", slot: 0 } },
    });
    expect(row).toMatchObject({ claimedBy: "batch", attempts: 1, sentAt: null, claimedAt: now, leaseUntil: lease.leaseUntil });
    expect(await t.db.reminderDelivery.count({ where: { leaseUntil: { gt: now } } })).toBe(1202); // all but the sent one
    // A second instance asking for the same sends gets none of them.
    const again = await t.stores.reminders.claimReminders(
      people.map((userId) => ({ userId, day: "2026-03-02", slot: 0 })),
      { ...lease, owner: "late" },
    );
    expect(again.every((a) => a.status === "taken")).toBe(true);
  });

  it("retries a send whose process died after claiming it, after the lease, once", async () => {
    const actor = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    const claimedAt = new Date("2026-03-02T09:00:00Z");
    // A dispatcher claimed the send and died before sending.
    expect(
      await t.stores.reminders.claimReminder({
        userId: actor.userId,
        day: "2026-03-02",
        slot: 0,
        now: claimedAt,
        leaseUntil: new Date(claimedAt.getTime() + 2 * MIN),
        owner: "dead",
      }),
    ).toMatchObject({ status: "claimed" });
    await dispatcher("alive").tick(new Date("2026-03-02T09:01:00Z"));
    expect(sender.direct_).toEqual([]);
    await dispatcher("alive").tick(new Date("2026-03-02T09:02:30Z"));
    await dispatcher("alive").tick(new Date("2026-03-02T09:03:30Z"));
    expect(sender.directTo(actor.userId)).toHaveLength(1);
  });

  it("falls back to a mention in the team channel when DMs are closed, or pauses reminders and says so", async () => {
    const withChannel = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    await t.bot.command({ ...withChannel, isAdmin: true, channelId: "C1" }, { name: "team", changes: { channel: "here" } }, t.clock.now);
    const alone = await learner("u2", "09:00", "UTC", "2026-03-01T08:00:00Z");
    await t.db.user.update({ where: { id: alone.userId }, data: { remindTeamId: "discord:other-team" } });
    sender.closed.add(withChannel.userId).add(alone.userId);
    const report = await dispatcher().tick(new Date("2026-03-02T09:00:00Z"));
    expect(report).toMatchObject({ channel: 1, paused: 1 });
    expect(sender.channel_).toHaveLength(1);
    expect(sender.channel_[0]).toMatchObject({ to: "discord:team", channelId: "C1", notify: [withChannel.userId] });
    expect(sender.channel_[0]!.view.body[0]).toContain("your reviews are waiting");
    // Paused: no more reminders, and the next session says why.
    await dispatcher().tick(new Date("2026-03-03T09:00:00Z"));
    expect((await t.db.reminderDelivery.findMany({ where: { userId: alone.userId } })).map((r) => r.outcome)).toEqual(["paused"]);
    const next = await t.bot.command(alone, { name: "study" }, new Date("2026-03-03T10:00:00Z"));
    expect(next.view.body[0]).toContain("your direct messages are closed, so reminders are paused");
    const again = await t.bot.command(alone, { name: "study" }, new Date("2026-03-03T10:01:00Z"));
    expect(again.view.body[0]).not.toContain("paused");
  });

  it("retries other failures with backoff, then gives up and says so in the log", async () => {
    const actor = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    sender.failures.push("failed", "failed");
    const d = dispatcher();
    expect((await d.tick(new Date("2026-03-02T09:00:00Z"))).retrying).toBe(1);
    expect((await d.tick(new Date("2026-03-02T09:00:30Z"))).taken).toBe(1); // still leased for a minute
    expect((await d.tick(new Date("2026-03-02T09:01:30Z"))).retrying).toBe(1);
    expect((await d.tick(new Date("2026-03-02T09:04:00Z"))).sent).toBe(1);
    expect(sender.directTo(actor.userId)).toHaveLength(1);
    expect(logs.lines().filter((l) => l["msg"] === "reminder will be retried")).toHaveLength(2);
    // Every attempt carries the same key, for the platform to refuse a repeat of one that went through.
    expect(new Set([...sender.refused, ...sender.direct_].map((s) => s.once))).toEqual(new Set([`reminder|${actor.userId}|2026-03-02|0`]));
  });

  it("stops during a vacation, freezes the streak, and spreads overdue cards on return", async () => {
    const actor = await learner("u1", "09:00", "UTC", "2026-03-01T08:00:00Z");
    await t.bot.command(actor, { name: "study" }, new Date("2026-03-02T08:00:00Z")); // no review: only the session
    expect((await t.bot.command(actor, { name: "vacation", duration: "7d" }, new Date("2026-03-02T08:00:00Z"))).view.tone).toBe("success");
    await tickEveryMinute("2026-03-02T08:00:00Z", "2026-03-09T08:00:00Z", 60 * MIN);
    expect(sender.direct_).toEqual([]);
    // Back: 20 overdue cards would all be due at once; they are spread over days.
    await t.db.cardState.updateMany({ where: { userId: actor.userId }, data: { due: new Date("2026-03-05T00:00:00Z") } });
    const back = await t.bot.command(actor, { name: "study" }, new Date("2026-03-09T10:00:00Z"));
    expect(back.view.body[0]).toContain("overdue card");
    const front = back;
    await t.bot.click(
      actor,
      button(await t.bot.click(actor, button(front, "Show answer"), new Date("2026-03-09T10:01:00Z")), "Good"),
      new Date("2026-03-09T10:01:01Z"),
    );
    const stats = await t.bot.command(actor, { name: "stats" }, new Date("2026-03-09T10:02:00Z"));
    // The streak of the 1st survives the vacation days (2nd to 8th) and continues on the 9th.
    expect(stats.view.body.join(" ")).toContain("Current streak: **2** days");
    await tickEveryMinute("2026-03-10T08:55:00Z", "2026-03-10T09:05:00Z");
    expect(sender.directTo(actor.userId)).toHaveLength(1);
  });

  it("shows the setting and the next send time, and refuses bad times and zones", async () => {
    const actor = person("u1");
    t.clock.set("2026-03-01T00:00:00Z");
    expect((await t.bot.command(actor, { name: "remind" }, t.clock.now)).view.body[0]).toBe(
      "You have no daily reminder. Your time zone is UTC.",
    );
    const set = await t.bot.command(actor, { name: "remind", time: "7:05", timeZone: "asia/tokyo" }, t.clock.now);
    expect(set.view.body.join("\n")).toContain("Every day at **07:05** (Asia/Tokyo).");
    // 09:00 in Tokyo: today's 07:05 has passed, so the next one is tomorrow's.
    expect(set.view.body.join("\n")).toContain("Next: 2026-03-02 07:05, in 22 h.");
    expect((await t.bot.command(actor, { name: "remind", time: "25:00" }, t.clock.now)).view.body[0]).toContain('"25:00" is not a time');
    expect((await t.bot.command(actor, { name: "remind", time: "07:00", timeZone: "Moon/Base" }, t.clock.now)).view.body[0]).toContain(
      "is not a time zone",
    );
    expect((await t.bot.command(actor, { name: "remind", off: true }, t.clock.now)).view.body[0]).toBe("Your daily reminder is off.");
    expect(await t.db.user.findUniqueOrThrow({ where: { id: actor.userId } })).toMatchObject({ remindMinute: null, nextReminderAt: null });
  });
});
