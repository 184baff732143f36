// The Discord adapter end to end: the real discord.js client against the local fake Discord, on a
// real database. Assertions are on what the bot sends.
import { InteractionResponseType, MessageFlags } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import type { Bot } from "../../src/core/bot.ts";
import type { StoredMessage } from "../fakes/discord/message-store.ts";
import { aChoiceQuestion, aFiveChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { firstNewPrompt, newCardOrder } from "../support/new-card-order.ts";
import { buttonId, buttonsOf, startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";

const items = [
  aFlashcard("card-1"),
  aFlashcard("card-2"),
  // The questions come after both flashcards, so everyone's first card is a flashcard.
  aChoiceQuestion("q-1", { topics: ["net"], requires: ["card-1", "card-2"] }),
  aChoiceQuestion("q-2", { topics: ["net"], requires: ["card-1", "card-2"] }),
];
const library = aLibrary(items);

/** Every message the bot sent stays inside Discord's limits. */
function expectWithinDiscordLimits(messages: StoredMessage[]) {
  for (const m of messages) {
    expect(m.content.length).toBeLessThanOrEqual(2000);
    expect(m.embeds.length).toBeLessThanOrEqual(10);
    for (const e of m.embeds) {
      expect((e.title ?? "").length).toBeLessThanOrEqual(256);
      expect((e.description ?? "").length).toBeLessThanOrEqual(4096);
    }
    expect(m.components.length).toBeLessThanOrEqual(5);
    for (const row of m.components) {
      const buttons = "components" in row ? (row.components as { label?: string; custom_id?: string }[]) : [];
      expect(buttons.length).toBeLessThanOrEqual(5);
      for (const b of buttons) {
        expect((b.label ?? "").length).toBeLessThanOrEqual(80);
        expect((b.custom_id ?? "").length).toBeLessThanOrEqual(100);
      }
    }
    expect(m.api.mentions ?? []).toEqual([]);
  }
}

describe.each(DATABASES)("the Discord adapter on %s", (kind) => {
  let h: DiscordHarness;
  afterEach(async () => {
    expect(h.fake.internalErrors).toEqual([]);
    await h.stop();
  });

  async function click(
    message: StoredMessage,
    label: string,
    user: Parameters<DiscordHarness["fake"]["interact"]["component"]>[0]["user"],
  ) {
    const handle = h.fake.interact.component({ customId: buttonId(message, label), message: message.id, user });
    await handle.settled(30);
    return handle;
  }

  it("runs a whole /study session in one ephemeral message: show, rate, next card, all done", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild({ name: "Backend Club" });
    const user = h.fake.addUser({ username: "aiko" });
    const command = h.fake.interact.command({ name: "study", options: { topic: "basics" }, user, guildId: guild.id });
    expect((await command.response()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(command.callbackLatencyMs).toBeLessThan(3000);
    const message = command.messages()[0]!;
    expect(message.ephemeral).toBe(true);
    // The two cards of the topic, in this person's order of new cards (user ids differ between runs).
    const [first, second] = newCardOrder(`discord:${user.id}`, items).filter((id) => id.startsWith("card-"));
    expect(textOf(message)).toContain(`Front of ${first}`);

    let handle = await click(message, "Show answer", user);
    expect((await handle.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(buttonsOf(h.fake.message(message.id)).map((b) => b.label)).toEqual([
      "Again · 1m",
      "Hard · 6m",
      "Good · 10m",
      expect.stringMatching(/^Easy · \d+d$/),
      "Report a problem",
    ]);
    handle = await click(h.fake.message(message.id)!, "Good", user);
    expect(textOf(h.fake.message(message.id))).toContain("Rated Good: next review in 10 min.");
    expect(textOf(h.fake.message(message.id))).toContain(`Front of ${second}`);
    await click(h.fake.message(message.id)!, "Show answer", user);
    await click(h.fake.message(message.id)!, "Easy", user);
    expect(textOf(h.fake.message(message.id))).toContain("All done. Next review in 10 min.");

    expect(h.fake.messagesIn(guild.defaultChannelId).map((m) => m.id)).toEqual([message.id]);
    expect(await h.t.db.reviewLog.count()).toBe(2);
    expect(await h.t.db.member.findMany({ select: { teamId: true, userId: true } })).toEqual([
      { teamId: `discord:${guild.id}`, userId: `discord:${user.id}` },
    ]);
    expectWithinDiscordLimits(h.fake.messages);
  });

  it("runs a whole /quiz with explanations and a score", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const command = h.fake.interact.command({ name: "quiz", options: { topic: "net", count: 2 }, user, guildId: guild.id });
    await command.settled(30);
    const message = command.messages()[0]!;
    for (let i = 1; i <= 2; i++) {
      expect(textOf(h.fake.message(message.id))).toContain(`Question ${i} of 2`);
      await click(
        h.fake.message(message.id)!,
        buttonsOf(h.fake.message(message.id)).find((b) => b.label.includes("Right answer"))!.label,
        user,
      );
      expect(textOf(h.fake.message(message.id))).toContain("Correct!");
      expect(textOf(h.fake.message(message.id))).toContain("Because q-");
      await click(h.fake.message(message.id)!, i < 2 ? "Next question" : "See score", user);
    }
    expect(textOf(h.fake.message(message.id))).toContain("Quiz over: 2 of 2 correct (100%).");
    expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(2);
    expectWithinDiscordLimits(h.fake.messages);
  });

  it("names the answer by the letter its button showed, after a wrong /study pick and a wrong /quiz answer", async () => {
    h = await startDiscordHarness(kind, aLibrary(["q-1", "q-2", "q-3"].map((id) => aFiveChoiceQuestion(id))));
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const labelOf = (message: StoredMessage | undefined, text: string) => buttonsOf(message).find((b) => b.label.includes(text))!.label;
    const study = h.fake.interact.command({ name: "study", user, guildId: guild.id });
    await study.settled(30);
    const card = study.messages()[0]!;
    const rightLetters = [labelOf(card, "Right answer")[0]];
    await click(card, labelOf(card, "Wrong"), user);
    expect(textOf(h.fake.message(card.id))).toContain(`Not quite. The answer is **${labelOf(card, "Right answer")}**.`);
    expect(await h.t.db.reviewLog.findMany({ select: { rating: true, source: true } })).toEqual([{ rating: 1, source: "study" }]);

    const quiz = h.fake.interact.command({ name: "quiz", options: { count: 3 }, user, guildId: guild.id });
    await quiz.settled(30);
    const message = quiz.messages()[0]!;
    for (let i = 1; i <= 3; i++) {
      const right = labelOf(h.fake.message(message.id), "Right answer");
      rightLetters.push(right[0]);
      await click(h.fake.message(message.id)!, labelOf(h.fake.message(message.id), "Wrong"), user);
      expect(textOf(h.fake.message(message.id))).toContain(`Not quite. The answer is **${right}**.`);
      await click(h.fake.message(message.id)!, i < 3 ? "Next question" : "See score", user);
    }
    // The deck file writes every right answer last (E): the shuffles moved it.
    expect(rightLetters.some((l) => l !== "E")).toBe(true);
    expectWithinDiscordLimits(h.fake.messages);
  });

  it("registers every command and option with Japanese names and descriptions, and answers a ja user in Japanese", async () => {
    h = await startDiscordHarness(kind, library);
    const commands = h.fake.globalCommands as {
      name: string;
      name_localizations?: Record<string, string>;
      description_localizations?: Record<string, string>;
      options?: { name_localizations?: Record<string, string>; description_localizations?: Record<string, string> }[];
    }[];
    expect(commands.map((c) => c.name).sort()).toEqual([
      "deck",
      "export",
      "forget-me",
      "game",
      "help",
      "leaderboard",
      "quiz",
      "remind",
      "settings",
      "stats",
      "study",
      "team",
      "topics",
      "undo",
      "vacation",
    ]);
    for (const c of commands) {
      expect(c.name_localizations?.ja, c.name).toBeTruthy();
      expect(c.description_localizations?.ja, c.name).toBeTruthy();
      // Subcommands' options too (/deck import file, name...).
      const options = (c.options ?? []).flatMap((o) => [o, ...((o as { options?: (typeof o)[] }).options ?? [])]);
      for (const o of options) {
        expect(o.name_localizations?.ja).toBeTruthy();
        expect(o.description_localizations?.ja).toBeTruthy();
      }
    }
    expect(commands.find((c) => c.name === "study")?.name_localizations?.ja).toBe("学習");
    const guild = h.fake.addGuild();
    const user = h.fake.addUser({ locale: "ja" });
    const command = h.fake.interact.command({ name: "study", user, guildId: guild.id, locale: "ja" });
    await command.settled(30);
    const message = command.messages()[0]!;
    expect(buttonsOf(message).map((b) => b.label)).toEqual(["答えを見る"]);
    expect(textOf(message)).toContain("新しいカード");
    // Whichever card comes first in this person's order of new cards, in Japanese.
    expect(textOf(message)).toContain(firstNewPrompt(`discord:${user.id}`, items, "ja"));
    await click(message, "答えを見る", user);
    expect(buttonsOf(h.fake.message(message.id)).map((b) => b.label)).toEqual([
      "もう一度 · 1分",
      "難しい · 6分",
      "正解 · 10分",
      expect.stringMatching(/^簡単 · \d+日$/),
      "問題を報告",
    ]);
  });

  it("keeps the buttons of a message from before a restart working", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const command = h.fake.interact.command({ name: "study", user, guildId: guild.id });
    await command.settled(30);
    const message = command.messages()[0]!;
    await click(message, "Show answer", user);
    await h.restart();
    const handle = await click(h.fake.message(message.id)!, "Good", user);
    expect((await handle.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(textOf(h.fake.message(message.id))).toContain("Rated Good");
    expect(await h.t.db.reviewLog.count()).toBe(1);
    expect(h.fake.connections.length).toBe(2);
  });

  it("records one review when the same click is delivered twice, or clicked twice", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const command = h.fake.interact.command({ name: "study", user, guildId: guild.id });
    await command.settled(30);
    const message = command.messages()[0]!;
    await click(message, "Show answer", user);
    // The message as the user saw it before their first click landed.
    const answered = structuredClone(h.fake.message(message.id)!.api);
    const good = buttonId(h.fake.message(message.id), "Good");
    const first = h.fake.interact.component({ customId: good, message: answered, user });
    h.fake.dispatch("INTERACTION_CREATE", first.payload); // the gateway delivering the same interaction again
    await first.settled(100);
    expect(first.rejectedCallbacks).toEqual([]);
    const second = h.fake.interact.component({ customId: good, message: answered, user }); // a second click on the same button
    await second.settled(30);
    expect(second.callback?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(second.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(second.messages()[0])).toContain("You already rated this card");
    expect(await h.t.db.reviewLog.count()).toBe(1);
  });

  it("waits out a 429 with retry_after and loses nothing", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const command = h.fake.interact.command({ name: "study", user, guildId: guild.id });
    await command.settled(30);
    const message = command.messages()[0]!;
    await click(message, "Show answer", user);
    h.fake.failNext({ method: "POST", path: "/interactions/:id/:token/callback", status: 429, retryAfter: 0.3 });
    const handle = h.fake.interact.component({ customId: buttonId(h.fake.message(message.id), "Good"), message: message.id, user });
    await handle.settled(50);
    expect(handle.callback?.type).toBe(InteractionResponseType.UpdateMessage);
    expect(handle.callbackLatencyMs).toBeLessThan(3000);
    expect(handle.requests().filter((r) => r.status === 429)).toHaveLength(1);
    expect(textOf(h.fake.message(message.id))).toContain("Rated Good");
    expect(await h.t.db.reviewLog.count()).toBe(1);
  });

  it("answers unknown and malformed buttons and out-of-range options with a short private message, writing nothing", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const hostile = ["nonsense", "rt:card-1:0:9:", "rt:card-1:abc:3:", "qa:0123456789:0:1", "x".repeat(100), "st:NOT A TOPIC"];
    // A message from an older or tampered bot, carrying ids the current bot does not accept.
    const seeded = h.fake.seedMessage({
      channelId: guild.defaultChannelId,
      content: "old",
      components: [
        { type: 1, components: hostile.slice(0, 5).map((custom_id) => ({ type: 2, style: 2, label: "old", custom_id })) },
        { type: 1, components: hostile.slice(5).map((custom_id) => ({ type: 2, style: 2, label: "old", custom_id })) },
      ],
    });
    for (const customId of hostile) {
      const handle = h.fake.interact.component({ customId, message: seeded.id, user });
      await handle.settled(20);
      expect(handle.callback?.type, customId).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(((handle.callback?.data?.["flags"] as number) & MessageFlags.Ephemeral) !== 0).toBe(true);
      expect(textOf(handle.messages()[0])).toMatch(/no longer valid|ended|rated/);
    }
    const quiz = h.fake.interact.command({ name: "quiz", options: { count: 99 }, user, guildId: guild.id });
    await quiz.settled(20);
    expect(textOf(quiz.messages()[0])).toContain('The option "count" must be a whole number from 1 to 20.');
    const topic = h.fake.interact.command({ name: "study", options: { topic: "volcanoes" }, user, guildId: guild.id });
    await topic.settled(20);
    expect(textOf(topic.messages()[0])).toContain('There is no topic "volcanoes"');
    const settings = h.fake.interact.command({ name: "settings", options: { retention: 3 }, user, guildId: guild.id });
    await settings.settled(20);
    expect(textOf(settings.messages()[0])).toContain("retention must be between 0.7 and 0.97");
    expect(await h.t.db.reviewLog.count()).toBe(0);
    expect(await h.t.db.quizSession.count()).toBe(0);
  });

  it("works in DMs, also for a user whose DMs are closed, on the user's personal team", async () => {
    h = await startDiscordHarness(kind, library);
    const user = h.fake.addUser();
    h.fake.closeDms(user.id);
    const command = h.fake.interact.command({ name: "study", user });
    await command.settled(30);
    expect(command.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(command.messages()[0])).toContain(firstNewPrompt(`discord:${user.id}`, items));
    expect(await h.t.db.member.findMany({ select: { teamId: true } })).toEqual([{ teamId: `discord:@${user.id}` }]);
  });

  it("lets a user count their DMs for a server they study in", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild({ name: "Backend Club" });
    const user = h.fake.addUser();
    await h.fake.interact.command({ name: "stats", user, guildId: guild.id }).settled(20);
    const complete = h.fake.interact.autocomplete({ name: "settings", options: { server: "back" }, focused: "server", user });
    expect((await complete.response()).data?.["choices"]).toEqual([{ name: "Backend Club", value: guild.id }]);
    await h.fake.interact.command({ name: "settings", options: { server: guild.id }, user }).settled(20);
    const study = h.fake.interact.command({ name: "study", user });
    await study.settled(20);
    await click(study.messages()[0]!, "Show answer", user);
    await click(h.fake.message(study.messages()[0]!.id)!, "Good", user);
    expect((await h.t.db.reviewLog.findFirstOrThrow()).teamId).toBe(`discord:${guild.id}`);
    const stranger = h.fake.interact.command({ name: "settings", options: { server: "999999999999999999" }, user });
    await stranger.settled(20);
    expect(textOf(stranger.messages()[0])).toContain("you can only choose a server where you have used the bot");
  });

  it("offers topics by autocomplete, localized", async () => {
    h = await startDiscordHarness(kind, library);
    const user = h.fake.addUser({ locale: "ja" });
    const guild = h.fake.addGuild();
    const complete = h.fake.interact.autocomplete({
      name: "study",
      options: { topic: "ne" },
      focused: "topic",
      user,
      guildId: guild.id,
      locale: "ja",
    });
    expect((await complete.response()).data?.["choices"]).toEqual([{ name: "トピックnet (2)", value: "net" }]);
  });
});

describe("the Discord adapter when the core is slow or fails", () => {
  let h: DiscordHarness;
  afterEach(async () => {
    await h.stop();
  });

  function slowOrFailing(bot: Bot): Bot {
    return new Proxy(bot, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (key !== "command") return typeof value === "function" ? value.bind(target) : value;
        return async (...args: Parameters<Bot["command"]>) => {
          if (args[1].name === "stats") throw new Error("the database went away");
          if (args[1].name === "topics") await new Promise((r) => setTimeout(r, 400));
          return target.command(...args);
        };
      },
    });
  }

  it("defers when the core is slow, then edits the reply", async () => {
    h = await startDiscordHarness("sqlite", library, { wrapBot: slowOrFailing, router: { deferAfterMs: 50 } });
    const command = h.fake.interact.command({ name: "topics", user: h.fake.addUser(), guildId: h.fake.addGuild().id });
    expect((await command.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    await command.settled(700);
    expect(command.messages()[0]).toMatchObject({ loading: false, ephemeral: true });
    expect(textOf(command.messages()[0])).toContain("Topics");
  });

  it("answers an unexpected failure with an apology, logged once with context and without the token", async () => {
    h = await startDiscordHarness("sqlite", library, { wrapBot: slowOrFailing });
    const command = h.fake.interact.command({ name: "stats", user: h.fake.addUser(), guildId: h.fake.addGuild().id });
    await command.settled(30);
    expect(command.messages()[0]?.ephemeral).toBe(true);
    expect(textOf(command.messages()[0])).toContain("Sorry, something went wrong");
    const failures = h.logs.lines().filter((l) => l["msg"] === "discord interaction failed");
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ level: 50, interaction: { command: "stats" }, err: { message: "the database went away" } });
    expect(h.logs.text()).not.toContain("fake-token");
  });
});
