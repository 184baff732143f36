// Live quiz rounds through the Bot and the round driver, on a real database with a recording sender:
// a round from start to podium, answers recorded once, late and forged clicks, stop rights, one round
// per channel, ranges, languages, what a round feeds into each player's schedule, and /forget-me.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { actionId, parseAction } from "../../src/core/actions/action-id.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { View } from "../../src/core/views/view.ts";
import { GameDispatcher } from "../../src/jobs/game-dispatcher.ts";
import { renderConsole } from "../../src/adapters/console/render-console.ts";
import { renderDiscord } from "../../src/adapters/discord/render-discord.ts";
import { aChoiceQuestion, aLibrary, aTrueFalse } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const TEAM = "discord:100000000000000900";
const CHANNEL = "700";
const player = (id: string, o: Partial<Actor> = {}): Actor => ({
  userId: `discord:${id}`,
  teamId: TEAM,
  clientLocale: "en",
  channelId: CHANNEL,
  ...o,
});
const starter = player("1");

function text(v: View): string {
  return renderConsole(v).text;
}

/** The answer buttons of a posted question: choice index, whether it is right, its action id and label. */
function answerButtons(v: View) {
  return v.buttons.flat().map((b) => {
    const a = parseAction(b.action);
    if (a?.kind !== "game-answer") throw new Error(`not a game button: ${b.action}`);
    return { ...a, id: b.action, label: b.label };
  });
}

describe.each(DATABASES)("live rounds on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const logs = captureLogs();
  const driver = (owner = "a") =>
    new GameDispatcher({ games: t.stores.games, cards: t.stores.cards, profiles: t.stores.profiles, sender, logger: logs.logger, owner });
  /** Ticks the driver until `done` holds, moving the clock by `stepMs` between ticks (no real waiting). */
  const driveUntil = async (done: () => boolean, stepMs = 500, d = driver()) => {
    for (let i = 0; i < 500 && !done(); i++) {
      await d.tick(t.clock.now);
      if (!done()) t.clock.advance(stepMs);
    }
    expect(done()).toBe(true);
  };
  const questions = () => sender.channel_.filter((s) => s.once?.endsWith("|question"));
  const lastQuestion = () => questions().at(-1)!;

  beforeEach(async () => {
    const items = [
      aChoiceQuestion("q-1", { topics: ["net"] }),
      aChoiceQuestion("q-2", { topics: ["net"] }),
      aChoiceQuestion("q-3", { topics: ["net"] }),
      aTrueFalse("tf-1", true, { topics: ["net"] }),
      aChoiceQuestion("q-5", { topics: ["other"] }),
    ];
    t = await startTestBot(kind, aLibrary(items), "2026-03-09T10:00:00Z");
    sender = new FakeSender();
  });
  afterEach(async () => {
    await t.close();
  });

  it("plays a round: questions in the channel, answers scored once, results, scoreboards and a podium", async () => {
    const started = await t.bot.command(starter, { name: "game", action: "start", topic: "net", questions: 3, seconds: 10 }, t.clock.now);
    expect(started.mode).toBe("notice");
    expect(started.view.body[0]).toBe("Round starting: 3 questions, 10 seconds each. Watch the channel!");
    await driveUntil(() => questions().length === 1);
    const q1 = lastQuestion();
    expect(q1).toMatchObject({ to: TEAM, channelId: CHANNEL });
    expect(q1.view.title).toBe("Question 1 of 3");
    const buttons = answerButtons(q1.view);
    const round = await t.db.gameRound.findFirstOrThrow();
    const item = (await t.stores.cards.items([(JSON.parse(round.itemIds) as string[])[0]!]))[0]!;
    const right = buttons.find((b) => (item.content.kind === "true-false" ? b.choice === 1 : b.choice === 0))!;
    const wrong = buttons.find((b) => b !== right)!;

    // Three players: one right at once, one right later, one wrong.
    t.clock.advance(1000);
    const fast = await t.bot.click(player("2"), right.id, t.clock.now);
    expect(fast.mode).toBe("notice");
    expect(fast.view.body[0]).toBe(`Locked in: **${right.label}**`);
    t.clock.advance(4000);
    await t.bot.click(player("3"), right.id, t.clock.now);
    await t.bot.click(player("4"), wrong.id, t.clock.now);
    // A double click changes nothing, and says what was recorded.
    const again = await t.bot.click(player("4"), right.id, t.clock.now);
    expect(again.view.body[0]).toBe(`You already answered: **${wrong.label}**. Your first answer counts.`);
    const answers = await t.db.gameAnswer.findMany({ orderBy: { userId: "asc" } });
    expect(answers.map((a) => [a.userId, a.correct, a.points])).toEqual([
      ["discord:2", true, 145],
      ["discord:3", true, 125],
      ["discord:4", false, 0],
    ]);

    // The count is refreshed by an edit, then the question closes at its deadline.
    await driveUntil(() => sender.edits.some((e) => e.view.title === "Question 1 of 3: closed"));
    expect(sender.edits.some((e) => text(e.view).includes("3 players have answered"))).toBe(true);
    const closed = sender.edits.find((e) => e.view.title === "Question 1 of 3: closed")!;
    // The question's own message is edited (the fake names its first post so).
    expect(closed.messageRef).toBe(`${CHANNEL}/1`);
    expect(closed.view.buttons).toEqual([]);
    expect(text(closed.view)).toContain(`The answer: ${right.label}`);
    expect(text(closed.view)).toContain(`${right.label}: 2`);
    expect(text(closed.view)).toContain(`${wrong.label}: 1`);
    expect(text(closed.view)).toContain("Fastest right answer: discord:2 (1.0 s)");
    const late = await t.bot.click(player("5"), right.id, t.clock.now);
    expect(late.view.body[0]).toBe("Too late: this question has closed.");

    await driveUntil(() => sender.channel_.some((s) => s.once?.endsWith("|scores")));
    const board = sender.channel_.find((s) => s.once?.endsWith("|scores"))!;
    expect(text(board.view).split("\n").slice(1)).toEqual([
      "1. discord:2: 145 points",
      "2. discord:3: 125 points",
      "3. discord:4: 0 points",
    ]);

    // Question 2 closes as soon as all three players have answered, before its deadline.
    await driveUntil(() => questions().length === 2);
    const q2 = answerButtons(lastQuestion().view);
    for (const id of ["2", "3", "4"]) await t.bot.click(player(id), q2[0]!.id, t.clock.now);
    const before = t.clock.now.getTime();
    await driveUntil(() => sender.edits.some((e) => e.view.title === "Question 2 of 3: closed"));
    expect(t.clock.now.getTime() - before).toBeLessThan(10_000);

    await driveUntil(() => questions().length === 3);
    await driveUntil(() => sender.channel_.some((s) => s.once?.endsWith("|podium")));
    const podium = sender.channel_.find((s) => s.once?.endsWith("|podium"))!;
    expect(podium.view.title).toBe("Final podium");
    expect(text(podium.view)).toContain("3 players took part.");
    expect(await t.db.gameRound.findFirstOrThrow()).toMatchObject({ status: "finished", phase: "over", activeChannelKey: null });
    // Every post once; no scoreboard after the last question (the podium stands for it).
    expect(sender.channel_.map((s) => s.once!.split("|").slice(2).join("|"))).toEqual([
      "0|question",
      "0|scores",
      "1|question",
      "1|scores",
      "2|question",
      "podium",
    ]);
    const done = await t.bot.click(player("2"), q2[0]!.id, t.clock.now);
    expect(done.view.body[0]).toBe("You already answered: **" + q2[0]!.label + "**. Your first answer counts.");
  });

  it("feeds each answer into the player's schedule as a quiz answer, once per item and study day", async () => {
    await t.bot.command(starter, { name: "game", action: "start", topic: "net", questions: 3, seconds: 10 }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    t.clock.advance(2000);
    await t.bot.click(player("2"), answerButtons(lastQuestion().view)[0]!.id, t.clock.now);
    const logs1 = await t.db.reviewLog.findMany({ where: { userId: "discord:2" } });
    expect(logs1).toHaveLength(1);
    expect(logs1[0]).toMatchObject({ source: "quiz", xp: expect.any(Number) });
    expect(logs1[0]!.xp).toBeGreaterThan(0);
    const itemId = logs1[0]!.itemId;
    // The same item in a second round the same study day: scored, but the schedule hears nothing more.
    await t.bot.command(starter, { name: "game", action: "stop" }, t.clock.now);
    await driveUntil(() => sender.channel_.some((s) => s.once?.endsWith("|podium")));
    const items = JSON.parse((await t.db.gameRound.findFirstOrThrow()).itemIds) as string[];
    await t.db.gameRound.create({
      data: {
        id: "Round00002",
        teamId: TEAM,
        channelId: CHANNEL,
        activeChannelKey: `${TEAM}|${CHANNEL}`,
        starterId: starter.userId,
        locale: "en",
        mode: "mixed",
        questionCount: items.length,
        seconds: 10,
        itemIds: JSON.stringify([itemId, ...items.filter((i) => i !== itemId)]),
        startedAt: t.clock.now,
      },
    });
    await driveUntil(() => questions().length === 2);
    t.clock.advance(2000);
    const second = await t.bot.click(player("2"), answerButtons(lastQuestion().view)[0]!.id, t.clock.now);
    expect(second.view.body[0]).toMatch(/^Locked in/);
    expect(await t.db.reviewLog.count({ where: { userId: "discord:2" } })).toBe(1);
    expect(await t.db.gameAnswer.count({ where: { userId: "discord:2" } })).toBe(2);
  });

  it("records one answer when the same click arrives several times at once (platform retries)", async () => {
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    const [first, second] = answerButtons(lastQuestion().view);
    const replies = await Promise.all([first, first, second, first, second].map((b) => t.bot.click(player("2"), b!.id, t.clock.now)));
    const said = replies.map((r) => r.view.body[0]!);
    expect(said.filter((x) => x.startsWith("Locked in"))).toHaveLength(1);
    expect(said.filter((x) => x.startsWith("You already answered"))).toHaveLength(4);
    expect(await t.db.gameAnswer.count()).toBe(1);
    expect(await t.db.reviewLog.count()).toBe(1);
    expect((await t.db.gameRound.findFirstOrThrow()).answered).toBe(1);
  });

  it("refuses a second round in the channel, pointing at the running one", async () => {
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    const second = await t.bot.command(player("2"), { name: "game", action: "start" }, t.clock.now);
    // Discord links the question's message; the console names the channel.
    expect(renderDiscord(second.view).embeds[0]?.description).toBe(
      `A round is already running in this channel: https://discord.com/channels/100000000000000900/${CHANNEL}/1`,
    );
    expect(text(second.view)).toBe(`A round is already running in this channel: #${CHANNEL}`);
    expect(await t.db.gameRound.count()).toBe(1);
    // Another channel may have its own.
    const elsewhere = await t.bot.command(player("2", { channelId: "701" }), { name: "game", action: "start" }, t.clock.now);
    expect(elsewhere.view.body[0]).toMatch(/^Round starting/);
  });

  it("lets only the starter or an admin stop a round, then posts the podium", async () => {
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    const refused = await t.bot.command(player("2"), { name: "game", action: "stop" }, t.clock.now);
    expect(refused.view.body[0]).toBe("Only the person who started this round, or an admin, can stop it.");
    expect((await t.db.gameRound.findFirstOrThrow()).status).toBe("running");
    const stopped = await t.bot.command(player("3", { isAdmin: true }), { name: "game", action: "stop" }, t.clock.now);
    expect(stopped.view.body[0]).toBe("The round was stopped.");
    await driveUntil(() => sender.channel_.some((s) => s.once?.endsWith("|podium")));
    expect(text(sender.channel_.at(-1)!.view)).toContain("The round was stopped early.");
    expect(sender.edits.at(-1)!.view.buttons).toEqual([]);
    const late = await t.bot.click(player("2"), answerButtons(lastQuestion().view)[0]!.id, t.clock.now);
    expect(late.view.body[0]).toBe("This round has ended.");
    const none = await t.bot.command(starter, { name: "game", action: "stop" }, t.clock.now);
    expect(none.view.body[0]).toBe("No round is running in this channel.");
  });

  it("answers out-of-range options, forged buttons and a start outside a channel politely, recording nothing", async () => {
    const cases: [Parameters<TestBot["bot"]["command"]>[1], string][] = [
      [{ name: "game", action: "start", questions: 2 }, 'The option "questions" must be a whole number from 3 to 20.'],
      [{ name: "game", action: "start", questions: 21 }, 'The option "questions" must be a whole number from 3 to 20.'],
      [{ name: "game", action: "start", seconds: 9 }, 'The option "seconds" must be a whole number from 10 to 60.'],
      [{ name: "game", action: "start", seconds: 61 }, 'The option "seconds" must be a whole number from 10 to 60.'],
    ];
    for (const [command, said] of cases) expect((await t.bot.command(starter, command, t.clock.now)).view.body[0]).toBe(said);
    const ja = await t.bot.command({ ...starter, clientLocale: "ja" }, { name: "game", action: "start", seconds: 5 }, t.clock.now);
    expect(ja.view.body[0]).toBe("オプション「seconds」：10〜60 の整数で指定してください");
    const nowhere = await t.bot.command({ ...starter, channelId: undefined }, { name: "game", action: "start" }, t.clock.now);
    expect(nowhere.view.body[0]).toBe("A round is played in a channel: start it in one the bot can post in.");
    expect(await t.db.gameRound.count()).toBe(0);
    // Not even the person is recorded.
    expect(await t.db.user.count()).toBe(0);

    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    const real = answerButtons(lastQuestion().view)[0]!;
    const forged = [
      actionId({ kind: "game-answer", roundId: "NoSuchRnd1", position: 0, choice: 0 }),
      actionId({ kind: "game-answer", roundId: real.roundId, position: 5, choice: 0 }),
      actionId({ kind: "game-answer", roundId: real.roundId, position: 0, choice: 4 }),
      `ga:${real.roundId}:0:9`,
      `ga:${real.roundId}:0`,
      `ga:${real.roundId}:0:0:extra`,
    ];
    for (const id of forged) {
      const reply = await t.bot.click(player("2"), id, t.clock.now);
      expect(reply.mode).toBe("notice");
      expect(reply.view.body[0]).toBe("This button is no longer valid. Start again with /study or /quiz.");
    }
    // A button of this round pressed from another team or channel.
    for (const who of [player("2", { teamId: "discord:100000000000000901" }), player("2", { channelId: "701" })]) {
      expect((await t.bot.click(who, real.id, t.clock.now)).view.body[0]).toBe(
        "This button is no longer valid. Start again with /study or /quiz.",
      );
    }
    expect(await t.db.gameAnswer.count()).toBe(0);
    expect(await t.db.reviewLog.count()).toBe(0);
    expect(await t.db.user.count({ where: { id: "discord:2" } })).toBe(0);
  });

  it("posts a Japanese team's round in Japanese and acknowledges an English clicker in English", async () => {
    await t.bot.command({ ...starter, clientLocale: "ja" }, { name: "stats" }, t.clock.now);
    await t.stores.teams.updateTeam(TEAM, { locale: "ja" });
    await t.bot.command(starter, { name: "game", action: "start", topic: "net", questions: 3 }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    const q = lastQuestion();
    expect(q.view.title).toBe("第1問（全3問）");
    expect(text(q.view)).toContain("締め切り：");
    const b = answerButtons(q.view)[0]!;
    const english = await t.bot.click(player("2", { clientLocale: "en" }), b.id, t.clock.now);
    expect(english.view.body[0]).toMatch(/^Locked in: \*\*(A\. |True|False)/);
    const japanese = await t.bot.click(player("3", { clientLocale: "ja" }), b.id, t.clock.now);
    expect(japanese.view.body[0]).toMatch(/^回答を受け付けました：/);
    await driveUntil(() => sender.edits.some((e) => e.view.title?.endsWith("締め切りました")));
    await driveUntil(() => sender.channel_.some((s) => s.once?.endsWith("|scores")));
    expect(sender.channel_.at(-1)!.view.title).toBe("第1問終了時点のスコアボード（全3問）");
  });

  it("ends a round whose channel refuses posts and tells its starter, keeping nothing", async () => {
    sender.channelFailures.push("forbidden");
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driver().tick(t.clock.now);
    expect(await t.db.gameRound.count()).toBe(0);
    expect(sender.directTo(starter.userId).map((s) => s.view.body[0])).toEqual([
      "I could not post the round in that channel (I may not be allowed to post there), so the round was cancelled.",
    ]);
    // The channel is free again.
    expect((await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now)).view.body[0]).toMatch(/^Round starting/);
  });

  it("lets one of two drivers ticking together move each step: every post is sent once", async () => {
    await t.bot.command(starter, { name: "game", action: "start", questions: 3, seconds: 10 }, t.clock.now);
    const [a, b] = [driver("a"), driver("b")];
    for (let i = 0; i < 200 && !sender.channel_.some((s) => s.once?.endsWith("|podium")); i++) {
      await Promise.all([a.tick(t.clock.now), b.tick(t.clock.now)]);
      const open = lastQuestion();
      if (open && i % 3 === 0) await t.bot.click(player(String(2 + (i % 2))), answerButtons(open.view)[0]!.id, t.clock.now);
      t.clock.advance(500);
    }
    const keys = sender.channel_.map((s) => s.once);
    expect(keys).toHaveLength(6);
    expect(new Set(keys).size).toBe(6);
  });

  it("tries a failed post again after a pause, with the same key, and keeps the question's clock", async () => {
    await t.bot.command(starter, { name: "game", action: "start", seconds: 10 }, t.clock.now);
    sender.channelFailures.push("failed");
    const d = driver();
    await d.tick(t.clock.now);
    expect(sender.refused.map((s) => s.once)).toEqual([expect.stringMatching(/\|0\|question$/)]);
    const { deadline } = await t.db.gameRound.findFirstOrThrow();
    t.clock.advance(500);
    await d.tick(t.clock.now);
    expect(questions()).toHaveLength(0);
    t.clock.advance(2000);
    await d.tick(t.clock.now);
    expect(questions().map((s) => s.once)).toEqual(sender.refused.map((s) => s.once));
    expect(await t.db.gameRound.findFirstOrThrow()).toMatchObject({ phase: "open", deadline });
  });

  it("gives up on a channel whose posts keep failing for ten minutes, and tells the starter", async () => {
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    const d = driver();
    for (let i = 0; i < 400 && (await t.db.gameRound.count()) > 0; i++) {
      sender.channelFailures.push("failed");
      await d.tick(t.clock.now);
      t.clock.advance(2000);
    }
    expect(await t.db.gameRound.count()).toBe(0);
    expect(sender.refused.length).toBeGreaterThan(250);
    expect(sender.directTo(starter.userId)).toHaveLength(1);
  });

  it("ends a round nobody could drive for more than ten minutes, rather than resuming it", async () => {
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    t.clock.advance(11 * 60_000);
    await driveUntil(() => sender.channel_.some((s) => s.once?.endsWith("|podium")));
    expect(await t.db.gameRound.findFirstOrThrow()).toMatchObject({ status: "stopped", phase: "over", activeChannelKey: null });
    expect(questions()).toHaveLength(1);
  });

  it("builds weak rounds from the team's misses and due rounds from what members have due", async () => {
    // The team missed q-3 most, then q-2.
    const misses: [string, string, number][] = [
      ["discord:2", "q-3", 1],
      ["discord:3", "q-3", 1],
      ["discord:2", "q-2", 1],
      ["discord:3", "q-2", 3],
    ];
    for (const [userId, itemId, rating] of misses) {
      await t.bot.command(player(userId.slice(8)), { name: "stats" }, t.clock.now);
      await t.db.reviewLog.create({
        data: {
          userId,
          itemId,
          teamId: TEAM,
          version: await t.db.reviewLog.count({ where: { userId, itemId } }),
          rating,
          source: "quiz",
          reviewedAt: t.clock.now,
          studyDay: "2026-03-08",
          stateBefore: 0,
          after: "{}",
          xp: 0,
        },
      });
    }
    await t.bot.command(starter, { name: "game", action: "start", topic: "net", questions: 3, mode: "weak" }, t.clock.now);
    const weak = JSON.parse((await t.db.gameRound.findFirstOrThrow()).itemIds) as string[];
    expect(weak).toHaveLength(3);
    expect(weak).toEqual(expect.arrayContaining(["q-3", "q-2"]));
    expect(weak).not.toContain("q-5");
    await t.bot.command(starter, { name: "game", action: "stop" }, t.clock.now);

    await t.db.cardState.createMany({
      data: ["discord:2", "discord:3"].map((userId) => ({
        userId,
        itemId: "tf-1",
        state: 2,
        due: new Date("2026-03-08T00:00:00Z"),
        stability: 3,
        difficulty: 5,
        scheduledDays: 3,
        learningStep: 0,
        reps: 2,
        lapses: 0,
        version: 2,
      })),
    });
    await t.bot.command(starter, { name: "game", action: "start", topic: "net", questions: 3, mode: "due" }, t.clock.now);
    const due = JSON.parse((await t.db.gameRound.findFirstOrThrow({ where: { status: "running" } })).itemIds) as string[];
    expect(due).toContain("tf-1");
  });

  it("forgets a player's round answers with /forget-me", async () => {
    await t.bot.command(starter, { name: "game", action: "start" }, t.clock.now);
    await driveUntil(() => questions().length === 1);
    t.clock.advance(1000);
    await t.bot.click(player("2"), answerButtons(lastQuestion().view)[0]!.id, t.clock.now);
    await t.bot.click(player("3"), answerButtons(lastQuestion().view)[0]!.id, t.clock.now);
    const confirm = await t.bot.command(player("2"), { name: "forget-me" }, t.clock.now);
    const done = await t.bot.click(player("2"), confirm.view.buttons.flat()[0]!.action, t.clock.now);
    expect(done.view.body.join("\n")).toContain("1 live-round answers");
    expect((await t.db.gameAnswer.findMany()).map((a) => a.userId)).toEqual(["discord:3"]);
  });
});
