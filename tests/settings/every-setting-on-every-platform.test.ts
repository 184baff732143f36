// Every setting the core has (SETTING_NAMES) can be changed on every platform, through each
// platform's real client and adapter, and the settings view shows its new value. A setting added to
// the core without a Discord option, a Slack or console word, or a line in the view fails here.
import { PassThrough, Writable } from "node:stream";
import { afterEach, describe, expect, it } from "vitest";
import { CONSOLE_TEAM, CONSOLE_USER, runConsole } from "../../src/adapters/console/console-session.ts";
import { SETTING_NAMES, settingsInputSchema, type SettingName } from "../../src/core/settings/settings.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { startDiscordHarness, textOf as discordText, type DiscordHarness } from "../support/discord-harness.ts";
import { startSlackHarness, STANDARD_WORKSPACE, textOf as slackText, type SlackHarness } from "../support/slack-harness.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const library = aLibrary([aFlashcard("card-1")]);
/** FSRS-6 parameters as Anki shows them (its defaults, with a longer first stability). */
const PASTED = [
  0.3, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425,
  0.0912, 0.0658, 0.1542,
];

interface Sample {
  /** The Discord /settings options that change it; `team` is the server's id. */
  discord(serverId: string): Record<string, string | number>;
  /** What follows "settings" on Slack (/study settings ...) and in the console (/settings ...). */
  words(team: string): string;
  /** The stored profile once changed (the User row). */
  stored(team: string): Record<string, unknown>;
  /** The line of the settings view that shows it (markup aside). */
  shown(team: string): RegExp;
}

/** One value for each setting, different from its default. */
const SAMPLES: { [K in SettingName]: Sample } = {
  language: {
    discord: () => ({ language: "en" }),
    words: () => "language en",
    stored: () => ({ locale: "en" }),
    shown: () => /Language: \W*English/,
  },
  timezone: {
    discord: () => ({ timezone: "Europe/Berlin" }),
    words: () => "timezone Europe/Berlin",
    stored: () => ({ timeZone: "Europe/Berlin" }),
    shown: () => /Time zone: \W*Europe\/Berlin/,
  },
  retention: {
    discord: () => ({ retention: 0.85 }),
    words: () => "retention 0.85",
    stored: () => ({ desiredRetention: 0.85 }),
    shown: () => /Desired retention: \W*0\.85/,
  },
  new: {
    discord: () => ({ new_per_day: 7 }),
    words: () => "new 7",
    stored: () => ({ newPerDay: 7 }),
    shown: () => /New cards per day: \W*7\b/,
  },
  reviews: {
    discord: () => ({ reviews_per_day: 77 }),
    words: () => "reviews 77",
    stored: () => ({ reviewsPerDay: 77 }),
    shown: () => /Reviews per day: \W*77\b/,
  },
  team: {
    discord: (serverId) => ({ server: serverId }),
    words: (team) => `team ${team}`,
    stored: (team) => ({ dmTeamId: team }),
    shown: (team) => new RegExp(`Direct messages count for: \\W*${team.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}`),
  },
  hidden: {
    discord: () => ({ hidden: "on" }),
    words: () => "hidden on",
    stored: () => ({ hidden: true }),
    shown: () => /Hidden from leaderboards: \W*on\b/,
  },
  images: {
    discord: () => ({ images: "off" }),
    words: () => "images off",
    stored: () => ({ images: false }),
    shown: () => /Pictures with \/stats and leaderboards: \W*off\b/,
  },
  parameters: {
    discord: () => ({ parameters: PASTED.join(", ") }),
    words: () => `parameters ${PASTED.join(", ")}`,
    stored: () => ({ fsrsParameters: JSON.stringify(PASTED), fsrsSource: "pasted" }),
    shown: () => /Scheduling parameters: \W*personal, pasted/,
  },
};

async function storedProfile(t: TestBot, userId: string) {
  return t.db.user.findUniqueOrThrow({ where: { id: userId } });
}

describe("every setting the core has", () => {
  it("is listed here, and is what /settings accepts", () => {
    expect(Object.keys(SAMPLES)).toEqual([...SETTING_NAMES]);
    expect(Object.keys(settingsInputSchema.shape).sort()).toEqual([...SETTING_NAMES].sort());
  });

  describe("on Discord", () => {
    let h: DiscordHarness;
    afterEach(async () => {
      expect(h.fake.internalErrors).toEqual([]);
      await h.stop();
    });

    it("has a /settings option that changes it, and the reply shows it", async () => {
      h = await startDiscordHarness("sqlite", library);
      const guild = h.fake.addGuild({ name: "Backend Club" });
      const user = h.fake.addUser({ username: "aiko" });
      const team = `discord:${guild.id}`;
      await h.fake.interact.command({ name: "stats", user, guildId: guild.id }).settled(20);
      for (const name of SETTING_NAMES) {
        const sample = SAMPLES[name];
        const handle = h.fake.interact.command({ name: "settings", options: sample.discord(guild.id), user, guildId: guild.id });
        await handle.settled(20);
        const reply = discordText(handle.messages().at(-1));
        expect(reply, name).toContain("Saved.");
        expect(reply, name).toMatch(sample.shown(team));
        expect(await storedProfile(h.t, `discord:${user.id}`), name).toMatchObject(sample.stored(team));
      }
    });
  });

  describe("on Slack", () => {
    let h: SlackHarness;
    afterEach(async () => {
      await h.stop();
    });

    it("has a /study settings word that changes it, and the reply shows it", async () => {
      h = await startSlackHarness("sqlite", library, "socket");
      const team = `slack:${STANDARD_WORKSPACE.teamId}`;
      for (const name of SETTING_NAMES) {
        const sample = SAMPLES[name];
        const { message } = await h.command(`settings ${sample.words(team)}`);
        const reply = slackText(message);
        expect(reply, name).toContain("Saved.");
        expect(reply, name).toMatch(sample.shown(team));
        expect(await storedProfile(h.t, `slack:${STANDARD_WORKSPACE.teamId}:U0LEARNER1`), name).toMatchObject(sample.stored(team));
      }
    });
  });

  describe("in the console", () => {
    let t: TestBot;
    afterEach(async () => {
      await t.close();
    });

    it("has a /settings word that changes it, and the reply shows it", async () => {
      t = await startTestBot("sqlite", library);
      const input = new PassThrough();
      let out = "";
      const output = new Writable({
        write(chunk, _encoding, done) {
          out += String(chunk);
          done();
        },
      });
      const lines = SETTING_NAMES.map((name) => `/settings ${SAMPLES[name].words(CONSOLE_TEAM)}`);
      input.end(["/stats", ...lines, "/quit"].join("\n"));
      await runConsole({
        bot: t.bot,
        input,
        output,
        systemLocale: "en",
        database: "test",
        logger: captureLogs().logger,
        now: () => t.clock.now,
      });
      // Each reply is what follows its echoed line, up to the next one.
      for (const [i, name] of SETTING_NAMES.entries()) {
        const reply = out.split(`> ${lines[i]}\n`)[1]?.split("\n> ")[0] ?? "";
        expect(reply, name).toContain("Saved.");
        expect(reply, name).toMatch(SAMPLES[name].shown(CONSOLE_TEAM));
      }
      expect(await storedProfile(t, CONSOLE_USER)).toMatchObject(
        Object.assign({}, ...SETTING_NAMES.map((name) => SAMPLES[name].stored(CONSOLE_TEAM))),
      );
    });
  });
});
