// Proves the fake works with the real discord.js client: login over the fake gateway, interaction replies and
// updates through REST, injected rate limits, guild loading, reconnects, sharding and DM refusals.
import { setTimeout as sleep } from "node:timers/promises";
import { createInflate } from "node:zlib";
import {
  ActionRowBuilder,
  ButtonBuilder,
  ButtonStyle,
  Client,
  ComponentType,
  DiscordAPIError,
  EmbedBuilder,
  Events,
  GatewayIntentBits,
  InteractionResponseType,
  MessageFlags,
  ModalBuilder,
  SlashCommandBuilder,
  TextInputBuilder,
  TextInputStyle,
  type ClientOptions,
  type Interaction,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { WebSocket } from "ws";
import { FakeDiscord, type FakeDiscordOptions } from "./fake-discord.ts";

let fake: FakeDiscord;
let clients: Client[] = [];
/** Errors thrown by the bot's interaction handlers in the current test. */
let handlerErrors: unknown[] = [];

async function startFake(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  fake = await FakeDiscord.start({ heartbeatIntervalMs: 1000, ...options });
  return fake;
}

beforeEach(() => {
  handlerErrors = [];
});

afterEach(async () => {
  await Promise.all(clients.map((c) => c.destroy()));
  clients = [];
  await fake.stop();
});

/** Logs a real client in against the fake and resolves once it is ready. */
async function startClient(
  onInteraction: (interaction: Interaction) => Promise<void>,
  options: Partial<ClientOptions> = {},
): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], rest: { api: fake.restUrl }, ...options });
  clients.push(client);
  client.on(Events.InteractionCreate, (interaction) => {
    onInteraction(interaction).catch((error: unknown) => handlerErrors.push(error));
  });
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  await client.login("fake-token");
  await ready;
  return client;
}

function studyButtons(label: string) {
  return [
    new ActionRowBuilder<ButtonBuilder>().addComponents(
      new ButtonBuilder().setCustomId("study:again").setLabel(label).setStyle(ButtonStyle.Primary),
      new ButtonBuilder().setCustomId("study:good").setLabel("Good").setStyle(ButtonStyle.Success),
    ),
  ];
}

describe("FakeDiscord with the real discord.js client", () => {
  it("answers a slash command with an ephemeral reply, then updates that message on a button click", async () => {
    await startFake();
    const guild = fake.addGuild({ name: "Kanji Club" });
    const user = fake.addUser({ username: "aiko", locale: "ja" });
    const client = await startClient(async (interaction) => {
      if (interaction.isChatInputCommand()) {
        await interaction.reply({
          content: `Deck ${interaction.options.getString("deck")} (${interaction.locale})`,
          components: studyButtons("Again"),
          flags: MessageFlags.Ephemeral,
        });
      } else if (interaction.isButton() && interaction.customId === "study:good") {
        await interaction.update({ content: "Marked good", components: studyButtons("Again") });
      } else if (interaction.isButton()) {
        await interaction.deferUpdate();
        await interaction.editReply({ content: "Queued again", components: [] });
      }
    });
    expect(fake.connections[0]).toMatchObject({
      identified: true,
      hadToken: true,
      shard: [0, 1],
      intents: GatewayIntentBits.Guilds,
      query: { v: "10", encoding: "json" },
    });
    expect(client.guilds.cache.get(guild.id)?.name).toBe("Kanji Club");
    expect(fake.requestsTo("GET", "/gateway/bot")[0]?.hasAuthorization).toBe(true);

    const command = fake.interact.command({ name: "study", options: { deck: "n5" }, user, guildId: guild.id });
    const callback = await command.response();
    expect(callback).toMatchObject({ type: InteractionResponseType.ChannelMessageWithSource, withResponse: false });
    expect(command.callbackLatencyMs).toBeLessThan(3000);
    const [reply] = command.messages();
    expect(reply).toMatchObject({
      content: "Deck n5 (ja)",
      ephemeral: true,
      origin: "interaction-reply",
      channelId: guild.defaultChannelId,
    });
    expect(reply?.components).toHaveLength(1);
    expect(reply?.api.interaction_metadata).toMatchObject({ id: command.id, user: { id: user.id } });

    const click = fake.interact.component({ customId: "study:good", message: reply?.id ?? "", user });
    expect((await click.response()).type).toBe(InteractionResponseType.UpdateMessage);
    expect(fake.message(reply?.id ?? "")).toMatchObject({ content: "Marked good", ephemeral: true, editCount: 1 });
    expect(click.messages().map((m) => m.id)).toEqual([reply?.id]);
    expect((click.payload["message"] as { id: string }).id).toBe(reply?.id);

    // DEFERRED_UPDATE_MESSAGE, then editReply edits the component's message (the interaction's @original).
    const again = fake.interact.component({ customId: "study:again", message: reply?.id ?? "", user });
    expect((await again.response()).type).toBe(InteractionResponseType.DeferredMessageUpdate);
    await again.settled(100);
    expect(fake.message(reply?.id ?? "")).toMatchObject({ content: "Queued again", components: [], editCount: 2 });
    expect(fake.messagesIn(guild.defaultChannelId)).toHaveLength(1);
    // Callbacks are answered 204 without a body: discord.js throws on an empty body labelled JSON.
    expect(fake.requestsTo("POST", "/interactions/:id/:token/callback").map((r) => [r.status, r.hasAuthorization])).toEqual([
      [204, false],
      [204, false],
      [204, false],
    ]);
    expect(fake.requestsTo("PATCH", "/webhooks/:app/:token/messages/@original")).toHaveLength(1);
    expect(handlerErrors).toEqual([]);
    expect(fake.internalErrors).toEqual([]);
  });

  it("records a deferred reply that is edited later, and a follow-up", async () => {
    await startFake();
    const user = fake.addUser();
    await startClient(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await sleep(100);
      await interaction.editReply({ content: "Your stats", embeds: [new EmbedBuilder().setTitle("Streak").setDescription("12 days")] });
      await interaction.followUp({ content: "Tip: review daily", flags: MessageFlags.Ephemeral });
    });
    const command = fake.interact.command({ name: "stats", user }); // no guildId: a DM with the bot
    expect((await command.response()).type).toBe(InteractionResponseType.DeferredChannelMessageWithSource);
    expect(command.originalMessage).toMatchObject({ loading: true, content: "" });
    await command.settled(150);
    const [original, followUp] = command.messages();
    expect(original).toMatchObject({ origin: "deferred-reply", loading: false, content: "Your stats", editCount: 1, ephemeral: false });
    expect(original?.embeds[0]).toMatchObject({ title: "Streak", description: "12 days" });
    expect(followUp).toMatchObject({ origin: "follow-up", content: "Tip: review daily", ephemeral: true });
    expect(followUp?.api.interaction_metadata?.original_response_message_id).toBe(original?.id);
    expect(fake.dmMessages(user.id).map((m) => m.id)).toEqual([original?.id, followUp?.id]);
    expect(handlerErrors).toEqual([]);
  });

  it("answers with_response=true with the interaction callback resource", async () => {
    await startFake();
    const user = fake.addUser();
    let resourceMessageId: string | undefined;
    await startClient(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const response = await interaction.reply({ content: "Card 1/10", withResponse: true });
      resourceMessageId = response.resource?.message?.id;
    });
    const command = fake.interact.command({ name: "review", user });
    expect((await command.response()).withResponse).toBe(true);
    await fake.waitFor(() => resourceMessageId, 2000, "the reply's message id");
    expect(resourceMessageId).toBe(command.originalMessage?.id);
    expect(command.requests()[0]).toMatchObject({ status: 200, query: { with_response: "true" } });
  });

  it("lets discord.js wait out an injected 429 on the interaction callback", async () => {
    await startFake();
    const user = fake.addUser();
    await startClient(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply("Due cards: 3");
    });
    fake.failNext({ method: "POST", path: "/interactions/:id/:token/callback", status: 429, retryAfter: 0.5 });
    const command = fake.interact.command({ name: "due", user });
    const callback = await command.response();
    // Retry-After is sent rounded up to whole seconds, as Discord does, and @discordjs/rest obeys the header.
    expect(callback.latencyMs).toBeGreaterThanOrEqual(1000);
    expect(callback.latencyMs).toBeLessThan(3000);
    expect(command.requests().map((r) => [r.status, r.injected])).toEqual([
      [429, true],
      [204, false],
    ]);
    expect(command.requests()[0]?.errorCode).toBe(0);
    expect(fake.rateLimited).toBe(1);
    expect(command.messages()[0]?.content).toBe("Due cards: 3");
  });

  it("sends GUILD_CREATE for the guilds given before login and for guilds added later", async () => {
    await startFake();
    const initial = fake.addGuilds(3, { channels: 2, members: 4, roles: 1, emojis: 2 });
    const client = await startClient(async () => undefined);
    expect(client.guilds.cache.size).toBe(3);
    const first = client.guilds.cache.get(initial[0]?.id ?? "");
    expect(first?.channels.cache.size).toBe(3); // a category and two text channels
    expect(first?.members.cache.size).toBe(5); // four members and the bot
    expect(first?.roles.cache.size).toBe(2); // @everyone and one role
    expect(first?.emojis.cache.size).toBe(2);
    expect(first?.members.cache.get(initial[0]?.memberUserId(1) ?? "")?.user.username).toMatch(/^learner_/);

    const joined = new Promise<string>((resolve) => client.once(Events.GuildCreate, (guild) => resolve(guild.id)));
    const [late] = fake.addGuilds(1, { channels: 1, members: 100 });
    expect(await joined).toBe(late?.id);
    // Over the large threshold (50) Discord sends only the bot's own member.
    expect(client.guilds.cache.get(late?.id ?? "")?.memberCount).toBe(101);
    expect(client.guilds.cache.get(late?.id ?? "")?.members.cache.size).toBe(1);
  });

  it("keeps working after the gateway drops the connection: the client resumes and gets missed events", async () => {
    await startFake();
    const guild = fake.addGuild();
    const user = fake.addUser();
    const client = await startClient(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply(`pong from shard ${interaction.guild?.shardId ?? "?"}`);
    });
    const resumed = new Promise<void>((resolve) => client.once(Events.ShardResume, () => resolve()));
    fake.disconnectAll();
    // Dispatched while the socket is down: kept for the session and replayed on RESUME.
    const command = fake.interact.command({ name: "ping", user, guildId: guild.id });
    await resumed;
    expect((await command.response()).latencyMs).toBeLessThan(3000);
    expect(command.messages()[0]?.content).toBe("pong from shard 0");
    const [firstConnection, secondConnection] = fake.connections;
    expect(firstConnection).toMatchObject({ closeCode: 4000, closedBy: "server" });
    expect(secondConnection).toMatchObject({ resumed: true, path: "/resume", sessionId: firstConnection?.sessionId });

    // Op 1 from the gateway: the client must heartbeat at once.
    const beatsBefore = secondConnection?.heartbeats ?? 0;
    fake.requestHeartbeat();
    await fake.waitFor(() => (fake.connections[1]?.heartbeats ?? 0) > beatsBefore, 2000, "a requested heartbeat");

    const after = fake.interact.command({ name: "ping", user, guildId: guild.id });
    await after.response();
    expect(after.messages()[0]?.content).toBe("pong from shard 0");
  });

  it("surfaces 50007 when a user's DMs are closed", async () => {
    await startFake();
    const user = fake.addUser({ username: "private_learner" });
    const client = await startClient(async () => undefined);
    fake.closeDms(user.id);
    const error = await client.users.send(user.id, "Time to review!").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ code: 50007, status: 403 });
    expect(fake.requestsTo("POST", "/users/@me/channels")[0]).toMatchObject({
      body: { recipient_id: user.id },
      status: 200,
      hasAuthorization: true,
    });
    expect(fake.dmMessages(user.id)).toEqual([]);

    fake.openDms(user.id);
    await client.users.send(user.id, "Time to review!");
    expect(fake.dmMessages(user.id).map((m) => m.content)).toEqual(["Time to review!"]);

    // The same refusal, injected once on any channel.
    fake.failNext({
      method: "POST",
      path: "/channels/:id/messages",
      status: 403,
      body: { code: 50007, message: "Cannot send messages to this user" },
    });
    await expect(client.users.send(user.id, "Again?")).rejects.toMatchObject({ code: 50007 });
    expect(fake.pendingFailures).toEqual([]);
  });

  it("stores registered commands and types interaction options from them", async () => {
    await startFake();
    const guild = fake.addGuild();
    const user = fake.addUser();
    let received: number | null = null;
    const client = await startClient(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      received = interaction.options.getInteger("count", true);
      await interaction.reply({ content: "ok", flags: MessageFlags.Ephemeral });
    });
    const definition = new SlashCommandBuilder()
      .setName("quiz")
      .setDescription("Start a quiz")
      .setNameLocalization("ja", "クイズ")
      .addIntegerOption((option) => option.setName("count").setDescription("Questions").setRequired(true))
      .toJSON();
    await client.application?.commands.set([definition]);
    await client.application?.commands.set([definition], guild.id);
    const [global] = fake.globalCommands;
    expect(global).toMatchObject({ name: "quiz", application_id: fake.applicationId, name_localizations: { ja: "クイズ" } });
    expect(fake.guildCommands(guild.id)[0]).toMatchObject({ name: "quiz", guild_id: guild.id });

    const command = fake.interact.command({ name: "quiz", options: { count: 5 }, user, guildId: guild.id });
    await command.response();
    expect(received).toBe(5);
    expect((command.payload["data"] as { id: string }).id).toBe(fake.guildCommands(guild.id)[0]?.id);

    const invalid = await client.application?.commands.set([{ name: "Bad Name", description: "x" }]).catch((e: unknown) => e);
    expect(invalid).toMatchObject({ code: 50035 });
  });

  it("handles autocomplete, modals and modal submits", async () => {
    await startFake();
    const guild = fake.addGuild();
    const user = fake.addUser();
    await startClient(async (interaction) => {
      if (interaction.isAutocomplete()) {
        const typed = interaction.options.getFocused();
        await interaction.respond(["kanji-n5", "kanji-n4", "vocab"].filter((d) => d.startsWith(typed)).map((d) => ({ name: d, value: d })));
      } else if (interaction.isButton()) {
        const input = new TextInputBuilder().setCustomId("answer").setLabel("Your answer").setStyle(TextInputStyle.Short);
        await interaction.showModal(
          new ModalBuilder()
            .setCustomId("quiz:answer")
            .setTitle("Answer")
            .addComponents(new ActionRowBuilder<TextInputBuilder>().addComponents(input)),
        );
      } else if (interaction.isModalSubmit()) {
        await interaction.reply({
          content: `You answered ${interaction.fields.getTextInputValue("answer")}`,
          flags: MessageFlags.Ephemeral,
        });
      }
    });
    const autocomplete = fake.interact.autocomplete({
      name: "study",
      options: { deck: "kanji" },
      focused: "deck",
      user,
      guildId: guild.id,
    });
    const choices = await autocomplete.response();
    expect(choices.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(choices.data?.["choices"]).toEqual([
      { name: "kanji-n5", value: "kanji-n5" },
      { name: "kanji-n4", value: "kanji-n4" },
    ]);

    const question = fake.seedMessage({
      channelId: guild.defaultChannelId,
      content: "水 means?",
      components: studyButtons("Answer").map((row) => row.toJSON()),
    });
    const click = fake.interact.component({ customId: "study:again", message: question, user });
    expect((await click.response()).type).toBe(InteractionResponseType.Modal);
    const submit = fake.interact.modalSubmit({ customId: "quiz:answer", fields: { answer: "water" }, user, message: question });
    await submit.response();
    expect(submit.messages()[0]).toMatchObject({ content: "You answered water", ephemeral: true });
  });

  it("refuses modals Discord refuses, and builds a submit only its client would allow", async () => {
    await startFake();
    const guild = fake.addGuild();
    const user = fake.addUser();
    const select = (options: { label: string; value: string }[]) => ({
      type: ComponentType.Label,
      label: "Why?",
      component: { type: ComponentType.StringSelect, custom_id: "reason", options },
    });
    const text = {
      type: ComponentType.Label,
      label: "Details",
      component: { type: ComponentType.TextInput, custom_id: "text", style: 1, required: false },
    };
    const good = { custom_id: "report", title: "Report a problem", components: [select([{ label: "Wrong", value: "wrong" }]), text] };
    const bad = [
      { ...good, components: [{ ...select([{ label: "Wrong", value: "wrong" }]), label: "x".repeat(46) }] },
      { ...good, components: [select([])] },
      { ...good, components: [select(Array.from({ length: 26 }, (_, i) => ({ label: `o${i}`, value: `v${i}` })))] },
      { ...good, components: [select([{ label: "x".repeat(101), value: "v" }])] },
      { ...good, components: [{ type: ComponentType.ActionRow, components: [select([{ label: "a", value: "a" }]).component] }] },
      { ...good, components: [{ type: ComponentType.Button, custom_id: "b", style: 1, label: "b" }] },
    ];
    let next: Record<string, unknown> = good;
    const failures: unknown[] = [];
    await startClient(async (interaction) => {
      if (interaction.isButton()) await interaction.showModal(next as never).catch((e: unknown) => failures.push(e));
    });
    const message = fake.seedMessage({
      channelId: guild.defaultChannelId,
      content: "card",
      components: studyButtons("Report").map((row) => row.toJSON()),
    });
    const opened = await fake.interact.component({ customId: "study:again", message, user }).response();
    expect(opened.type).toBe(InteractionResponseType.Modal);
    for (const modal of bad) {
      next = modal;
      const click = fake.interact.component({ customId: "study:again", message, user });
      await fake.waitFor(() => click.rejectedCallbacks.length > 0, 2000, "the refusal");
      expect(click.rejectedCallbacks[0]).toMatchObject({ status: 400, code: 50035 });
    }
    // discord.js rejects each showModal with Discord's error.
    await fake.waitFor(() => failures.length === bad.length, 2000, "every showModal rejected");

    const modal = opened.data!;
    expect(() =>
      fake.interact.modalSubmit({ customId: "report", modal, selects: { reason: ["free beer"] }, fields: {}, user, message }),
    ).toThrow(/not options/);
    expect(() => fake.interact.modalSubmit({ customId: "report", modal, selects: {}, fields: {}, user, message })).toThrow(/takes 1 to 1/);
    const submit = fake.interact.modalSubmit({
      customId: "report",
      modal,
      selects: { reason: ["wrong"] },
      fields: { text: "hi" },
      user,
      message,
    });
    expect((submit.payload["data"] as { components: unknown[] }).components).toEqual([
      { type: ComponentType.Label, component: { type: ComponentType.StringSelect, custom_id: "reason", values: ["wrong"] } },
      { type: ComponentType.Label, component: { type: ComponentType.TextInput, custom_id: "text", value: "hi" } },
    ]);
  });

  it("refuses what Discord refuses: invalid bodies, late callbacks, unknown routes", async () => {
    await startFake({ interactionDeadlineMs: 300 });
    const user = fake.addUser();
    await startClient(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      if (interaction.commandName === "long") await interaction.reply("x".repeat(2001));
      else {
        await sleep(400);
        await interaction.reply("too late");
      }
    });
    const long = fake.interact.command({ name: "long", user });
    await expect(long.response()).rejects.toThrow(/refused with 400 \(code 50035\)/);
    await fake.waitFor(() => handlerErrors.length === 1, 2000, "the handler error");
    expect(handlerErrors[0]).toMatchObject({
      code: 50035,
      rawError: { errors: { data: { content: { _errors: [{ code: "BASE_TYPE_MAX_LENGTH" }] } } } },
    });

    const slow = fake.interact.command({ name: "slow", user });
    await expect(slow.response()).rejects.toThrow(/refused with 404 \(code 10062\)/);
    await fake.waitFor(() => handlerErrors.length === 2, 2000, "the late reply error");
    expect(handlerErrors[1]).toMatchObject({ code: 10062 });

    const unknown = await fetch(`${fake.restUrl}/v10/not-a-route`, { headers: { Authorization: "Bot x" } });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ message: "404: Not Found", code: 0 });
    expect(fake.requestsTo("GET", "/not-a-route")).toHaveLength(1);
    expect(fake.internalErrors).toEqual([]);
  });

  it("routes guild interactions to the shard owning the guild, and DMs to shard 0", async () => {
    await startFake();
    const guilds = fake.addGuilds(4);
    const user = fake.addUser();
    const shardOf = (guildId: string) => Number((BigInt(guildId) >> 22n) % 2n);
    await startClient(
      async (interaction) => {
        if (interaction.isChatInputCommand()) await interaction.reply(`shard ${interaction.guild?.shardId ?? "dm"}`);
      },
      { shards: [0, 1], shardCount: 2 },
    );
    expect(fake.connections.map((c) => c.shard).sort()).toEqual([
      [0, 2],
      [1, 2],
    ]);
    for (const guild of guilds) {
      const command = fake.interact.command({ name: "where", user, guildId: guild.id });
      await command.response();
      expect(command.messages()[0]?.content).toBe(`shard ${shardOf(guild.id)}`);
    }
    expect(new Set(guilds.map((g) => shardOf(g.id)))).toEqual(new Set([0, 1]));
  });

  it("keeps every version of an edited channel message, and refuses posts in a channel that denies the bot", async () => {
    await startFake();
    const guild = fake.addGuild();
    const user = fake.addUser();
    const [open, readOnly, hidden] = guild.textChannelIds;
    const seen: (string | null)[] = [];
    const client = await startClient(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      seen.push(interaction.appPermissions.bitfield.toString());
      await interaction.reply({ content: "checked", flags: MessageFlags.Ephemeral });
    });

    // A live message: posted once (nonce enforced), then edited twice; every version is kept in order.
    const channel = await client.channels.fetch(open!);
    if (!channel?.isSendable()) throw new Error("expected a text channel");
    const posted = await channel.send({ content: "Question 1 · 0 answered", nonce: "round-1-q1", enforceNonce: true });
    await posted.edit({ content: "Question 1 · 2 answered" });
    await posted.edit({ content: "Answer: B" });
    expect(fake.versions(posted.id).map((v) => v.content)).toEqual(["Question 1 · 0 answered", "Question 1 · 2 answered", "Answer: B"]);
    expect(fake.versions(posted.id)[0]?.edited_timestamp).toBeNull();
    expect(
      fake
        .versions(posted.id)
        .slice(1)
        .every((v) => typeof v.edited_timestamp === "string"),
    ).toBe(true);
    expect(fake.message(posted.id)?.editCount).toBe(2);
    expect(fake.versions("0")).toEqual([]);

    // A channel the bot may see but not post in: 50013 on create, its own messages still editable.
    const before = await (await client.channels.fetch(readOnly!))?.fetch();
    if (!before?.isSendable()) throw new Error("expected a text channel");
    const earlier = await before.send("posted before the override");
    fake.denyBot(readOnly!, "send");
    await expect(before.send("a new round")).rejects.toMatchObject({ code: 50013, status: 403 });
    await earlier.edit("edited after the override");
    expect(fake.messagesIn(readOnly!).map((m) => m.content)).toEqual(["edited after the override"]);

    // A channel the bot cannot see: 50001 on create, edit and fetch.
    fake.denyBot(hidden!, "view");
    await expect(client.rest.post(`/channels/${hidden}/messages`, { body: { content: "x" } })).rejects.toMatchObject({ code: 50001 });
    await expect(client.rest.get(`/channels/${hidden}`)).rejects.toMatchObject({ code: 50001 });
    expect(fake.messagesIn(hidden!)).toEqual([]);

    // Interactions carry the bot's permissions in their channel: Send Messages is gone where it is denied.
    for (const channelId of [open!, readOnly!, hidden!])
      await fake.interact.command({ name: "game", user, guildId: guild.id, channelId }).settled(0);
    const SEND = 1n << 11n;
    const VIEW = 1n << 10n;
    expect(seen.map((bits) => [(BigInt(bits ?? "0") & SEND) !== 0n, (BigInt(bits ?? "0") & VIEW) !== 0n])).toEqual([
      [true, true],
      [false, true],
      [false, false],
    ]);

    fake.allowBot(readOnly!);
    await before.send("allowed again");
    // (the command's ephemeral reply there is an interaction response, which needs no channel permission)
    expect(fake.messagesIn(readOnly!).map((m) => m.origin)).toEqual(["channel-message", "interaction-reply", "channel-message"]);
    expect(handlerErrors).toEqual([]);
  });

  it("enforces a global rate limit that @discordjs/rest waits out", async () => {
    await startFake();
    const guild = fake.addGuild();
    const client = await startClient(async () => undefined);
    const channel = await client.channels.fetch(guild.defaultChannelId);
    if (!channel?.isSendable()) throw new Error("expected a text channel");
    fake.enforceGlobalRateLimit(2);
    await Promise.all(["a", "b", "c", "d"].map((content) => channel.send(content)));
    expect(
      fake
        .messagesIn(guild.defaultChannelId)
        .map((m) => m.content)
        .sort(),
    ).toEqual(["a", "b", "c", "d"]);
    expect(fake.rateLimited).toBeGreaterThanOrEqual(1);
    const limited = fake.requests.find((r) => r.status === 429);
    expect(limited).toMatchObject({ injected: true, path: `/channels/${guild.defaultChannelId}/messages` });
  });
});

describe("FakeDiscord gateway protocol (raw WebSocket)", () => {
  it("speaks zlib-stream when asked, acks heartbeats and answers READY with the documented fields", async () => {
    await startFake({ heartbeatIntervalMs: 45_000 });
    const guild = fake.addGuild();
    const socket = new WebSocket(`${fake.gatewayUrl}?v=10&encoding=json&compress=zlib-stream`);
    const inflate = createInflate();
    const frames: { op: number; t: string | null; s: number | null; d: Record<string, unknown> }[] = [];
    let text = "";
    inflate.on("data", (chunk: Buffer) => {
      text += chunk.toString("utf8");
      // Each Z_SYNC_FLUSH ends exactly one JSON payload.
      try {
        frames.push(JSON.parse(text) as (typeof frames)[number]);
        text = "";
      } catch {
        // incomplete: wait for more
      }
    });
    socket.on("message", (data: Buffer) => inflate.write(data));
    await fake.waitFor(() => frames[0], 2000, "HELLO");
    expect(frames[0]).toMatchObject({ op: 10, d: { heartbeat_interval: 45_000 } });

    socket.send(JSON.stringify({ op: 1, d: null }));
    await fake.waitFor(() => frames.some((f) => f.op === 11), 2000, "HEARTBEAT_ACK");
    socket.send(
      JSON.stringify({ op: 2, d: { token: "t", intents: 1, properties: { os: "linux", browser: "x", device: "x" }, shard: [0, 1] } }),
    );
    const guildCreate = await fake.waitFor(() => frames.find((f) => f.t === "GUILD_CREATE"), 2000, "GUILD_CREATE");
    const ready = frames.find((f) => f.t === "READY");
    expect(ready).toMatchObject({
      op: 0,
      s: 1,
      d: {
        v: 10,
        user: { id: fake.applicationId, bot: true },
        application: { id: fake.applicationId },
        shard: [0, 1],
        guilds: [{ id: guild.id, unavailable: true }],
      },
    });
    expect(ready?.d["session_id"]).toMatch(/^[0-9a-f]{32}$/);
    expect(ready?.d["resume_gateway_url"]).toBe(`${fake.gatewayUrl}/resume`);
    expect(guildCreate).toMatchObject({ s: 2, d: { id: guild.id, unavailable: false } });
    expect(fake.connections[0]).toMatchObject({ compress: "zlib-stream", heartbeats: 1, identified: true });
    socket.close(1000);
    await fake.waitFor(() => fake.connections[0]?.closedAt, 2000, "close");
  });
});
