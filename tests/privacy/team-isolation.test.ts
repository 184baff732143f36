// No team can read, change or rank within another team's data through any command. Team A builds
// up everything a team can have (a team deck, progress, a quiz in progress, the question of the day,
// a reminder, leaderboard places, settings); an admin of team B then runs every command, with A's
// deck id where one is taken, and replays every button A's people were shown. Nothing outside B's
// own rows changes, and no reply to B shows A's deck, cards or people.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/core/commands/command.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { Reply } from "../../src/core/views/view.ts";
import { ReminderDispatcher } from "../../src/jobs/reminder-dispatcher.ts";
import { TeamDispatcher } from "../../src/jobs/team-dispatcher.ts";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { allRows } from "../support/all-rows.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES, type DatabaseKind } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";

const A = "discord:900";
const B = "discord:901";
const annA: Actor = { userId: "discord:111111111111111111", teamId: A, clientLocale: "en", isAdmin: true, channelId: "700" };
const bobA: Actor = { userId: "discord:222222222222222222", teamId: A, clientLocale: "en" };
const eveB: Actor = { userId: "discord:333333333333333333", teamId: B, clientLocale: "en", isAdmin: true, channelId: "800" };

/** Every row of every table, except rows that mention team B, its admin or its own items (B's own data may change). */
async function everythingButB(t: TestBot, kind: DatabaseKind): Promise<string[]> {
  const bsItems = (await t.db.item.findMany({ where: { teamId: B }, select: { id: true } })).map((i) => i.id);
  const isB = (text: string) => [B, eveB.userId, ...bsItems].some((needle) => text.includes(needle));
  return (await allRows(t, kind))
    .filter((r) => !isB(r.text))
    .map((r) => `${r.table}: ${r.text}`)
    .sort();
}

const actionsOf = (reply: Reply): string[] => reply.view.buttons.flat().map((b) => b.action);
const textOf = (reply: Reply): string =>
  [reply.view.title ?? "", ...reply.view.body, reply.view.footer ?? "", ...reply.view.buttons.flat().map((b) => b.label)].join("\n");

describe.each(DATABASES)("team isolation on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const logs = captureLogs();

  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary([aChoiceQuestion("q-1"), aChoiceQuestion("q-2"), aFlashcard("f-1")]), "2026-03-09T08:00:00Z");
    sender = new FakeSender();
  });
  afterEach(async () => {
    await t.close();
  });

  it("gives another team's admin no way to read, change or rank within a team's data", async () => {
    const seen: string[] = [];
    const asA = async (actor: Actor, reply: Promise<Reply>) => {
      const r = await reply;
      seen.push(...actionsOf(r));
      return r;
    };
    // Team A: a deck of its own, studied; settings; a quiz half done; a leaderboard; the question of
    // the day; a reminder; a confirmation to forget Bob, not yet given.
    const csv = new TextEncoder().encode("front,back\nWhat is the secret plan of team A?,Blue widgets\nWho runs team A?,Ann\n");
    const imported = await asA(
      annA,
      t.bot.command(annA, { name: "deck", action: "import", file: { name: "a.csv", bytes: csv }, deckName: "Team A secrets" }, t.clock.now),
    );
    const deckId = /`(t[a-z0-9]+-[a-z0-9-]+)`/.exec(imported.view.body.join("\n"))?.[1];
    expect(deckId).toBeDefined();
    await asA(
      annA,
      t.bot.command(annA, { name: "team", changes: { channel: "here", qotd: "09:00", timezone: "UTC", milestones: "on" } }, t.clock.now),
    );
    for (const person of [annA, bobA]) {
      for (let i = 0; i < 5; i++) {
        const front = await asA(person, t.bot.command(person, { name: "study" }, t.clock.now));
        const answered = await answerCard(t, person, front, "Good", t.clock.advance(3000));
        if (answered.length === 0) break;
        for (const reply of answered) await asA(person, Promise.resolve(reply));
      }
    }
    const quiz = await asA(bobA, t.bot.command(bobA, { name: "quiz", count: 2 }, t.clock.now));
    await asA(bobA, t.bot.click(bobA, actionsOf(quiz)[0]!, t.clock.advance(3000)));
    for (const period of ["week", "month", "all"] as const) {
      await asA(bobA, t.bot.command(bobA, { name: "leaderboard", period }, t.clock.now));
    }
    await asA(bobA, t.bot.command(bobA, { name: "remind", time: "09:00", timeZone: "UTC" }, t.clock.now));
    await asA(bobA, t.bot.command(bobA, { name: "forget-me" }, t.clock.now));
    t.clock.set("2026-03-10T09:00:30Z");
    await new TeamDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner: "a" }).tick(t.clock.now);
    await t.db.cardState.updateMany({ data: { due: new Date("2026-03-01T00:00:00Z") } });
    await new ReminderDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner: "a" }).tick(t.clock.now);
    for (const sent of [...sender.channel_, ...sender.direct_]) seen.push(...sent.view.buttons.flat().map((b) => b.action));
    expect(sender.channel_.length).toBeGreaterThan(0); // the question of the day
    expect(sender.direct_.length).toBeGreaterThan(0); // Bob's reminder
    const kinds = new Set(seen.map((a) => a.split(":")[0]));
    for (const kind of ["sa", "rt", "sp", "cr", "qa", "lb", "qd", "fm", "st", "sn"])
      expect(kinds, `A's people were shown ${kind}: buttons`).toContain(kind);

    const before = await everythingButB(t, kind);

    // Team B's admin tries everything.
    const replies: Reply[] = [];
    const commands: Command[] = [
      { name: "study" },
      { name: "quiz" },
      { name: "stats" },
      { name: "topics" },
      { name: "settings", changes: {} },
      { name: "settings", changes: { team: A } },
      { name: "undo" },
      { name: "help" },
      ...(["week", "month", "all"] as const).flatMap((period) =>
        (["xp", "streak", "reviews", "accuracy"] as const).map((metric): Command => ({ name: "leaderboard", period, metric })),
      ),
      { name: "remind" },
      { name: "vacation" },
      { name: "team", changes: {} },
      { name: "team", changes: { qotd: "off", recap: "off" } },
      { name: "deck", action: "list" },
      { name: "deck", action: "rename", deckId: deckId!, deckName: "Stolen" },
      { name: "deck", action: "retire", deckId: deckId! },
      { name: "deck", action: "export", deckId: deckId! },
      { name: "deck", action: "import", file: { name: "a.csv", bytes: csv }, deckName: "Team A secrets" },
      { name: "export" },
    ];
    for (const command of commands) replies.push(await t.bot.command(eveB, command, t.clock.advance(1500)));
    for (const action of new Set(seen)) replies.push(await t.bot.click(eveB, action, t.clock.advance(1500)));

    expect(await everythingButB(t, kind)).toEqual(before);
    for (const reply of replies) {
      const text = [textOf(reply), ...(reply.files ?? []).map((f) => f.content)].join("\n");
      expect(text).not.toContain(annA.userId.slice("discord:".length));
      expect(text).not.toContain(bobA.userId.slice("discord:".length));
      expect(text).not.toContain("Blue widgets");
      expect(text).not.toContain("secret plan of team A");
      expect(text).not.toMatch(/Team A secrets(?!" imported)/); // B may import its own copy of the file, under B
    }
    // Whatever B did, it did with cards B's team can see, and under B's name.
    const evesCards = await t.db.cardState.findMany({ where: { userId: eveB.userId }, select: { item: { select: { teamId: true } } } });
    expect(evesCards.every((c) => c.item.teamId === null || c.item.teamId === B)).toBe(true);
    expect(await t.db.reviewLog.count({ where: { userId: eveB.userId, NOT: { teamId: B } } })).toBe(0);
    // B's own import is B's: A's deck is untouched (checked above) and B's board ranks nobody from A.
    const board = await t.bot.command(eveB, { name: "leaderboard", period: "all", metric: "xp" }, t.clock.now);
    expect(textOf(board)).not.toContain("111111111111111111");
  });
});
