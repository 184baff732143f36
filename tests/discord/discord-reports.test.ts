// Problem reports on Discord, end to end through the real discord.js client against the local fake:
// the report button on a card's back opens a modal (a select for the reason, a line of text), the
// submit is stored and answered privately, and /deck reports lists it for a Manage Server admin.
import { ButtonStyle, ComponentType, InteractionResponseType, MessageFlags, PermissionFlagsBits } from "discord.js";
import { afterEach, describe, expect, it } from "vitest";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { buttonId, startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";

describe("problem reports on Discord", () => {
  let h: DiscordHarness;
  afterEach(async () => {
    expect(h.fake.internalErrors).toEqual([]);
    await h.stop();
  });

  it("opens a modal from the card's back, stores the report once, and lists it for an admin without the reporter", async () => {
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]));
    const guild = h.fake.addGuild();
    const learner = h.fake.addUser({ username: "aiko" });
    const admin = h.fake.addUser({ username: "boss" });
    const study = h.fake.interact.command({ name: "study", user: learner, guildId: guild.id });
    await study.settled(30);
    const message = study.messages()[0]!;
    await h.fake.interact.component({ customId: buttonId(message, "Show answer"), message: message.id, user: learner }).settled(30);
    const back = h.fake.message(message.id)!;

    const click = h.fake.interact.component({ customId: buttonId(back, "Report a problem"), message: back.id, user: learner });
    const opened = await click.response();
    expect(opened.type).toBe(InteractionResponseType.Modal);
    const modal = opened.data!;
    expect(modal).toMatchObject({
      custom_id: "rs:card-1",
      title: "Report a problem",
      components: [
        {
          type: ComponentType.Label,
          label: "What is wrong?",
          component: {
            type: ComponentType.StringSelect,
            custom_id: "reason",
            options: expect.arrayContaining([{ label: "Typo or formatting", value: "typo" }]),
          },
        },
        { type: ComponentType.Label, component: { type: ComponentType.TextInput, custom_id: "text", max_length: 500, required: false } },
      ],
    });

    const hostile = "@everyone <@&42> the answer should be 3";
    const send = () =>
      h.fake.interact.modalSubmit({
        customId: "rs:card-1",
        modal,
        selects: { reason: ["wrong"] },
        fields: { text: hostile },
        user: learner,
        message: back,
      });
    const submitted = send();
    await submitted.settled(30);
    const thanks = submitted.messages().at(-1)!;
    expect(thanks.ephemeral).toBe(true);
    expect(textOf(thanks)).toContain("Thank you! Your report went to the team's admins.");
    // The card stays as it was, so the learner can go on rating it.
    expect(textOf(h.fake.message(back.id))).toContain("Back of card-1");
    const again = send();
    await again.settled(30);
    expect(textOf(again.messages().at(-1))).toContain("You have already reported this version");
    const rows = await h.t.db.problemReport.findMany();
    expect(rows).toMatchObject([{ userId: `discord:${learner.id}`, teamId: `discord:${guild.id}`, itemId: "card-1", reason: "wrong" }]);
    expect(rows[0]!.text).toBe("@\u200beveryone <\u200b@&42> the answer should be 3");

    const refused = h.fake.interact.command({
      name: "deck",
      subcommand: "reports",
      user: learner,
      guildId: guild.id,
      memberPermissions: "0",
    });
    await refused.settled(30);
    expect(textOf(refused.messages()[0])).toContain("Only team admins can see problem reports");
    const list = h.fake.interact.command({
      name: "deck",
      subcommand: "reports",
      user: admin,
      guildId: guild.id,
      memberPermissions: String(PermissionFlagsBits.ManageGuild),
    });
    await list.settled(30);
    const shown = list.messages()[0]!;
    expect(shown.ephemeral).toBe(true);
    expect(textOf(shown)).toContain("`card-1`: 1 report");
    expect(textOf(shown)).toContain("the answer should be 3");
    expect(textOf(shown)).not.toContain(learner.id);
    expect(shown.api.mentions ?? []).toEqual([]);
    expect(shown.api.mention_everyone ?? false).toBe(false);
    // Sent with mention parsing off, so nothing in a report can ping even if it slipped through.
    const bodies = list.requests().map((r) => r.body as { allowed_mentions?: unknown; data?: { allowed_mentions?: unknown } } | undefined);
    expect(bodies.map((b) => b?.data?.allowed_mentions ?? b?.allowed_mentions)).toContainEqual({ parse: [] });
  });

  it("answers a forged report button for an unknown item with a polite error, opening nothing and storing nothing", async () => {
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]));
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    // A button left on a message by a client that made it up (Discord only delivers ids a message has).
    const planted = h.fake.seedMessage({
      channelId: guild.defaultChannelId,
      flags: MessageFlags.Ephemeral,
      components: [
        {
          type: ComponentType.ActionRow,
          components: [
            { type: ComponentType.Button, style: ButtonStyle.Secondary, label: "Report a problem", custom_id: "rp:no-such-item" },
          ],
        },
      ],
    });
    const forged = h.fake.interact.component({ customId: "rp:no-such-item", message: planted.id, user });
    expect((await forged.response()).type).toBe(InteractionResponseType.ChannelMessageWithSource);
    await forged.settled(30);
    const answer = forged.messages().at(-1)!;
    expect(answer.flags & MessageFlags.Ephemeral).toBeTruthy();
    expect(textOf(answer)).toContain("That item cannot be reported");
    const forgedSubmit = h.fake.interact.modalSubmit({
      customId: "rs:card-1",
      selects: { reason: ["free beer"] },
      fields: {},
      user,
      guildId: guild.id,
    });
    await forgedSubmit.settled(30);
    expect(textOf(forgedSubmit.messages().at(-1))).toContain("That report could not be read");
    expect(await h.t.db.problemReport.count()).toBe(0);
  });
});
