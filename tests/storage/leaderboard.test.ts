// Leaderboards through the real Bot and store: XP from real ratings, ties, hiding, periods in the
// team's time zone, streaks, accuracy, undo, and strict isolation between teams.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderDiscord } from "../../src/adapters/discord/render-discord.ts";
import { renderSlack } from "../../src/adapters/slack/render-slack.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { Reply } from "../../src/core/views/view.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { button, startTestBot, type TestBot } from "../support/test-bot.ts";

const cards = Array.from({ length: 12 }, (_, i) => aFlashcard(`c-${String(i).padStart(2, "0")}`));

describe.each(DATABASES)("leaderboards on %s", (kind) => {
  let t: TestBot;
  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary(cards), "2026-03-10T01:00:00Z");
  });
  afterEach(async () => {
    await t.close();
  });

  const who = (name: string, teamId = "discord:111"): Actor => ({ userId: `discord:${name}`, teamId, clientLocale: "en" });

  /** Rates `n` new cards (5 XP each when right, 2 when wrong), a few seconds apart. */
  async function study(actor: Actor, n: number, rating: "Good" | "Again" = "Good") {
    for (let i = 0; i < n; i++) {
      t.clock.advance(5000);
      const front = await t.bot.command(actor, { name: "study" }, t.clock.now);
      const back = await t.bot.click(actor, button(front, "Show answer"), t.clock.now);
      t.clock.advance(5000);
      await t.bot.click(actor, button(back, rating), t.clock.now);
    }
  }

  const board = (actor: Actor, period: "week" | "month" | "all" = "week", metric: "xp" | "streak" | "reviews" | "accuracy" = "xp") =>
    t.bot.command(actor, { name: "leaderboard", period, metric }, t.clock.now);
  const lines = (r: Reply) => (r.view.body[0] ?? "").split("\n").map((l) => l.replace(/⟦u:[0-9a-f]+:/g, "").replace(/⟧/g, ""));

  it("ranks by XP with ties sharing a rank, and shows the caller's own rank", async () => {
    const [ann, ben, cat, dan] = ["ann", "ben", "cat", "dan"].map((n) => who(n));
    await study(ann!, 3);
    await study(ben!, 2);
    await study(cat!, 2);
    await study(dan!, 1, "Again");
    const r = await board(dan!);
    expect(lines(r)).toEqual(["1. discord:ann · 15 XP", "2. discord:ben · 10 XP", "2. discord:cat · 10 XP", "4. discord:dan · 2 XP"]);
    expect(r.view.body[1]).toBe("You: **#4** · 2 XP");
    expect(r.view.title).toBe("Leaderboard · This week · XP");
  });

  it("hides people who ask, from every board, while their own numbers remain", async () => {
    const [ann, ben] = ["ann", "ben"].map((n) => who(n));
    await study(ann!, 3);
    await study(ben!, 2);
    await t.bot.command(ann!, { name: "settings", changes: { hidden: "on" } }, t.clock.now);
    expect(lines(await board(ben!))).toEqual(["1. discord:ben · 10 XP"]);
    expect((await board(ben!)).view.body[1]).toBe("You: **#1** · 10 XP");
    const own = await board(ann!);
    expect(own.view.body[1]).toContain("You are hidden from leaderboards (15 XP)");
    expect(lines(await board(ben!, "all", "reviews"))).toEqual(["1. discord:ben · 2 reviews"]);
  });

  it("keeps each team's board to itself, for someone in two teams too", async () => {
    const annHere = who("ann", "discord:111");
    const annThere = who("ann", "discord:222");
    const ben = who("ben", "discord:222");
    await study(annHere, 2);
    await study(annThere, 1);
    await study(ben, 3);
    expect(lines(await board(annHere))).toEqual(["1. discord:ann · 10 XP"]);
    expect(lines(await board(annThere))).toEqual(["1. discord:ben · 15 XP", "2. discord:ann · 5 XP"]);
    expect(lines(await board(who("zoe", "discord:333")))).toEqual(["Nobody has studied in this period yet."]);
  });

  it("starts the week on Monday in the team's time zone", async () => {
    const admin = { ...who("ann"), isAdmin: true };
    const ben = who("ben");
    await t.bot.command(admin, { name: "team", changes: { timezone: "Asia/Tokyo" } }, t.clock.now);
    t.clock.set("2026-03-15T14:00:00Z"); // Sunday 23:00 in Tokyo
    await study(admin, 1);
    t.clock.set("2026-03-15T15:30:00Z"); // Monday 00:30 in Tokyo (still Sunday in UTC)
    expect(lines(await board(admin, "week"))).toEqual(["Nobody has studied in this period yet."]);
    await study(ben, 1);
    expect(lines(await board(admin, "week"))).toEqual(["1. discord:ben · 5 XP"]);
    expect(lines(await board(admin, "all"))).toEqual(["1. discord:ann · 5 XP", "1. discord:ben · 5 XP"]);
  });

  it("ranks accuracy only with enough reviews, and streaks by consecutive study days", async () => {
    const [ann, ben] = ["ann", "ben"].map((n) => who(n));
    await study(ann!, 10);
    await study(ben!, 9);
    const accuracy = await board(ben!, "week", "accuracy");
    expect(lines(accuracy)).toEqual(["1. discord:ann · 100%"]);
    expect(accuracy.view.body[1]).toContain("10 reviews in the period are needed");
    t.clock.advance(86_400_000);
    await study(ann!, 1);
    expect(lines(await board(ann!, "all", "streak"))).toEqual(["1. discord:ann · 2 days", "2. discord:ben · 1 day"]);
  });

  it("takes XP back when a rating is undone", async () => {
    const ann = who("ann");
    await study(ann, 2);
    await t.bot.command(ann, { name: "undo" }, t.clock.now);
    expect(lines(await board(ann))).toEqual(["1. discord:ann · 5 XP"]);
    expect(lines(await board(ann, "all", "reviews"))).toEqual(["1. discord:ann · 1 review"]);
  });

  it("takes an undone rating out of the periods it counted in, after the team's time zone changed too", async () => {
    const admin = { ...who("ann"), isAdmin: true };
    t.clock.set("2026-03-15T23:00:00Z"); // Sunday in UTC: the week of March 9
    await study(admin, 2);
    // In Tokyo it is already Monday: the same instant now falls in the week of March 16.
    await t.bot.command(admin, { name: "team", changes: { timezone: "Asia/Tokyo" } }, t.clock.now);
    await t.bot.command(admin, { name: "undo" }, t.clock.now);
    const rows = await t.db.memberPeriod.findMany({ where: { userId: "discord:ann" }, orderBy: { period: "asc" } });
    expect(rows.map((r) => [r.period, r.xp, r.reviews])).toEqual([
      ["all", 5, 1],
      ["m2026-03", 5, 1],
      ["w2026-03-09", 5, 1],
    ]);
  });

  it("renders within Discord's embed limits and Slack's Block Kit limits, in English and Japanese", async () => {
    const people = Array.from({ length: 14 }, (_, i) => who(String(100000000000000000n + BigInt(i))));
    for (const p of people) await study(p, 1);
    for (const locale of ["en", "ja"] as const) {
      const r = await board({ ...people[0]!, clientLocale: locale }, "week", "xp");
      const discord = renderDiscord(r.view);
      expect(discord.embeds[0]!.description!.length).toBeLessThanOrEqual(4096);
      expect(JSON.stringify(discord.embeds).length).toBeLessThan(6000);
      expect(discord.embeds[0]!.description).toContain("<@");
      expect(discord.components.length).toBeLessThanOrEqual(5);
      const slack = renderSlack(r.view);
      expect(slack.blocks.length).toBeLessThanOrEqual(50);
      for (const b of slack.blocks)
        if (b.type === "actions") for (const e of b.elements) expect(e.text.text.length).toBeLessThanOrEqual(75);
      expect(lines(r)).toHaveLength(10);
      if (locale === "ja") expect(r.view.title).toBe("ランキング・今週・XP");
    }
  });
});
