// Live quiz rounds on Discord end to end: the real discord.js client runs the bot's adapter against
// the local fake Discord on a real database, and the round's driver posts and edits the channel's
// messages through the Discord sender. Time is the test's clock: clicks are answered at it, and the
// driver is ticked with it, so nothing here waits for a real deadline.
import { InteractionResponseType } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { DiscordSender } from "../../src/adapters/discord/discord-sender.ts";
import { GameDispatcher } from "../../src/jobs/game-dispatcher.ts";
import type { APIUser } from "discord.js";
import type { Bot } from "../../src/core/bot.ts";
import type { StoredMessage } from "../fakes/discord/message-store.ts";
import { aFiveChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { buttonsOf, startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";

const library = aLibrary(
  [aFiveChoiceQuestion("q-1", ["net"]), aFiveChoiceQuestion("q-2", ["net"]), aFiveChoiceQuestion("q-3", ["net"]), aFlashcard("card-1")],
  ["net"],
);
/** Manage Server: what makes a Discord member an admin of the team. */
const MANAGE_GUILD = String(1n << 5n);
const NO_ADMIN = "0";
const UNKNOWN_BUTTON = "This button is no longer valid. Start again with /study or /quiz.";

describe.each(DATABASES)("live rounds on Discord, on %s", (kind) => {
  let h: DiscordHarness;
  let sender: DiscordSender;
  let driver: GameDispatcher;

  afterEach(async () => {
    expect(h.fake.internalErrors).toEqual([]);
    sender.rest.clearHashSweeper();
    sender.rest.clearHandlerSweeper();
    await h.stop();
  });

  async function start(options: { wrapBot?: (bot: Bot) => Bot } = {}) {
    h = await startDiscordHarness(kind, library, options);
    sender = new DiscordSender({ token: "fake-token", apiUrl: h.fake.restUrl });
    driver = new GameDispatcher({
      games: h.t.stores.games,
      cards: h.t.stores.cards,
      profiles: h.t.stores.profiles,
      sender,
      logger: h.logs.logger,
      owner: "test-instance",
    });
    const guild = h.fake.addGuild({ name: "Network Club" });
    const [aiko, ben, chen] = ["aiko", "ben", "chen"].map((username) => h.fake.addUser({ username }));
    return { guild, aiko: aiko!, ben: ben!, chen: chen! };
  }

  /** The round's driver ticks at the test clock's time until no step is due then (one step per tick). */
  async function tick(): Promise<number> {
    let steps = 0;
    for (let ticks = 0; ticks < 20; ticks++) {
      const taken = await driver.tick(h.t.clock.now);
      if (taken === 0) return steps;
      steps += taken;
    }
    throw new Error("the round's driver kept stepping at one instant");
  }

  async function game(
    user: APIUser,
    guildId: string,
    subcommand: "start" | "stop",
    options: Record<string, string | number> = {},
    where: { channelId?: string; memberPermissions?: string; locale?: string } = {},
  ): Promise<string> {
    const command = h.fake.interact.command({ name: "game", subcommand, options, user, guildId, ...where });
    await command.settled(30);
    const reply = command.messages()[0];
    expect(reply?.ephemeral).toBe(true);
    return said(reply);
  }

  /**
   * `user` clicks the button whose label contains `label` on a message: its current state by id, or a
   * version a client still shows (an API payload, as `fake.versions` returns them).
   */
  async function click(message: StoredMessage | StoredMessage["api"], label: string, user: APIUser, locale?: string) {
    const shown = "api" in message ? message.components : (message.components ?? []);
    const button = shown
      .flatMap((row) => ("components" in row ? (row.components as { label?: string; custom_id?: string }[]) : []))
      .find((b) => b.label?.includes(label));
    if (!button?.custom_id) throw new Error(`no button "${label}" on message ${message.id}`);
    const handle = h.fake.interact.component({
      customId: button.custom_id,
      message: "api" in message ? message.id : message,
      user,
      ...(locale ? { locale } : {}),
    });
    return acked(handle);
  }

  /** Waits for a click's private acknowledgement: a reply, or the follow-up after a deferral. */
  async function acked<T extends ReturnType<typeof h.fake.interact.component>>(handle: T): Promise<T> {
    await handle.response();
    await h.fake.waitFor(() => ackOf(handle), 5000, "the click's private acknowledgement");
    return handle;
  }

  /** The private acknowledgement a click got. */
  function ackOf(handle: ReturnType<typeof h.fake.interact.component>): StoredMessage | undefined {
    return handle.messages().find((m) => m.ephemeral && !m.loading && said(m) !== "");
  }

  /** What a message says, its empty parts left out. */
  const said = (m: StoredMessage | undefined) => textOf(m).trim();

  /** The bot's channel posts (interaction replies aside), oldest first. */
  const posts = (channelId: string) => h.fake.messagesIn(channelId).filter((m) => m.origin === "channel-message");

  it("plays a round with three players: the question, its live count, the reveal, the scoreboards and the podium", async () => {
    const { guild, aiko, ben, chen } = await start();
    const channel = guild.defaultChannelId;
    const startedAt = h.t.clock.now.getTime();
    expect(await game(aiko, guild.id, "start", { topic: "net", questions: 3, seconds: 20 })).toContain(
      "Round starting: 3 questions, 20 seconds each.",
    );
    expect(posts(channel)).toEqual([]);

    // Question 1 goes up with a countdown and one button per choice.
    await tick();
    const [question] = posts(channel);
    expect(question).toBeDefined();
    expect(textOf(question)).toContain("Question 1 of 3");
    expect(textOf(question)).toContain(`<t:${Math.floor(startedAt / 1000) + 20}:R>`);
    expect(textOf(question)).toContain("0 players have answered");
    expect(buttonsOf(question)).toHaveLength(5);
    expect(buttonsOf(question).map((b) => b.label[0])).toEqual(["A", "B", "C", "D", "E"]);
    const asked = /Question (q-\d)\?/.exec(textOf(question))![1]!;

    // Three players answer differently: aiko right after 2 s, ben wrong after 4 s, chen right after 6 s.
    h.t.clock.advance(2_000);
    const aikoClick = await click(question!, "Right answer", aiko);
    // Acknowledged at once as an update of the public message (which it leaves as it is), then told privately.
    expect((await aikoClick.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(ackOf(aikoClick)?.origin).toBe("follow-up");
    expect(said(ackOf(aikoClick))).toMatch(/^Locked in: \*\*[A-E]\. Right answer of q-\d\*\*/);
    h.t.clock.advance(2_000);
    expect(said(ackOf(await click(question!, "Wrong one", ben)))).toContain("Locked in: **");
    h.t.clock.advance(2_000);
    expect(said(ackOf(await click(question!, "Right answer", chen)))).toContain("Locked in: **");
    // The clicks changed nothing on the public message: only the driver edits it.
    expect(h.fake.message(question!.id)?.editCount).toBe(0);

    // The driver's next tick shows the count (at most every 2 s).
    await tick();
    expect(textOf(h.fake.message(question!.id))).toContain("3 players have answered");
    await tick();
    expect(h.fake.message(question!.id)?.editCount).toBe(1);

    // Time is up: the question closes with the answer, the explanation, the picks and the fastest player.
    h.t.clock.set(new Date(startedAt + 20_000).toISOString());
    await tick();
    const closed = textOf(h.fake.message(question!.id));
    expect(closed).toContain("Question 1 of 3: closed");
    expect(closed).toMatch(/The answer: \*\*[A-E]\. Right answer of q-\d\*\*/);
    expect(closed).toContain(`Because ${asked}`);
    expect(closed).toMatch(/✅ [A-E]\. Right answer of q-\d: 2/);
    expect(closed).toMatch(/[A-E]\. Wrong one of q-\d: 1/);
    expect(closed).toMatch(/[A-E]\. Wrong two of q-\d: 0/);
    expect(closed).toContain(`Fastest right answer: <@${aiko.id}> (2.0 s)`);
    expect(buttonsOf(h.fake.message(question!.id))).toEqual([]);
    expect(h.fake.versions(question!.id).map((v) => v.embeds[0]?.title)).toEqual([
      "Question 1 of 3",
      "Question 1 of 3",
      "Question 1 of 3: closed",
    ]);

    // The scoreboard after question 1: faster right answers first, the wrong answer last with 0.
    const board = posts(channel)[1];
    expect(textOf(board)).toContain("Scoreboard after question 1 of 3");
    const lines = textOf(board)
      .split("\n")
      .filter((l) => /^\d\. /.test(l));
    expect(lines.map((l) => /<@(\d+)>/.exec(l)?.[1])).toEqual([aiko.id, chen.id, ben.id]);
    expect(lines[2]).toContain(": 0 points");
    const points = lines.map((l) => Number(/: (\d+) points?/.exec(l)?.[1]));
    expect(points[0]).toBeGreaterThan(points[1]!);
    expect(points[1]).toBeGreaterThanOrEqual(100);
    expect(points[0]).toBeLessThanOrEqual(150);

    // Question 2 after the pause; once all three answered it closes without waiting for its deadline.
    await tick();
    expect(posts(channel)).toHaveLength(2);
    h.t.clock.advance(3_000);
    await tick();
    const second = posts(channel)[2]!;
    expect(textOf(second)).toContain("Question 2 of 3");
    for (const [who, label] of [
      [aiko, "Wrong two"],
      [ben, "Right answer"],
      [chen, "Wrong one"],
    ] as const) {
      h.t.clock.advance(1_000);
      await click(second, label, who);
    }
    await tick();
    expect(textOf(h.fake.message(second.id))).toContain("Question 2 of 3: closed");
    expect(textOf(h.fake.message(second.id))).toContain(`Fastest right answer: <@${ben.id}>`);

    // Question 3: nobody answers; the podium follows its close.
    h.t.clock.advance(3_000);
    await tick();
    await tick();
    const third = posts(channel).find((m) => textOf(m).includes("Question 3 of 3"))!;
    h.t.clock.advance(20_000);
    await tick();
    await tick();
    expect(textOf(h.fake.message(third.id))).toContain("Nobody got this one.");
    const podium = posts(channel).at(-1)!;
    expect(textOf(podium)).toContain("Final podium");
    expect(textOf(podium)).toContain("3 players took part.");
    const medals = textOf(podium)
      .split("\n")
      .filter((l) => /^🥇|^🥈|^🥉/.test(l));
    expect(medals).toHaveLength(3);
    expect(medals[0]).toContain(`<@${aiko.id}>`);
    // Nothing more happens on later ticks: no second podium.
    h.t.clock.advance(10_000);
    await tick();
    expect(posts(channel).filter((m) => textOf(m).includes("Final podium"))).toHaveLength(1);
    expect(posts(channel).map((m) => m.embeds[0]?.title)).toEqual([
      "Question 1 of 3: closed",
      "Scoreboard after question 1 of 3",
      "Question 2 of 3: closed",
      "Scoreboard after question 2 of 3",
      "Question 3 of 3: closed",
      "Final podium",
    ]);

    // Every answer was recorded once, and fed each player's schedule as a quiz answer.
    expect(await h.t.db.gameAnswer.count()).toBe(6);
    expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(6);
    expect(await h.t.db.gameRound.findFirst({ select: { status: true, activeChannelKey: true } })).toEqual({
      status: "finished",
      activeChannelKey: null,
    });
    // The round's mentions never ping anyone.
    for (const m of posts(channel)) expect(m.api.mentions ?? []).toEqual([]);
  });

  it("records a double click once and tells a late click it is too late, from a stale message too", async () => {
    const { guild, aiko, ben } = await start();
    await game(aiko, guild.id, "start", { topic: "net", questions: 3, seconds: 20 });
    await tick();
    const question = posts(guild.defaultChannelId)[0]!;
    const posted = h.fake.versions(question.id)[0]!;

    // A double click: two presses at once, one recorded, the other told the first answer counts.
    h.t.clock.advance(1_000);
    const both = await Promise.all([click(question, "Wrong one", ben), click(question, "Right answer", ben)]);
    const acks = both.map((c) => said(ackOf(c))).sort();
    expect(acks[0]).toMatch(/^Locked in: \*\*[A-E]\. (Wrong one|Right answer) of q-\d\*\*/);
    expect(acks[1]).toMatch(/^You already answered: \*\*[A-E]\. (Wrong one|Right answer) of q-\d\*\*\. Your first answer counts\./);
    // Both name the answer that was kept.
    const kept = /\*\*(.+?)\*\*/.exec(acks[0]!)![1];
    expect(/\*\*(.+?)\*\*/.exec(acks[1]!)![1]).toBe(kept);
    // Pressing again later changes nothing either.
    expect(said(ackOf(await click(question, "Wrong two", ben)))).toContain(`You already answered: **${kept}**`);
    expect(await h.t.db.gameAnswer.count()).toBe(1);
    expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(1);

    // A click after the deadline, before the driver closed the question: too late, nothing recorded.
    h.t.clock.advance(20_000);
    expect(said(ackOf(await click(question, "Right answer", aiko)))).toBe("Too late: this question has closed.");
    // The driver closes it; a client still showing the old buttons clicks them: too late again.
    await tick();
    expect(buttonsOf(h.fake.message(question.id))).toEqual([]);
    expect(said(ackOf(await click(posted, "Right answer", aiko)))).toBe("Too late: this question has closed.");
    // ...and while question 2 is open, a click on question 1's old buttons is still too late.
    h.t.clock.advance(3_000);
    await tick();
    expect(posts(guild.defaultChannelId).some((m) => textOf(m).includes("Question 2 of 3"))).toBe(true);
    expect(said(ackOf(await click(posted, "Wrong two", aiko)))).toBe("Too late: this question has closed.");
    expect(await h.t.db.gameAnswer.count()).toBe(1);
    expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(1);
  });

  it("answers a second start in the same channel with a link to the running round, and starts one in another channel", async () => {
    const { guild, aiko, ben } = await start();
    const [general, other] = guild.textChannelIds;
    await game(aiko, guild.id, "start", { topic: "net", questions: 3 });
    // Before its first question is up, the link names the channel.
    expect(await game(ben, guild.id, "start", {})).toBe(`A round is already running in this channel: <#${general}>`);
    await tick();
    const question = posts(general!)[0]!;
    expect(await game(ben, guild.id, "start", { questions: 5 })).toBe(
      `A round is already running in this channel: https://discord.com/channels/${guild.id}/${general}/${question.id}`,
    );
    expect(await h.t.db.gameRound.count()).toBe(1);
    // Another channel of the same server has a round of its own.
    expect(await game(ben, guild.id, "start", { topic: "net", questions: 3 }, { channelId: other! })).toContain("Round starting");
    await tick();
    expect(posts(other!)).toHaveLength(1);
    expect(posts(general!)).toHaveLength(1);
    expect(await h.t.db.gameRound.count({ where: { status: "running" } })).toBe(2);
  });

  it("lets only the starter or an admin stop a round, then closes the open question and posts the podium", async () => {
    const { guild, aiko, ben, chen } = await start();
    const channel = guild.defaultChannelId;
    await game(aiko, guild.id, "start", { topic: "net", questions: 3 });
    await tick();
    const question = posts(channel)[0]!;
    h.t.clock.advance(1_000);
    await click(question, "Right answer", chen);

    expect(await game(ben, guild.id, "stop", {}, { memberPermissions: NO_ADMIN })).toBe(
      "Only the person who started this round, or an admin, can stop it.",
    );
    await tick();
    expect(await h.t.db.gameRound.findFirst({ select: { status: true } })).toEqual({ status: "running" });
    expect(posts(channel)).toHaveLength(1);

    // An admin (Manage Server) may stop anyone's round.
    expect(await game(ben, guild.id, "stop", {}, { memberPermissions: MANAGE_GUILD })).toBe("The round was stopped.");
    await tick();
    expect(textOf(h.fake.message(question.id))).toContain("Question 1 of 3: closed");
    const podium = posts(channel).at(-1)!;
    expect(textOf(podium)).toContain("Final podium");
    expect(textOf(podium)).toContain("The round was stopped early.");
    expect(textOf(podium)).toContain(`<@${chen.id}>`);
    expect(textOf(podium)).toContain("1 player took part.");
    await tick();
    expect(posts(channel)).toHaveLength(2);
    expect(await game(aiko, guild.id, "stop")).toBe("No round is running in this channel.");
    // The channel is free again.
    expect(await game(aiko, guild.id, "start", { topic: "net", questions: 3 })).toContain("Round starting");
  });

  it("posts a Japanese team's round in Japanese and acknowledges an English reader in English", async () => {
    const { guild, aiko, ben } = await start();
    const channel = guild.defaultChannelId;
    const admin = h.fake.interact.command({
      name: "team",
      options: { language: "ja" },
      user: aiko,
      guildId: guild.id,
      memberPermissions: MANAGE_GUILD,
      locale: "ja",
    });
    await admin.settled(30);
    expect(await h.t.db.team.findUnique({ where: { id: `discord:${guild.id}` }, select: { locale: true } })).toEqual({ locale: "ja" });
    // ben, who reads English, starts it: he is answered in English, the channel reads Japanese.
    expect(await game(ben, guild.id, "start", { topic: "net", questions: 3, seconds: 30 }, { locale: "en-US" })).toBe(
      "Round starting: 3 questions, 30 seconds each. Watch the channel!",
    );
    await tick();
    const question = posts(channel)[0]!;
    expect(textOf(question)).toContain("第1問（全3問）");
    expect(textOf(question)).toMatch(/Question q-\d\?（日本語）/);
    expect(textOf(question)).toContain("締め切り：<t:");
    expect(textOf(question)).toContain("0人が回答済み");
    expect(buttonsOf(question).every((b) => b.label.endsWith("（日本語）"))).toBe(true);

    // aiko reads Japanese; ben's client is in English: each is answered in their own language.
    h.t.clock.advance(1_000);
    expect(said(ackOf(await click(question, "Right answer", aiko, "ja")))).toMatch(
      /^回答を受け付けました：\*\*[A-E]\. Right answer of q-\d（日本語）\*\*/,
    );
    expect(said(ackOf(await click(question, "Wrong one", ben, "en-US")))).toMatch(/^Locked in: \*\*[A-E]\. Wrong one of q-\d\*\*/);
    // A second press by ben, still in English.
    expect(said(ackOf(await click(question, "Wrong two", ben, "en-US")))).toMatch(/^You already answered: /);

    h.t.clock.advance(30_000);
    await tick();
    const closed = textOf(h.fake.message(question.id));
    expect(closed).toContain("第1問（全3問）：締め切りました");
    expect(closed).toMatch(/正解：\*\*[A-E]\. Right answer of q-\d（日本語）\*\*/);
    expect(closed).toContain(`最速正解：<@${aiko.id}>（1.0秒）`);
    expect(closed).toMatch(/Wrong one of q-\d（日本語）：1人/);
    const board = posts(channel)[1]!;
    expect(textOf(board)).toContain("第1問終了時点のスコアボード（全3問）");
    expect(textOf(board)).toMatch(new RegExp(`1位 <@${aiko.id}>：\\d+点`));
    expect(textOf(board)).toContain(`2位 <@${ben.id}>：0点`);

    // Stopped early by its starter: the podium in Japanese too.
    expect(await game(ben, guild.id, "stop", {}, { locale: "en-US" })).toBe("The round was stopped.");
    await tick();
    const podium = textOf(posts(channel).at(-1));
    expect(podium).toContain("最終結果の表彰台");
    expect(podium).toContain("ラウンドは途中で終了しました。");
    expect(podium).toContain("参加者：2人");
  });

  it("refuses forged and tampered buttons, out-of-range options and a channel the bot cannot post in, recording nothing", async () => {
    const { guild, aiko, ben } = await start();
    const [general, closedChannel] = guild.textChannelIds;

    // Out of range: a clear message, and no round.
    expect(await game(aiko, guild.id, "start", { topic: "net", questions: 2 })).toBe(
      'The option "questions" must be a whole number from 3 to 20.',
    );
    expect(await game(aiko, guild.id, "start", { topic: "net", questions: 21 })).toBe(
      'The option "questions" must be a whole number from 3 to 20.',
    );
    expect(await game(aiko, guild.id, "start", { topic: "net", seconds: 9 })).toBe(
      'The option "seconds" must be a whole number from 10 to 60.',
    );
    expect(await game(aiko, guild.id, "start", { topic: "net", seconds: 61 })).toBe(
      'The option "seconds" must be a whole number from 10 to 60.',
    );
    expect(await h.t.db.gameRound.count()).toBe(0);

    // A round in a channel the bot may not post in: Discord says so in the command's app_permissions, so
    // the answer comes at once; nothing is posted or kept.
    h.fake.denyBot(closedChannel!, "send");
    expect(await game(aiko, guild.id, "start", { topic: "net", questions: 3 }, { channelId: closedChannel! })).toBe(
      "A round is played in a channel: start it in one the bot can post in.",
    );
    expect(await h.t.db.gameRound.count()).toBe(0);
    // Should the permission go after the round started, its first post is refused (403 50013): the round is
    // cancelled without a trace and its starter told in a direct message.
    h.fake.allowBot(closedChannel!);
    expect(await game(aiko, guild.id, "start", { topic: "net", questions: 3 }, { channelId: closedChannel! })).toContain("Round starting");
    h.fake.denyBot(closedChannel!, "send");
    await tick();
    expect(h.fake.requestsTo("POST", `/channels/${closedChannel}/messages`).map((r) => r.status)).toEqual([403]);
    expect(posts(closedChannel!)).toEqual([]);
    expect(h.fake.dmMessages(aiko.id).map(said)).toEqual([
      "I could not post the round in that channel (I may not be allowed to post there), so the round was cancelled.",
    ]);
    expect(await h.t.db.gameRound.count()).toBe(0);
    expect(await h.t.db.gameAnswer.count()).toBe(0);

    // A real round, whose buttons are then forged.
    await game(aiko, guild.id, "start", { topic: "net", questions: 3 }, { channelId: general! });
    await tick();
    const question = posts(general!)[0]!;
    const [realId] = buttonsOf(question).map((b) => b.customId);
    const roundId = realId!.split(":")[1]!;
    const forged = (customId: string, channelId = general!) =>
      h.fake.seedMessage({
        channelId,
        content: "",
        components: [{ type: 1, components: [{ type: 2, style: 2, label: "A. forged", custom_id: customId }] }],
      });
    const forgeries = [
      "ga:nosuchround00:0:0", // a round that does not exist
      `ga:${roundId}:0:9`, // a choice the question does not have
      `ga:${roundId}:7:0`, // a question not asked
      `ga:${roundId}:0`, // cut short
      `ga:${roundId}:0:0:extra`, // with more parts
      `ga:${roundId}:-1:0`,
    ];
    for (const customId of forgeries) {
      const handle = h.fake.interact.component({ customId, message: forged(customId).id, user: ben });
      await acked(handle);
      expect(said(ackOf(handle)), customId).toBe(UNKNOWN_BUTTON);
    }
    // The round's own button, clicked from another channel of the server.
    const elsewhere = h.fake.interact.component({ customId: realId!, message: forged(realId!, guild.textChannelIds[2]).id, user: ben });
    await acked(elsewhere);
    expect(said(ackOf(elsewhere))).toBe(UNKNOWN_BUTTON);
    // ...and from another server.
    const otherGuild = h.fake.addGuild();
    const otherServer = h.fake.interact.component({
      customId: realId!,
      message: forged(realId!, otherGuild.defaultChannelId).id,
      user: ben,
    });
    await acked(otherServer);
    expect(said(ackOf(otherServer))).toBe(UNKNOWN_BUTTON);
    expect(await h.t.db.gameAnswer.count()).toBe(0);
    expect(await h.t.db.reviewLog.count()).toBe(0);
    // The forger was not even met: no person, no membership.
    expect(await h.t.db.user.count({ where: { id: `discord:${ben.id}` } })).toBe(0);
    expect(await h.t.db.member.count({ where: { userId: `discord:${ben.id}` } })).toBe(0);
  });

  it("posts each question once when two instances drive the round and one loses Discord's answer to its post, then dies", async () => {
    const { guild, aiko, ben } = await start();
    const channel = guild.defaultChannelId;
    // Instance B: its own REST client. Its first question post reaches Discord, but the answer is lost on the
    // way back (a reset after the work), so B does not know the message was made.
    const senderB = new DiscordSender({ token: "fake-token", apiUrl: h.fake.restUrl });
    const driverB = new GameDispatcher({
      games: h.t.stores.games,
      cards: h.t.stores.cards,
      profiles: h.t.stores.profiles,
      sender: {
        direct: (...a) => senderB.direct(...a),
        edit: (...a) => senderB.edit(...a),
        channel: async (...a) => {
          const sent = await senderB.channel(...a);
          return lostAnswers-- > 0 ? { ok: false, reason: "failed", detail: "the answer was lost" } : sent;
        },
      },
      logger: h.logs.logger,
      owner: "instance-b",
    });
    let lostAnswers = 1;
    const both = async () => {
      for (let ticks = 0; ticks < 20; ticks++) {
        const [a, b] = await Promise.all([driver.tick(h.t.clock.now), driverB.tick(h.t.clock.now)]);
        if (a + b === 0) return;
      }
      throw new Error("the drivers kept stepping at one instant");
    };
    try {
      // B drives first and loses its post's answer. It waits before trying again, and A cannot take the round
      // while B's lease holds.
      await game(aiko, guild.id, "start", { topic: "net", questions: 3 });
      expect(await driverB.tick(h.t.clock.now)).toBe(0);
      await both();
      expect(posts(channel)).toHaveLength(1);
      expect(h.fake.nonceRepeats).toBe(0);
      // B posts again with the same nonce: Discord answers with the message it made, and makes none.
      h.t.clock.advance(2_000);
      await both();
      expect(h.fake.nonceRepeats).toBe(1);
      const questions = posts(channel);
      expect(questions).toHaveLength(1);
      expect(await h.t.db.gameRound.findFirst({ select: { claimedBy: true, phase: true } })).toEqual({
        claimedBy: "instance-b",
        phase: "open",
      });

      h.t.clock.advance(1_000);
      await click(questions[0]!, "Right answer", aiko);
      await click(questions[0]!, "Wrong one", ben);
      // B dies. A takes the round over once B's lease has run out, and plays it on: nothing posted twice.
      h.t.clock.advance(20_000);
      for (let ticks = 0; ticks < 10 && (await tick()) === 0; ticks++) h.t.clock.advance(1_000);
      expect(await h.t.db.gameRound.findFirst({ select: { claimedBy: true } })).toEqual({ claimedBy: "test-instance" });
      for (let s = 0; s < 40 && !posts(channel).some((m) => said(m).includes("Final podium")); s++) {
        h.t.clock.advance(5_000);
        await tick();
      }
      expect(posts(channel).map((m) => m.embeds[0]?.title)).toEqual([
        "Question 1 of 3: closed",
        "Scoreboard after question 1 of 3",
        "Question 2 of 3: closed",
        "Scoreboard after question 2 of 3",
        "Question 3 of 3: closed",
        "Final podium",
      ]);
      expect(said(posts(channel).at(-1))).toContain("2 players took part.");
      expect(await h.t.db.gameAnswer.count()).toBe(2);
    } finally {
      senderB.rest.clearHashSweeper();
      senderB.rest.clearHandlerSweeper();
    }
  });

  it("acknowledges a click before its answer is worked out, leaving the public question untouched, and buttons work after a restart", async () => {
    // The core is slow to answer the first click (held until the test sees Discord's deferral), as under a burst
    // of clicks: the click is acknowledged anyway, before its answer is worked out.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const slowFirstClick = (bot: Bot): Bot =>
      new Proxy(bot, {
        get(target, name) {
          const value: unknown = Reflect.get(target, name, target);
          if (name !== "click" || typeof value !== "function") return typeof value === "function" ? value.bind(target) : value;
          return async (...args: Parameters<Bot["click"]>) => {
            await held;
            return target.click(...args);
          };
        },
      });
    const { guild, aiko, ben, chen } = await start({ wrapBot: slowFirstClick });
    await game(aiko, guild.id, "start", { topic: "net", questions: 3 });
    await tick();
    const question = posts(guild.defaultChannelId)[0]!;
    h.t.clock.advance(1_000);
    const button = buttonsOf(question).find((b) => b.label.includes("Right answer"))!;
    const slow = h.fake.interact.component({ customId: button.customId, message: question.id, user: aiko });
    // Deferred as an update of the clicked message, within Discord's 3 seconds: the public question stays as it is.
    expect((await slow.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect(slow.callbackLatencyMs).toBeLessThan(3000);
    release();
    await h.fake.waitFor(() => slow.messages().some((m) => m.origin === "follow-up"), 5000, "the private acknowledgement");
    const [ack] = slow.messages().filter((m) => m.origin === "follow-up");
    expect(ack).toMatchObject({ ephemeral: true });
    expect(said(ack)).toMatch(/^Locked in: \*\*[A-E]\. Right answer of q-\d\*\*$/);
    expect(h.fake.message(question.id)?.editCount).toBe(0);
    expect(h.fake.requestsTo("PATCH", "/webhooks/:app/:token/messages/@original")).toEqual([]);

    // The bot restarts mid-question: the buttons are stateless, the answers in the database.
    await h.restart();
    expect(said(ackOf(await click(question, "Wrong one", aiko)))).toMatch(/^You already answered: /);
    expect(said(ackOf(await click(question, "Wrong one", ben)))).toMatch(/^Locked in: /);
    h.t.clock.advance(1_000);
    await tick();
    expect(said(h.fake.message(question.id))).toContain("2 players have answered");
    expect(said(ackOf(await click(question, "Wrong two", chen)))).toMatch(/^Locked in: /);
    expect(await h.t.db.gameAnswer.count()).toBe(3);
    expect(h.fake.message(question.id)?.editCount).toBe(1);
  });
});
