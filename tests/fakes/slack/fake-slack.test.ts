/**
 * Proves the fake Slack works with the real @slack/bolt App, in Socket Mode and in HTTP mode, and pins
 * down the Bolt / web-api / socket-mode behaviours the bot relies on.
 */
import type { AddressInfo } from "node:net";
import { App, LogLevel, SocketModeReceiver, webApi, type AppOptions } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { CapturingLogger } from "./capturing-logger.ts";
import {
  encodeEvent,
  encodeInteraction,
  encodeSlashCommand,
  FakeSlack,
  GRID_HOME_TEAM_ID,
  GRID_WORKSPACE,
  nowInSeconds,
  postToApp,
  type StoredMessage,
} from "./fake-slack.ts";
import { appHomeOpenedPayload, blockActionsPayload, DEFAULT_CHANNEL, DEFAULT_USER, slashCommandPayload } from "./payloads.ts";

const BOT_TOKEN = "xoxb-test";
const APP_TOKEN = "xapp-test";
const SIGNING_SECRET = "test-signing-secret";

/**
 * web-api retries failed calls with backoff on top of Retry-After (default policy: 10 retries over ~30
 * minutes). Tests keep Retry-After but drop the extra backoff.
 */
const NO_BACKOFF = { retries: 3, minTimeout: 0, maxTimeout: 0 };

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  // Stop in reverse order: the app before the fake it talks to.
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function startFake(options: Parameters<typeof FakeSlack.start>[0] = {}): Promise<FakeSlack> {
  const fake = await FakeSlack.start(options);
  cleanups.push(() => fake.stop());
  return fake;
}

/** Options shared by every App: the fake as Slack, logs captured instead of printed. */
function appOptions(fake: FakeSlack, logger: CapturingLogger): AppOptions {
  return {
    token: BOT_TOKEN,
    logger,
    logLevel: LogLevel.DEBUG,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: NO_BACKOFF },
  };
}

async function startSocketApp(fake: FakeSlack, register: (app: App) => void, logger = new CapturingLogger()): Promise<App> {
  // Constructed after the fake is up: the constructor already calls auth.test.
  const app = new App({ ...appOptions(fake, logger), appToken: APP_TOKEN, socketMode: true });
  register(app);
  await app.start(); // resolves once the fake's `hello` arrives
  cleanups.push(() => app.stop());
  return app;
}

async function startHttpApp(fake: FakeSlack, register: (app: App) => void, logger = new CapturingLogger()): Promise<string> {
  const app = new App({ ...appOptions(fake, logger), signingSecret: SIGNING_SECRET });
  register(app);
  // Port 0 picks a free port; HTTPReceiver.start resolves with the node http.Server.
  const server = await app.start({ port: 0, host: "127.0.0.1" });
  cleanups.push(() => app.stop());
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}/slack/events`;
}

const studyCard = (question: string) => [
  { type: "section", text: { type: "mrkdwn", text: question } },
  {
    type: "actions",
    block_id: "card",
    elements: [{ type: "button", action_id: "reveal", value: "card-1", text: { type: "plain_text", text: "Show answer" } }],
  },
];

describe("FakeSlack with a Socket Mode Bolt App", () => {
  it("runs a study card: slash command, respond(), button click, replace_original, postEphemeral", async () => {
    const fake = await startFake();
    const logger = new CapturingLogger();
    await startSocketApp(
      fake,
      (app) => {
        app.command("/study", async ({ ack, respond }) => {
          await ack();
          await respond({ response_type: "ephemeral", text: "What is 2 + 2?", blocks: studyCard("What is 2 + 2?") });
        });
        app.action("reveal", async ({ ack, respond, client, body }) => {
          await ack();
          await respond({ replace_original: true, text: "Answer: 4" });
          if (body.channel === undefined) throw new Error("button click without a channel");
          await client.chat.postEphemeral({ channel: body.channel.id, user: body.user.id, text: "Nice streak!" });
        });
      },
      logger,
    );

    // Start-up: auth.test with the bot token (from the App constructor), apps.connections.open with the app token.
    expect(fake.callsTo("auth.test")[0]).toMatchObject({ ok: true, hasToken: true, tokenKind: "bot" });
    expect(fake.callsTo("apps.connections.open")[0]).toMatchObject({ ok: true, tokenKind: "app" });
    expect(fake.socket.openConnections).toBe(1);

    const commandUrl = fake.responseUrl();
    const commandAck = await fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: commandUrl, text: "deck:math" }));
    expect(commandAck.envelope_id).toBe(fake.socket.sent[0]?.envelope_id);
    expect(commandAck.payload).toEqual({}); // a bare ack()

    const card = await fake.waitFor(() => fake.responseMessage(commandUrl));
    expect(card).toMatchObject({
      channel: DEFAULT_CHANNEL.id,
      ephemeral: true,
      visibleTo: DEFAULT_USER.id,
      text: "What is 2 + 2?",
    });

    // The click comes from the ephemeral card; its response_url is bound to that message.
    const clickUrl = fake.responseUrl({ channel: card.channel, userId: DEFAULT_USER.id, messageTs: card.ts });
    const clickAck = await fake.socket.sendBlockActions(
      blockActionsPayload({
        responseUrl: clickUrl,
        container: { channelId: card.channel, messageTs: card.ts, isEphemeral: true },
        actions: [{ actionId: "reveal", blockId: "card", value: "card-1" }],
      }),
    );
    expect(clickAck.envelope_id).toBe(fake.socket.sent[1]?.envelope_id);

    const ephemeral = await fake.waitForCall("chat.postEphemeral");
    expect(ephemeral).toMatchObject({
      ok: true,
      tokenKind: "bot",
      // Bolt's per-team listener client adds team_id to every call.
      args: {
        channel: DEFAULT_CHANNEL.id,
        user: DEFAULT_USER.id,
        text: "Nice streak!",
        team_id: fake.workspace.teamId,
      },
    });
    const current: StoredMessage | undefined = fake.responseMessage(clickUrl);
    expect(current?.ts).toBe(card.ts);
    expect(current?.text).toBe("Answer: 4");
    expect(current?.blocks).toBeUndefined();
    expect(current?.history.map((version) => version.text)).toEqual(["What is 2 + 2?", "Answer: 4"]);
    expect(fake.responses(clickUrl)[0]?.body).toMatchObject({ replace_original: true });
    expect(fake.messages(DEFAULT_CHANNEL.id).map((m) => m.text)).toEqual(["Answer: 4", "Nice streak!"]);

    // Even at DEBUG level, neither token reaches the logs (web-api redacts them).
    expect(logger.lines.length).toBeGreaterThan(10);
    expect(logger.text()).not.toContain(BOT_TOKEN);
    expect(logger.text()).not.toContain(APP_TOKEN);
  });

  it("waits out a 429 on chat.postMessage (Retry-After) and the message still arrives", async () => {
    const fake = await startFake();
    await startSocketApp(fake, (app) => {
      app.command("/study", async ({ ack, client, command }) => {
        await ack(); // ack first: the retry below takes over a second
        await client.chat.postMessage({ channel: command.channel_id, text: "Daily review is ready" });
      });
    });
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });

    await fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl() }));
    const delivered = await fake.waitForCall("chat.postMessage", (call) => call.ok, 5000);

    const [limited, retried] = fake.callsTo("chat.postMessage");
    expect(limited).toMatchObject({ status: 429, ok: false });
    expect(retried).toBe(delivered);
    expect(delivered.at - (limited?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(fake.messages(DEFAULT_CHANNEL.id).map((m) => m.text)).toEqual(["Daily review is ready"]);
  });

  it("answers enforced rate limits with 429 and counts them", async () => {
    const fake = await startFake();
    const app = await startSocketApp(fake, () => {});
    fake.enforceRateLimit("chat.postMessage", 2);

    const started = Date.now();
    await Promise.all(["a", "b", "c"].map((text) => app.client.chat.postMessage({ channel: "C0QUIZ", text })));

    expect(fake.rateLimited).toBeGreaterThanOrEqual(1);
    expect(fake.messages("C0QUIZ")).toHaveLength(3);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });

  it("publishes App Home on app_home_opened; a re-delivered envelope runs the listener again", async () => {
    const fake = await startFake();
    const retryNums: Array<number | undefined> = [];
    await startSocketApp(fake, (app) => {
      app.event("app_home_opened", async ({ event, client, context }) => {
        retryNums.push(context.retryNum);
        await client.views.publish({
          user_id: event.user,
          view: { type: "home", blocks: [{ type: "section", text: { type: "mrkdwn", text: "*3 cards due*" } }] },
        });
      });
    });

    const event = appHomeOpenedPayload({ userId: DEFAULT_USER.id });
    // Bolt acks events itself, before running listeners.
    const first = await fake.socket.sendEvent(event);
    await fake.waitForCall("views.publish");
    expect(fake.homeView(DEFAULT_USER.id)?.definition).toMatchObject({ type: "home", blocks: [{ type: "section" }] });

    // Slack re-delivers the SAME envelope; Bolt does not dedupe: dedupe by event_id in the bot.
    const again = await fake.socket.sendEvent(event, {
      envelopeId: first.envelope_id,
      retryAttempt: 1,
      retryReason: "timeout",
    });
    expect(again.envelope_id).toBe(first.envelope_id);
    await fake.waitFor(() => fake.callsTo("views.publish").length === 2);
    expect(retryNums).toEqual([0, 1]);
  });

  it("fails clearly when the app never acks", async () => {
    const fake = await startFake();
    await startSocketApp(fake, (app) => {
      app.command("/study", async () => {
        // forgot ack(): Bolt's SocketModeReceiver has no 3 s safety net
      });
    });
    await expect(
      fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl() }), { timeoutMs: 300 }),
    ).rejects.toThrow(/no ack for slash_commands envelope .* within 300 ms/);
  });

  it("reconnects after a disconnect message and keeps receiving envelopes", async () => {
    const fake = await startFake();
    const logger = new CapturingLogger();
    // The reconnect delay is clientPingTimeout (default 5 s) x consecutive failures; App does not expose
    // it, so this test builds the receiver (whose web client options go through installerOptions).
    const clientOptions = { slackApiUrl: fake.apiUrl, retryConfig: NO_BACKOFF, logger };
    const receiver = new SocketModeReceiver({
      appToken: APP_TOKEN,
      logger,
      logLevel: LogLevel.DEBUG,
      clientPingTimeout: 300,
      installerOptions: { clientOptions },
    });
    const app = new App({ token: BOT_TOKEN, receiver, logger, logLevel: LogLevel.DEBUG, clientOptions });
    app.command("/study", async ({ ack }) => {
      await ack({ text: "still here" });
    });
    await app.start();
    cleanups.push(() => app.stop());

    fake.socket.requestDisconnect("refresh_requested");
    await fake.socket.waitForConnections(2, 3000);

    const ack = await fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl() }));
    expect(ack.payload).toEqual({ text: "still here" });
    expect(fake.callsTo("apps.connections.open")).toHaveLength(2);
  });

  it("serves an Enterprise Grid user from another workspace of the org", async () => {
    const fake = await startFake({ workspace: GRID_WORKSPACE });
    const learner = { id: "W0GRIDUSER", name: "hanako", teamId: GRID_HOME_TEAM_ID };
    fake.setUser(GRID_HOME_TEAM_ID, learner.id, { locale: "ja-JP", tz: "Asia/Tokyo", isAdmin: true });
    const seen: Array<Record<string, unknown>> = [];
    await startSocketApp(fake, (app) => {
      app.command("/study", async ({ ack, client, command, context }) => {
        await ack();
        const info = await client.users.info({ user: command.user_id, include_locale: true });
        seen.push({ teamId: context.teamId, enterpriseId: context.enterpriseId, user: info.user });
      });
    });

    await fake.socket.sendSlashCommand(slashCommandPayload({ workspace: GRID_WORKSPACE, user: learner, responseUrl: fake.responseUrl() }));
    await fake.waitFor(() => seen.length === 1);

    expect(fake.callsTo("auth.test")[0]?.response).toMatchObject({ enterprise_id: GRID_WORKSPACE.enterpriseId });
    expect(seen[0]).toMatchObject({
      teamId: GRID_WORKSPACE.teamId,
      enterpriseId: GRID_WORKSPACE.enterpriseId,
      user: {
        id: learner.id,
        team_id: GRID_HOME_TEAM_ID,
        locale: "ja-JP",
        tz: "Asia/Tokyo",
        tz_offset: 32400,
        is_admin: true,
      },
    });
  });
});

describe("FakeSlack with an HTTP-mode Bolt App", () => {
  it("accepts a correctly signed slash command and rejects forged, stale and unsigned ones with 401", async () => {
    const fake = await startFake();
    const handled: string[] = [];
    const url = await startHttpApp(fake, (app) => {
      app.command("/study", async ({ ack, command }) => {
        handled.push(command.text);
        await ack("Let's study!");
      });
    });
    const body = (text: string) => encodeSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl(), text }));

    const accepted = await postToApp(url, { body: body("signed"), signingSecret: SIGNING_SECRET });
    expect(accepted).toMatchObject({ status: 200, body: "Let's study!" });

    const forged = await postToApp(url, { body: body("forged"), signingSecret: SIGNING_SECRET, forgeSignature: true });
    const stale = await postToApp(url, {
      body: body("stale"),
      signingSecret: SIGNING_SECRET,
      timestamp: nowInSeconds() - 5 * 60 - 10,
    });
    const unsigned = await postToApp(url, {
      body: body("unsigned"),
      signingSecret: SIGNING_SECRET,
      omitHeaders: ["X-Slack-Signature", "X-Slack-Request-Timestamp"],
    });
    const noTimestamp = await postToApp(url, {
      body: body("no-timestamp"),
      signingSecret: SIGNING_SECRET,
      omitHeaders: ["X-Slack-Request-Timestamp"],
    });
    expect([forged.status, stale.status, unsigned.status, noTimestamp.status]).toEqual([401, 401, 401, 401]);
    expect(handled).toEqual(["signed"]);
  });

  it("accepts a timestamp from the future: Bolt only rejects stale requests", async () => {
    const fake = await startFake();
    const url = await startHttpApp(fake, (app) => {
      app.command("/study", async ({ ack }) => {
        await ack();
      });
    });
    const response = await postToApp(url, {
      body: encodeSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl() })),
      signingSecret: SIGNING_SECRET,
      timestamp: nowInSeconds() + 60 * 60,
    });
    expect(response.status).toBe(200);
  });

  it("answers as soon as ack() is called, while the listener keeps running", async () => {
    const fake = await startFake();
    let release = (): void => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const url = await startHttpApp(fake, (app) => {
      app.action("reveal", async ({ ack, respond }) => {
        await ack();
        await gate; // slow work after ack
        await respond({ replace_original: true, text: "Answer: 4" });
      });
    });
    const clickUrl = fake.responseUrl();
    const click = blockActionsPayload({
      responseUrl: clickUrl,
      container: { channelId: DEFAULT_CHANNEL.id, messageTs: "1700000000.000100" },
      actions: [{ actionId: "reveal", value: "card-1" }],
    });

    const response = await postToApp(url, { body: encodeInteraction(click), signingSecret: SIGNING_SECRET });
    expect(response).toMatchObject({ status: 200, body: "" });
    expect(fake.responses(clickUrl)).toHaveLength(0);

    release();
    await fake.waitFor(() => fake.responses(clickUrl).length === 1);
  });

  it("passes X-Slack-Retry-Num to listeners as context.retryNum and does not dedupe", async () => {
    const fake = await startFake();
    const seen: Array<{ eventId: string; retryNum: number | undefined; retryReason: string | undefined }> = [];
    const url = await startHttpApp(fake, (app) => {
      app.event("app_home_opened", async ({ body, context }) => {
        seen.push({ eventId: body.event_id, retryNum: context.retryNum, retryReason: context.retryReason });
      });
    });
    const event = encodeEvent(appHomeOpenedPayload());

    const first = await postToApp(url, { body: event, signingSecret: SIGNING_SECRET });
    const retry = await postToApp(url, {
      body: event,
      signingSecret: SIGNING_SECRET,
      headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
    });

    expect([first.status, retry.status]).toEqual([200, 200]);
    await fake.waitFor(() => seen.length === 2);
    expect(seen[0]).toMatchObject({ retryNum: undefined, retryReason: undefined });
    expect(seen[1]).toMatchObject({ eventId: seen[0]?.eventId, retryNum: 1, retryReason: "http_timeout" });
  });
});

describe("FakeSlack Web API, through @slack/web-api's WebClient", () => {
  const platformError = async (call: Promise<unknown>): Promise<string | undefined> => {
    const error: unknown = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    return error instanceof Error && "data" in error ? (error.data as { error?: string }).error : undefined;
  };

  it("behaves like Slack for messages, DMs, views, users and errors", async () => {
    const fake = await startFake();
    const client = new webApi.WebClient(BOT_TOKEN, {
      slackApiUrl: fake.apiUrl,
      retryConfig: NO_BACKOFF,
      logger: new CapturingLogger(),
    });

    // DMs: stable channel per user; a bot cannot be DMed; posting to a user id lands in the DM.
    const opened = await client.conversations.open({ users: DEFAULT_USER.id });
    const reopened = await client.conversations.open({ users: DEFAULT_USER.id });
    expect(reopened).toMatchObject({ already_open: true, channel: { id: opened.channel?.id } });
    expect(await platformError(client.conversations.open({ users: fake.workspace.botUserId }))).toBe("cannot_dm_bot");
    const reminder = await client.chat.postMessage({
      channel: DEFAULT_USER.id,
      text: "5 cards due",
      blocks: studyCard("Q"),
    });
    expect(reminder.channel).toBe(fake.dmChannelOf(DEFAULT_USER.id));

    // chat.update keeps omitted blocks; ephemeral messages cannot be updated.
    await client.chat.update({ channel: reminder.channel ?? "", ts: reminder.ts ?? "", text: "4 cards due" });
    expect(fake.message(reminder.channel ?? "", reminder.ts ?? "")).toMatchObject({
      text: "4 cards due",
      blocks: studyCard("Q"),
    });
    const whisper = await client.chat.postEphemeral({ channel: "C0QUIZ", user: DEFAULT_USER.id, text: "psst" });
    expect(await platformError(client.chat.update({ channel: "C0QUIZ", ts: whisper.message_ts ?? "", text: "x" }))).toBe(
      "message_not_found",
    );
    await client.chat.delete({ channel: reminder.channel ?? "", ts: reminder.ts ?? "" });
    expect(fake.messages(reminder.channel)).toEqual([]);

    // Block Kit limits are enforced.
    const tooMany = Array.from({ length: 51 }, () => ({ type: "divider" as const }));
    expect(await platformError(client.chat.postMessage({ channel: "C0QUIZ", text: "x", blocks: tooMany }))).toBe("invalid_blocks");

    // Modals: views.update by id or external_id, with hash conflict detection.
    const modal = await client.views.open({
      trigger_id: "1.2.abc",
      view: { type: "modal", external_id: "quiz-1", title: { type: "plain_text", text: "Quiz" }, blocks: [] },
    });
    const viewId = modal.view?.id ?? "";
    await client.views.update({
      external_id: "quiz-1",
      view: { type: "modal", title: { type: "plain_text", text: "Q2" }, blocks: [] },
    });
    expect(
      await platformError(
        client.views.update({
          view_id: viewId,
          hash: modal.view?.hash ?? "",
          view: { type: "modal", title: { type: "plain_text", text: "Q3" }, blocks: [] },
        }),
      ),
    ).toBe("hash_conflict");

    // Users and teams: locale only with include_locale; unknown users are not found.
    fake.setUser(fake.workspace.teamId, "U0JAPANESE", { locale: "ja-JP", tz: "Asia/Tokyo", isOwner: true });
    const withLocale = await client.users.info({ user: "U0JAPANESE", include_locale: true });
    const withoutLocale = await client.users.info({ user: "U0JAPANESE" });
    expect(withLocale.user).toMatchObject({ locale: "ja-JP", tz: "Asia/Tokyo", is_owner: true, is_admin: false });
    expect(withoutLocale.user?.locale).toBeUndefined();
    expect(await platformError(client.users.info({ user: "U0NOBODY" }))).toBe("user_not_found");
    expect((await client.team.info()).team).toMatchObject({
      id: fake.workspace.teamId,
      domain: fake.workspace.teamDomain,
    });

    // Injected errors, unknown methods, missing tokens, JSON bodies.
    fake.failNext("chat.postMessage", { error: "not_in_channel" });
    expect(await platformError(client.chat.postMessage({ channel: "C0PRIVATE", text: "x" }))).toBe("not_in_channel");
    expect(await platformError(client.apiCall("quiz.start"))).toBe("unknown_method");
    const anonymous = new webApi.WebClient(undefined, { slackApiUrl: fake.apiUrl, logger: new CapturingLogger() });
    expect(await platformError(anonymous.auth.test())).toBe("not_authed");
    const json = await fetch(`${fake.apiUrl}chat.postMessage`, {
      method: "POST",
      headers: { "Content-Type": "application/json; charset=utf-8", Authorization: `Bearer ${BOT_TOKEN}` },
      body: JSON.stringify({ channel: "C0QUIZ", text: "from JSON", blocks: [{ type: "divider" }] }),
    });
    expect(await json.json()).toMatchObject({ ok: true, channel: "C0QUIZ" });
    expect(fake.calls.at(-1)).toMatchObject({
      hasToken: true,
      args: { text: "from JSON", blocks: [{ type: "divider" }] },
    });

    // No recorded call keeps a token's value.
    expect(JSON.stringify(fake.calls)).not.toContain(BOT_TOKEN);
  });

  it("keeps every version of an updated message, and refuses posts in a channel the bot is not in", async () => {
    const fake = await startFake();
    const client = new webApi.WebClient(BOT_TOKEN, { slackApiUrl: fake.apiUrl, retryConfig: NO_BACKOFF, logger: new CapturingLogger() });
    const posted = await client.chat.postMessage({ channel: "C0QUIZ", text: "Question 1 · 0 answered", blocks: studyCard("Q1") });
    await client.chat.update({ channel: "C0QUIZ", ts: posted.ts ?? "", text: "Question 1 · 3 answered" });
    await client.chat.update({ channel: "C0QUIZ", ts: posted.ts ?? "", text: "Answer: B", blocks: studyCard("A") });
    const history = fake.message("C0QUIZ", posted.ts ?? "")?.history ?? [];
    expect(history.map((v) => v.text)).toEqual(["Question 1 · 0 answered", "Question 1 · 3 answered", "Answer: B"]);
    expect(history.map((v) => v.blocks)).toEqual([studyCard("Q1"), studyCard("Q1"), studyCard("A")]);

    fake.closeChannel("C0QUIZ");
    fake.closeChannel("C0GONE", "channel_not_found");
    expect(await platformError(client.chat.postMessage({ channel: "C0QUIZ", text: "Round 2" }))).toBe("not_in_channel");
    expect(await platformError(client.chat.update({ channel: "C0QUIZ", ts: posted.ts ?? "", text: "x" }))).toBe("not_in_channel");
    expect(await platformError(client.chat.postEphemeral({ channel: "C0QUIZ", user: DEFAULT_USER.id, text: "x" }))).toBe("not_in_channel");
    expect(await platformError(client.chat.postMessage({ channel: "C0GONE", text: "Round 2" }))).toBe("channel_not_found");
    expect(fake.messages("C0QUIZ")).toHaveLength(1);
    expect(fake.messages("C0GONE")).toEqual([]);

    fake.reopenChannel("C0QUIZ");
    await client.chat.postMessage({ channel: "C0QUIZ", text: "Round 2" });
    expect(fake.messages("C0QUIZ")).toHaveLength(2);
  });

  it("limits a response_url to 5 uses and can fail it on demand", async () => {
    const fake = await startFake();
    const url = fake.responseUrl();
    const post = (body: Record<string, unknown>) =>
      fetch(url, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });

    fake.failNext("response_url", { status: 500 });
    expect((await post({ text: "lost" })).status).toBe(500);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await post({ text: `try ${i}`, replace_original: true })).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 404]);
    expect(fake.responses(url).at(-1)?.status).toBe(404);
    expect(fake.responseMessage(url)?.text).toBe("try 4");
  });
});
