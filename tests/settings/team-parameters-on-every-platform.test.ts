// `/team parameters fit` reaches the core on every platform, through each platform's real client and
// adapter: an admin's request is queued (answered when the fit is done), anyone else's is refused.
import { PassThrough, Writable } from "node:stream";
import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { CONSOLE_TEAM, CONSOLE_USER, runConsole } from "../../src/adapters/console/console-session.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { startDiscordHarness, textOf as discordText, type DiscordHarness } from "../support/discord-harness.ts";
import { DEFAULT_USER, startSlackHarness, STANDARD_WORKSPACE, textOf as slackText, type SlackHarness } from "../support/slack-harness.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const library = aLibrary([aFlashcard("card-1")]);
const QUEUED = "Fitting the team's parameters from its members' reviews";

describe("/team parameters fit", () => {
  describe("on Discord", () => {
    let h: DiscordHarness;
    afterEach(async () => {
      expect(h.fake.internalErrors).toEqual([]);
      await h.stop();
    });

    it("is queued for a Manage Server admin and refused for a member", async () => {
      h = await startDiscordHarness("sqlite", library);
      const guild = h.fake.addGuild({ name: "Backend Club" });
      const admin = h.fake.addUser({ username: "boss" });
      const member = h.fake.addUser({ username: "aiko" });
      const team = `discord:${guild.id}`;
      const refused = h.fake.interact.command({
        name: "team",
        options: { parameters: "fit" },
        user: member,
        guildId: guild.id,
        memberPermissions: "0",
      });
      await refused.settled(20);
      expect(discordText(refused.messages().at(-1))).toContain("Only team admins");
      expect(await h.t.db.teamParameterFit.count()).toBe(0);
      const asked = h.fake.interact.command({
        name: "team",
        options: { parameters: "fit" },
        user: admin,
        guildId: guild.id,
        memberPermissions: String(PermissionFlagsBits.ManageGuild),
      });
      await asked.settled(20);
      expect(discordText(asked.messages().at(-1))).toContain(QUEUED);
      expect(await h.t.db.teamParameterFit.findUniqueOrThrow({ where: { teamId: team } })).toMatchObject({
        requestedBy: `discord:${admin.id}`,
        requestedAt: expect.any(Date),
      });
    });
  });

  describe("on Slack", () => {
    let h: SlackHarness;
    afterEach(async () => {
      await h.stop();
    });

    it("is queued for a workspace admin and refused for a member", async () => {
      h = await startSlackHarness("sqlite", library, "socket");
      const team = `slack:${STANDARD_WORKSPACE.teamId}`;
      const member = { id: "U0MEMBER02", name: "member" };
      h.fake.setUser(STANDARD_WORKSPACE.teamId, member.id, { isAdmin: false });
      h.fake.setUser(STANDARD_WORKSPACE.teamId, DEFAULT_USER.id, { isAdmin: true });
      expect(slackText((await h.command("team parameters fit", { user: member })).message)).toContain("Only team admins");
      expect(await h.t.db.teamParameterFit.count()).toBe(0);
      expect(slackText((await h.command("team parameters fit")).message)).toContain(QUEUED);
      expect(await h.t.db.teamParameterFit.findUniqueOrThrow({ where: { teamId: team } })).toMatchObject({
        requestedBy: `slack:${STANDARD_WORKSPACE.teamId}:${DEFAULT_USER.id}`,
      });
    });
  });

  describe("in the console", () => {
    let t: TestBot;
    afterEach(async () => {
      await t.close();
    });

    it("is queued (the console's user administers its team)", async () => {
      t = await startTestBot("sqlite", library);
      const input = new PassThrough();
      let out = "";
      const output = new Writable({
        write(chunk, _encoding, done) {
          out += String(chunk);
          done();
        },
      });
      input.end(["/team parameters fit", "/quit"].join("\n"));
      await runConsole({
        bot: t.bot,
        input,
        output,
        systemLocale: "en",
        database: "test",
        logger: captureLogs().logger,
        now: () => t.clock.now,
      });
      expect(out).toContain(QUEUED);
      expect(await t.db.teamParameterFit.findUniqueOrThrow({ where: { teamId: CONSOLE_TEAM } })).toMatchObject({
        requestedBy: CONSOLE_USER,
      });
    });
  });
});
