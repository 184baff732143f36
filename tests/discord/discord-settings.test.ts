// /settings on Discord end to end (the real discord.js client against the local fake Discord): the
// options the bot's own replies name ("/settings hidden off") exist and do what they say.
import { afterEach, describe, expect, it } from "vitest";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { buttonId, startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";

const library = aLibrary([aFlashcard("card-1"), aFlashcard("card-2")]);

describe.each(DATABASES)("/settings on Discord on %s", (kind) => {
  let h: DiscordHarness;
  afterEach(async () => {
    expect(h.fake.internalErrors).toEqual([]);
    await h.stop();
  });

  it("hidden on takes a user off the leaderboard and the settings view says so; hidden off brings them back", async () => {
    h = await startDiscordHarness(kind, library);
    const guild = h.fake.addGuild({ name: "Backend Club" });
    const aiko = h.fake.addUser({ username: "aiko" });
    const ben = h.fake.addUser({ username: "ben" });
    type User = typeof aiko;
    const command = async (user: User, name: string, options: Record<string, string> = {}) => {
      const handle = h.fake.interact.command({ name, options, user, guildId: guild.id });
      await handle.settled(20);
      return textOf(handle.messages().at(-1));
    };
    const reviewOneCard = async (user: User) => {
      const study = h.fake.interact.command({ name: "study", user, guildId: guild.id });
      await study.settled(20);
      const id = study.messages()[0]!.id;
      for (const label of ["Show answer", "Good"]) {
        await h.fake.interact.component({ customId: buttonId(h.fake.message(id), label), message: id, user }).settled(20);
      }
    };
    await reviewOneCard(aiko);
    await reviewOneCard(ben);
    expect(await command(ben, "leaderboard")).toContain(`<@${aiko.id}>`);

    const hidden = await command(aiko, "settings", { hidden: "on" });
    expect(hidden).toContain("Saved.");
    expect(hidden).toContain("Hidden from leaderboards: **on**");
    expect(await command(aiko, "settings")).toContain("Hidden from leaderboards: **on**");
    const board = await command(ben, "leaderboard");
    expect(board).toContain(`<@${ben.id}>`);
    expect(board).not.toContain(`<@${aiko.id}>`);
    expect(await command(aiko, "leaderboard")).toContain(
      "You are hidden from leaderboards (5 XP). Show yourself again with /settings hidden off.",
    );

    expect(await command(aiko, "settings", { hidden: "off" })).toContain("Hidden from leaderboards: **off**");
    expect(await command(ben, "leaderboard")).toContain(`<@${aiko.id}>`);
  });

  it("offers hidden with Japanese names beside the English ones", async () => {
    h = await startDiscordHarness(kind, library);
    const registered = h.fake.globalCommands.find((c) => c.name === "settings");
    const hidden = registered?.options?.find((o) => o.name === "hidden");
    expect(hidden?.name_localizations).toEqual({ ja: "非表示" });
    expect(hidden?.description_localizations?.ja).toMatch(/ランキング/);
    expect("choices" in (hidden ?? {}) ? (hidden as { choices: { value: string }[] }).choices.map((c) => c.value) : []).toEqual([
      "on",
      "off",
    ]);
  });
});
