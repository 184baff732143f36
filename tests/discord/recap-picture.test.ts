// The weekly recap on Discord through discord.js's REST client: one message with the team's board
// as a PNG attachment whose description names the people as the picture does, sent once however
// discord.js repeats the create (the nonce rides in the multipart payload), and the text alone when
// the picture cannot be drawn.
import { REST } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { discordNonce, DiscordSender } from "../../src/adapters/discord/discord-sender.ts";
import { PictureWorkers, type PictureDrawer } from "../../src/pictures/picture-drawer.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { aRecap, recapPng } from "../support/recap-fixture.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";

const APP = "1100000000000000001";
const AIKO = "discord:200000000000000001";
const REN = "discord:200000000000000002";
const SORA = "discord:200000000000000003";

describe("the weekly recap's picture on Discord", () => {
  let fake: FakeDiscord;
  let pictures: PictureWorkers;
  const senders: DiscordSender[] = [];
  const logs = captureLogs("warn");
  const senderWith = (drawer: PictureDrawer) => {
    // discord.js gives up on an answer after `timeout` and sends the request again.
    const rest = new REST({ api: fake.restUrl, timeout: 400, retries: 3 }).setToken("t");
    const sender = new DiscordSender({
      token: "t",
      rest,
      pictures: { drawer, logger: logs.logger, nameOf: (id) => ({ [AIKO]: "Aiko Tanaka", [REN]: "田中 蓮" })[id] },
    });
    senders.push(sender);
    return sender;
  };
  beforeEach(async () => {
    fake = await FakeDiscord.start({ applicationId: APP });
    pictures = new PictureWorkers();
  });
  afterEach(async () => {
    for (const sender of senders.splice(0)) {
      sender.rest.clearHashSweeper();
      sender.rest.clearHandlerSweeper();
    }
    await pictures.close();
    await fake.stop();
  });

  const creates = () => fake.requestsTo("POST", /^\/channels\/\d+\/messages$/);
  const people = [
    { userId: AIKO, xp: 120 },
    { userId: REN, xp: 80 },
    { userId: SORA, xp: 10 },
  ];

  it("attaches the board as a PNG with the recap's words, naming the people it knows, once though discord.js sends the create again", async () => {
    const guild = fake.addGuild();
    const channel = guild.channelId(0);
    const { post, picture } = aRecap(people);
    fake.slowNext({ method: "POST", path: /^\/channels\/\d+\/messages$/, ms: 1500 });
    const once = `recap|discord:${guild.id}|w2026-11-23`;
    const sent = await senderWith(pictures).channel(`discord:${guild.id}`, channel, post, undefined, once, { picture });
    expect(sent.ok).toBe(true);
    await fake.waitFor(() => creates().length >= 2, 5000, "both creates answered");
    // discord.js sent the create (with its file) twice; Discord made one message.
    expect(fake.nonceRepeats).toBe(1);
    expect(creates().every((r) => r.files.length === 1)).toBe(true);
    expect(creates()[0]!.body).toMatchObject({ nonce: discordNonce(once), enforce_nonce: true });
    const [message] = fake.messagesIn(channel);
    expect(fake.messagesIn(channel)).toHaveLength(1);
    expect(message!.attachments).toHaveLength(1);
    const attachment = message!.attachments[0]!;
    expect(attachment.filename).toBe("recap-2026-11-23.png");
    // The description is the post's words with each person named as the picture names them.
    expect(attachment.description).toContain("Weekly recap (week of 2026-11-23)");
    expect(attachment.description).toContain("1. Aiko Tanaka · 120 XP");
    expect(attachment.description).toContain("2. 田中 蓮 · 80 XP");
    expect(attachment.description).toContain("3. Team member · 10 XP");
    expect(attachment.description).not.toContain("⟦");
    const png = recapPng(creates()[0]!.files[0]!.bytes, 3);
    expect(png.width).toBe(1000);
    expect(png.height).toBe(png.expectedHeight);
    expect(png.ink).toBeGreaterThan(10_000);
    expect(png.bars).toBeGreaterThan(500);
  });

  it("posts the recap again as one message when the same post is sent twice (a retry after a lost answer)", async () => {
    const guild = fake.addGuild();
    const channel = guild.channelId(0);
    const { post, picture } = aRecap(people);
    const once = `recap|discord:${guild.id}|w2026-11-23`;
    const first = await senderWith(pictures).channel(`discord:${guild.id}`, channel, post, undefined, once, { picture });
    const again = await senderWith(pictures).channel(`discord:${guild.id}`, channel, post, undefined, once, { picture });
    expect(again).toEqual(first);
    expect(fake.messagesIn(channel)).toHaveLength(1);
    expect(fake.messagesIn(channel)[0]!.attachments).toHaveLength(1);
  });

  it("posts the text alone when the picture cannot be drawn", async () => {
    const guild = fake.addGuild();
    const channel = guild.channelId(0);
    const { post, picture } = aRecap(people);
    const failing: PictureDrawer = { draw: () => Promise.reject(new Error("no drawing today")), close: () => Promise.resolve() };
    const sent = await senderWith(failing).channel(`discord:${guild.id}`, channel, post, undefined, `recap|discord:${guild.id}|w1`, {
      picture,
    });
    expect(sent.ok).toBe(true);
    const [message] = fake.messagesIn(channel);
    expect(message!.attachments).toEqual([]);
    expect(JSON.stringify(message!.embeds)).toContain("Weekly recap");
    expect(logs.text()).toContain("picture not drawn");
  });
});
