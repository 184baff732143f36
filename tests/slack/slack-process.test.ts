// `npm start` with Slack configured: Socket Mode with an app token, or HTTP mode on PORT, both
// through SLACK_API_URL; Discord and Slack in one process.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/adapters/discord/register-commands.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import { FakeSlack, encodeSlashCommand, postToApp } from "../fakes/slack/fake-slack.ts";
import { slashCommandPayload } from "../fakes/slack/payloads.ts";
import { PROCESS_TEST_MS, startChild, type RunningChild } from "../support/child-process.ts";
import { APPLICATION_ID, FAKE_DISCORD_TOKEN, textOf as discordText } from "../support/discord-harness.ts";
import { textOf } from "../support/slack-harness.ts";

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

/** Slack's signing secrets are 32 hexadecimal characters. */
const SIGNING_SECRET = "8f742231b10e8888abcd990000085a57";

describe("npm start with Slack configured", () => {
  let slack: FakeSlack;
  let dir: string;
  let bot: RunningChild | undefined;
  beforeEach(async () => {
    slack = await FakeSlack.start();
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-slack-"));
  });
  afterEach(async () => {
    bot?.killAll();
    await slack.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "runs Slack in Socket Mode and Discord in the same process, and stops on SIGTERM",
    async () => {
      const discord = await FakeDiscord.start({ applicationId: APPLICATION_ID });
      try {
        await registerCommands({ token: "fake-token", applicationId: APPLICATION_ID, apiUrl: discord.restUrl });
        bot = startChild(["npm", "start", "--silent"], {
          SLACK_BOT_TOKEN: "xoxb-secret-bot-token",
          SLACK_APP_TOKEN: "xapp-secret-app-token",
          SLACK_API_URL: slack.apiUrl,
          DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
          DISCORD_APPLICATION_ID: APPLICATION_ID,
          DISCORD_API_URL: discord.restUrl,
          DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
        });
        await bot.waitForOutput(/study bot running/);
        const url = slack.responseUrl();
        const ack = await slack.socket.sendSlashCommand(slashCommandPayload({ responseUrl: url, text: "" }));
        expect(ack.envelope_id).toBeTruthy();
        expect(textOf(await slack.waitFor(() => slack.responseMessage(url), 5000))).toContain("New card");
        const command = discord.interact.command({ name: "stats", user: discord.addUser(), guildId: discord.addGuild().id });
        await command.settled(50);
        expect(discordText(command.messages()[0])).toContain("Your progress");
        bot.child.kill("SIGTERM");
        expect(await bot.exited).toEqual({ code: 0, signal: null });
        expect(bot.stderr()).not.toContain("xoxb-secret-bot-token");
        expect(bot.stderr()).not.toContain("xapp-secret-app-token");
      } finally {
        await discord.stop();
      }
    },
    PROCESS_TEST_MS,
  );

  it(
    "runs HTTP mode on PORT at /slack/events with the signing secret",
    async () => {
      const port = await freePort();
      bot = startChild(["npm", "start", "--silent"], {
        SLACK_BOT_TOKEN: "xoxb-secret-bot-token",
        SLACK_SIGNING_SECRET: SIGNING_SECRET,
        SLACK_API_URL: slack.apiUrl,
        PORT: String(port),
        DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
      });
      await bot.waitForOutput(/study bot running/);
      const url = slack.responseUrl();
      const body = encodeSlashCommand(slashCommandPayload({ responseUrl: url, text: "topics" }));
      expect((await postToApp(`http://127.0.0.1:${port}/slack/events`, { body, signingSecret: "wrong-secret" })).status).toBe(401);
      expect((await postToApp(`http://127.0.0.1:${port}/slack/events`, { body, signingSecret: SIGNING_SECRET })).status).toBe(200);
      expect(textOf(await slack.waitFor(() => slack.responseMessage(url), 5000))).toContain("Topics");
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_MS,
  );
});
