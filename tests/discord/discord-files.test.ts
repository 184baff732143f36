// Files on Discord through the real discord.js client: /deck import reads the attached file (served by
// the fake's CDN), and /export answers privately with the CSV files attached.
import { PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { buttonId, startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";

describe("files on Discord", () => {
  let h: DiscordHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("imports an attached deck for a Manage Server admin, and refuses everyone else", async () => {
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]));
    const guild = h.fake.addGuild();
    const admin = h.fake.addUser();
    const member = h.fake.addUser();
    const file = h.fake.hostAttachment("k8s.tsv", "front\tback\nWhat is a pod?\tThe smallest deployable unit\n");
    const refused = h.fake.interact.command({
      name: "deck",
      subcommand: "import",
      options: { file: file.id },
      user: member,
      guildId: guild.id,
      memberPermissions: "0",
    });
    await refused.settled(30);
    expect(textOf(refused.messages()[0])).toContain("Only team admins");
    const imported = h.fake.interact.command({
      name: "deck",
      subcommand: "import",
      options: { file: file.id, name: "Kubernetes" },
      user: admin,
      guildId: guild.id,
      memberPermissions: String(PermissionFlagsBits.ManageGuild),
    });
    await imported.settled(50);
    expect(textOf(imported.messages()[0])).toContain('Deck "Kubernetes" imported');
    expect(await h.t.db.item.count({ where: { teamId: `discord:${guild.id}` } })).toBe(1);
  });

  it("answers /export privately with the CSV files attached", async () => {
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]));
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const study = h.fake.interact.command({ name: "study", user, guildId: guild.id });
    await study.settled(30);
    const message = study.messages()[0]!;
    await h.fake.interact.component({ customId: buttonId(message, "Show answer"), message: message.id, user }).settled(30);
    await h.fake.interact.component({ customId: buttonId(h.fake.message(message.id), "Good"), message: message.id, user }).settled(30);
    const exported = h.fake.interact.command({ name: "export", user, guildId: guild.id });
    await exported.settled(50);
    const reply = exported.messages()[0]!;
    expect(reply.ephemeral).toBe(true);
    const upload = exported.requests().find((r) => r.files.length > 0)!;
    expect(upload.files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^study-bot-reviews-.*\.csv$/),
      expect.stringMatching(/^study-bot-cards-.*\.csv$/),
    ]);
    expect(upload.files[0]!.bytes.toString("utf8")).toContain("card-1,");
  });
});
