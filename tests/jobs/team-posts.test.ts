// Team settings and what the bot posts in the team channel: the question of the day (once per team
// and local day, one answer per person, results when it closes), the weekly recap, and streak
// milestones, each posted once however many dispatchers tick.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Actor } from "../../src/core/identity.ts";
import { TeamDispatcher } from "../../src/jobs/team-dispatcher.ts";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";

describe.each(DATABASES)("team posts on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const logs = captureLogs();
  const dispatcher = (owner: string) => new TeamDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner });
  const admin: Actor = { userId: "discord:1", teamId: "discord:900", clientLocale: "en", isAdmin: true, channelId: "700" };
  const member = (id: string, teamId = "discord:900"): Actor => ({ userId: `discord:${id}`, teamId, clientLocale: "en" });

  beforeEach(async () => {
    const library = aLibrary([aChoiceQuestion("q-1", { topics: ["net"] }), aChoiceQuestion("q-2"), aFlashcard("f-1"), aFlashcard("f-2")]);
    t = await startTestBot(kind, library, "2026-03-09T00:00:00Z");
    sender = new FakeSender();
  });
  afterEach(async () => {
    await t.close();
  });

  it("lets anyone see the team settings, and only admins change them", async () => {
    const refused = await t.bot.command(member("2"), { name: "team", changes: { qotd: "09:00" } }, t.clock.now);
    expect(refused.view.body[0]).toBe("Only team admins can change team settings (on Discord: Manage Server).");
    expect((await t.db.team.findUniqueOrThrow({ where: { id: "discord:900" } })).qotdMinute).toBeNull();
    const set = await t.bot.command(
      admin,
      { name: "team", changes: { channel: "here", qotd: "09:00", timezone: "Asia/Tokyo", milestones: "on" } },
      t.clock.now,
    );
    expect(set.view.body.join("\n")).toContain("Question of the day: **09:00**");
    expect(set.view.body.join("\n")).toContain("Time zone: **Asia/Tokyo**");
    const shown = await t.bot.command(member("2"), { name: "team", changes: {} }, t.clock.now);
    expect(shown.view.body.join("\n")).toContain("Channel: **#700**");
    const bad = await t.bot.command(admin, { name: "team", changes: { qotd: "9am" } }, t.clock.now);
    expect(bad.view.tone).toBe("error");
  });

  it("starts a new team in its first member's language and time zone", async () => {
    await t.bot.command({ userId: "discord:77", teamId: "discord:901", clientLocale: "ja" }, { name: "stats" }, t.clock.now);
    expect(await t.db.team.findUniqueOrThrow({ where: { id: "discord:901" } })).toMatchObject({ locale: "ja", timeZone: "Asia/Tokyo" });
    const shown = await t.bot.command(member("2", "discord:901"), { name: "team", changes: {} }, t.clock.now);
    expect(shown.view.body.join("\n")).toContain("日本語");
  });

  it("names what is wrong with a team setting in the admin's language", async () => {
    const ja = { ...admin, clientLocale: "ja" as const };
    await t.bot.command(admin, { name: "team", changes: {} }, t.clock.now);
    const before = await t.db.team.findUniqueOrThrow({ where: { id: "discord:900" } });
    const cases: [Record<string, string>, string, string][] = [
      [{ recap: "maybe" }, "recap must be on or off", "recap は on か off で指定してください"],
      [{ language: "fr" }, "language must be ja or en", "language は ja か en で指定してください"],
      [{ channel: "#general!" }, 'is not a channel; use "here"', "はチャンネルではありません"],
      [{ qotd: "9am" }, '"9am" is not a time', "「9am」は時刻ではありません"],
    ];
    for (const [changes, english, japanese] of cases) {
      const inEnglish = (await t.bot.command(admin, { name: "team", changes }, t.clock.now)).view.body.join("\n");
      expect(inEnglish).toContain(english);
      const inJapanese = (await t.bot.command(ja, { name: "team", changes }, t.clock.now)).view.body.join("\n");
      expect(inJapanese).toContain(japanese);
      expect(inJapanese).not.toContain(english);
    }
    const noChannel = await t.bot.command({ ...ja, channelId: undefined }, { name: "team", changes: { channel: "here" } }, t.clock.now);
    expect(noChannel.view.body.join("\n")).toContain("ここはチャンネルではありません");
    expect(await t.db.team.findUniqueOrThrow({ where: { id: "discord:900" } })).toEqual(before);
  });

  it("posts one question of the day per team and local day, takes one answer per person, and posts the results", async () => {
    await t.bot.command(admin, { name: "team", changes: { channel: "here", qotd: "09:00", timezone: "Asia/Tokyo" } }, t.clock.now);
    // 09:00 in Tokyo is 00:00 UTC; two instances tick in the same minute, then again later.
    const at = new Date("2026-03-10T00:00:20Z");
    await Promise.all([dispatcher("a").tick(at), dispatcher("b").tick(at)]);
    await dispatcher("a").tick(new Date("2026-03-10T00:05:00Z"));
    expect(sender.channel_).toHaveLength(1);
    const post = sender.channel_[0]!;
    expect(post).toMatchObject({ to: "discord:900", channelId: "700" });
    expect(post.view.title).toBe("Question of the day");
    const right = post.view.buttons.flat().find((b) => b.label.includes("Right answer"))!;
    const wrong = post.view.buttons.flat().find((b) => b.label.includes("Wrong"))!;
    const first = await t.bot.click(member("2"), right.action, new Date("2026-03-10T01:00:00Z"));
    expect(first).toMatchObject({ mode: "notice", view: { body: ["Correct! Your answer counts for the leaderboard."] } });
    const again = await t.bot.click(member("2"), wrong.action, new Date("2026-03-10T01:00:05Z"));
    expect(again.view.body[0]).toBe("You already answered today's question; your first answer counts.");
    await t.bot.click(member("3"), wrong.action, new Date("2026-03-10T01:01:00Z"));
    const stranger = await t.bot.click(member("4", "discord:other"), right.action, new Date("2026-03-10T01:02:00Z"));
    expect(stranger.view.body[0]).toBe("This question is closed. A new one comes tomorrow.");
    expect(await t.db.qotdAnswer.count()).toBe(2);
    expect(await t.db.reviewLog.count({ where: { source: "qotd" } })).toBe(2);
    const board = await t.bot.command(member("2"), { name: "leaderboard" }, new Date("2026-03-10T01:03:00Z"));
    expect(board.view.body[1]).toBe("You: **#1** · 8 XP");
    // Closed twelve hours after posting: results once, then no more answers.
    await Promise.all([dispatcher("a").tick(new Date("2026-03-10T12:01:00Z")), dispatcher("b").tick(new Date("2026-03-10T12:01:00Z"))]);
    expect(sender.channel_).toHaveLength(2);
    expect(sender.channel_[1]!.view.body.join("\n")).toContain("Results: 1 of 2 answered correctly.");
    expect(sender.channel_[1]!.view.body.join("\n")).toContain("Because");
    expect((await t.bot.click(member("5"), right.action, new Date("2026-03-10T12:02:00Z"))).view.body[0]).toContain("closed");
    // The next day brings a different question.
    await dispatcher("a").tick(new Date("2026-03-11T00:00:30Z"));
    expect(sender.channel_).toHaveLength(3);
    expect(sender.channel_[2]!.view.body[0]).not.toBe(post.view.body[0]);
  });

  it("names the answer of the question of the day by the letter its button showed, in the reply and the results", async () => {
    await t.bot.command(admin, { name: "team", changes: { channel: "here", qotd: "09:00", timezone: "Asia/Tokyo" } }, t.clock.now);
    const shownLetters: string[] = [];
    for (const day of ["10", "11", "12", "13"]) {
      await dispatcher("a").tick(new Date(`2026-03-${day}T00:00:20Z`));
      const post = sender.channel_.at(-1)!;
      const right = post.view.buttons.flat().find((b) => b.label.includes("Right answer"))!;
      const wrong = post.view.buttons.flat().find((b) => b.label.includes("Wrong"))!;
      shownLetters.push(right.label[0]!);
      const reply = await t.bot.click(member("2"), wrong.action, new Date(`2026-03-${day}T01:00:00Z`));
      expect(reply.view.body[0]).toBe(`Not quite: the answer is **${right.label}**. Your answer still counts for the leaderboard.`);
      await dispatcher("a").tick(new Date(`2026-03-${day}T12:01:00Z`));
      expect(sender.channel_.at(-1)!.view.body.join("\n")).toContain(`The answer was **${right.label}**.`);
    }
    // The deck file puts every right answer first: the shuffle moved at least one.
    expect(shownLetters.some((l) => l !== "A")).toBe(true);
  });

  it("posts question-of-the-day results whose first post failed once the lease runs out, once, under the same key", async () => {
    await t.bot.command(admin, { name: "team", changes: { channel: "here", qotd: "09:00", timezone: "Asia/Tokyo" } }, t.clock.now);
    await dispatcher("a").tick(new Date("2026-03-10T00:00:20Z"));
    expect(sender.channel_).toHaveLength(1);
    // The results' first post fails; b ticks while a's claim holds, then a and b after its lease.
    sender.channelFailures.push("failed");
    await dispatcher("a").tick(new Date("2026-03-10T12:01:00Z"));
    expect(sender.refused).toHaveLength(1);
    await dispatcher("b").tick(new Date("2026-03-10T12:02:00Z"));
    expect(sender.channel_).toHaveLength(1);
    await Promise.all([dispatcher("a").tick(new Date("2026-03-10T12:04:00Z")), dispatcher("b").tick(new Date("2026-03-10T12:04:00Z"))]);
    await dispatcher("b").tick(new Date("2026-03-10T12:30:00Z"));
    expect(sender.channel_).toHaveLength(2);
    const results = sender.channel_[1]!;
    expect(results.view.body.join("\n")).toContain("Results: 0 of 0 answered correctly.");
    expect(results.once).toBeDefined();
    expect(results.once).toBe(sender.refused[0]!.once);
    expect(results.once).not.toBe(sender.channel_[0]!.once);
  });

  it("posts the weekly recap once on Monday: top three, reviews, retention, the most-missed topic", async () => {
    await t.bot.command(admin, { name: "team", changes: { channel: "here" } }, t.clock.now);
    // During the week of 9 March: three people study; one misses a question about `net`.
    for (const [id, n] of [
      ["2", 3],
      ["3", 2],
      ["4", 1],
      ["5", 1],
    ] as const) {
      for (let i = 0; i < n; i++) {
        t.clock.advance(60_000);
        const who = member(id);
        // The one who misses studies the `net` topic: new cards come in each person's own order.
        const front = await t.bot.command(who, { name: "study", ...(id === "5" ? { topic: "net" } : {}) }, t.clock.now);
        await answerCard(t, who, front, id === "5" ? "Again" : "Good", new Date(t.clock.now.getTime() + 5000));
      }
    }
    await Promise.all([dispatcher("a").tick(new Date("2026-03-16T09:00:00Z")), dispatcher("b").tick(new Date("2026-03-16T09:00:00Z"))]);
    await dispatcher("a").tick(new Date("2026-03-16T10:00:00Z"));
    expect(sender.channel_).toHaveLength(1);
    const recap = sender.channel_[0]!.view;
    expect(recap.title).toBe("Weekly recap (week of 2026-03-09)");
    const text = recap.body
      .join("\n")
      .replace(/⟦u:[0-9a-f]+:/g, "")
      .replace(/⟧/g, "");
    expect(text).toContain("1. discord:2 · 15 XP\n2. discord:3 · 10 XP\n3. discord:4 · 5 XP");
    expect(text).toContain("Reviews: **7**");
    expect(text).toContain("Most missed topic: **Topic net**");
    // The team's picture goes with it: the week's board of the same people, the team's figures under it.
    const picture = sender.channel_[0]!.picture!;
    expect(picture.name).toBe("recap-2026-03-09");
    if (picture.picture.kind !== "board") throw new Error("not a board");
    expect(picture.picture.title).toBe("Weekly recap (week of 2026-03-09)");
    expect(picture.picture.subtitle).toBe("The week 2026-03-09");
    expect(picture.picture.rows.map((r) => [r.rank, r.userId, r.value, r.self])).toEqual([
      [1, "discord:2", "15 XP", false],
      [2, "discord:3", "10 XP", false],
      [3, "discord:4", "5 XP", false],
    ]);
    expect(picture.picture.own).toContain("Reviews: 7");
    expect(picture.picture.own).toContain("Most missed topic: Topic net");
    expect(picture.alt).toContain("Weekly recap (week of 2026-03-09)");
  });

  it("announces a 7-day streak in the team channel once, when the team opted in", async () => {
    await t.bot.command(admin, { name: "team", changes: { channel: "here", milestones: "on" } }, t.clock.now);
    const who = member("2");
    for (let day = 0; day < 7; day++) {
      t.clock.set(new Date(Date.UTC(2026, 2, 9 + day, 12)).toISOString());
      const front = await t.bot.command(who, { name: "study" }, t.clock.now);
      await answerCard(t, who, front, "Good", new Date(t.clock.now.getTime() + 5000));
    }
    await Promise.all([dispatcher("a").tick(new Date("2026-03-15T13:00:00Z")), dispatcher("b").tick(new Date("2026-03-15T13:00:00Z"))]);
    expect(sender.channel_.map((s) => s.view.body[0]?.replace(/⟦u:[0-9a-f]+:/g, "").replace(/⟧/g, ""))).toEqual([
      "discord:2 reached a **7-day** study streak!",
    ]);
  });
});
