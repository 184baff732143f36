// `npm start` with Discord configured: connects through the gateway given by DISCORD_API_URL,
// answers interactions, and on SIGTERM finishes the interaction in flight and exits 0.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { InteractionResponseType } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/adapters/discord/register-commands.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import { PROCESS_TEST_MS, startChild, type RunningChild } from "../support/child-process.ts";
import { APPLICATION_ID, FAKE_DISCORD_TOKEN, textOf } from "../support/discord-harness.ts";

describe("npm start with Discord configured", () => {
  let fake: FakeDiscord;
  let dir: string;
  let bot: RunningChild | undefined;
  beforeEach(async () => {
    fake = await FakeDiscord.start({ applicationId: APPLICATION_ID, heartbeatIntervalMs: 5_000 });
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-discord-"));
    await registerCommands({ token: "fake-token", applicationId: APPLICATION_ID, apiUrl: fake.restUrl });
  });
  afterEach(async () => {
    bot?.killAll();
    await fake.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "connects through DISCORD_API_URL's gateway, answers, and finishes an interaction in flight on SIGTERM, exiting 0",
    async () => {
      bot = startChild(["npm", "start", "--silent"], {
        DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_URL: fake.restUrl,
        DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
        LOG_LEVEL: "info",
      });
      await bot.waitForOutput(/connected to Discord/);
      expect(fake.connections[0]).toMatchObject({ identified: true, shard: [0, 1] });
      const guild = fake.addGuild();
      const user = fake.addUser();
      const study = fake.interact.command({ name: "study", user, guildId: guild.id });
      await study.settled(50);
      expect(textOf(study.messages()[0])).toContain("New card");

      // Discord is slow to accept the next answer; the bot is told to stop meanwhile.
      fake.slowNext({ method: "POST", path: "/interactions/:id/:token/callback", ms: 1500 });
      const stats = fake.interact.command({ name: "stats", user, guildId: guild.id });
      await new Promise((r) => setTimeout(r, 500));
      bot.child.kill("SIGTERM");
      const callback = await stats.response(8000);
      expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
      const started = Date.now();
      const exit = await bot.exited;
      expect(exit, bot.stderr()).toEqual({ code: 0, signal: null });
      expect(Date.now() - started).toBeLessThan(10_000);
      expect(bot.stderr()).toContain('"msg":"stopped"');
      expect(bot.stderr()).not.toContain(FAKE_DISCORD_TOKEN);
    },
    PROCESS_TEST_MS,
  );
});
