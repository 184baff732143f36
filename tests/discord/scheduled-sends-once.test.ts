// Scheduled messages on Discord go out once however the network behaves: every one carries a nonce
// derived from its post's key with enforce_nonce, so when discord.js repeats a create (Discord
// answered after its timeout, a 500 or a reset after the message was made) Discord answers the
// message it already made. The local fake enforces nonces as Discord does.
import { REST } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DiscordSender, discordNonce } from "../../src/adapters/discord/discord-sender.ts";
import { view } from "../../src/core/views/view.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";

const APP = "1100000000000000001";

describe("scheduled Discord messages", () => {
  let fake: FakeDiscord;
  let sender: DiscordSender;
  beforeEach(async () => {
    fake = await FakeDiscord.start({ applicationId: APP });
    // discord.js gives up on an answer after `timeout` and sends the request again (15 s by default).
    sender = new DiscordSender({ token: "t", rest: new REST({ api: fake.restUrl, timeout: 400, retries: 3 }).setToken("t") });
  });
  afterEach(async () => {
    sender.rest.clearHashSweeper();
    sender.rest.clearHandlerSweeper();
    await fake.stop();
  });

  const creates = () => fake.requestsTo("POST", /^\/channels\/\d+\/messages$/);

  it("posts a reminder once when Discord answers its create after discord.js's timeout and discord.js sends it again", async () => {
    const user = fake.addUser();
    fake.slowNext({ method: "POST", path: /^\/channels\/\d+\/messages$/, ms: 1500 });
    const sent = await sender.direct(`discord:${user.id}`, view({ body: ["Time to review"] }), "reminder|discord:1|2026-11-20|0");
    expect(sent.ok).toBe(true);
    // The slow first create is still answered; wait for it, then count.
    await fake.waitFor(() => creates().length >= 2, 5000, "both creates answered");
    expect(fake.dmMessages(user.id)).toHaveLength(1);
    expect(fake.nonceRepeats).toBe(1);
    expect(creates()[0]!.body).toMatchObject({ nonce: discordNonce("reminder|discord:1|2026-11-20|0"), enforce_nonce: true });
  });

  it("posts a team channel message once when the connection is reset after Discord made it", async () => {
    const guild = fake.addGuild();
    fake.chaos({ seed: "reset", match: /^POST \/channels\/\d+\/messages$/, rates: { reset: 1 }, stallMs: 0, afterWork: 1, limit: 1 });
    const sent = await sender.channel(`discord:${guild.id}`, guild.channelId(0), view({ body: ["Results"] }), undefined, "qotd-results|q1");
    expect(sent.ok).toBe(true);
    expect(fake.chaosCounts.reset).toBe(1);
    expect(fake.messagesIn(guild.channelId(0))).toHaveLength(1);
    expect(fake.nonceRepeats).toBe(1);
  });

  it("derives a nonce Discord accepts (at most 25 characters), the same for the same post and different for others", () => {
    const a = discordNonce("reminder|discord:123456789012345678|2026-11-20|0");
    expect(a.length).toBeLessThanOrEqual(25);
    expect(discordNonce("reminder|discord:123456789012345678|2026-11-20|0")).toBe(a);
    expect(discordNonce("reminder|discord:123456789012345678|2026-11-21|0")).not.toBe(a);
  });
});

describe("the local fake Discord's nonces", () => {
  let fake: FakeDiscord;
  beforeEach(async () => {
    fake = await FakeDiscord.start({ applicationId: APP, nonceWindowMs: 60_000 });
  });
  afterEach(async () => {
    await fake.stop();
  });

  const post = (channelId: string, body: unknown) =>
    fetch(`${fake.restUrl}/v10/channels/${channelId}/messages`, {
      method: "POST",
      headers: { Authorization: "Bot t", "Content-Type": "application/json" },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: (await r.json()) as { id?: string } }));

  it("answers a repeated enforced nonce with the message it made, creating none, and refuses nonces Discord refuses", async () => {
    const guild = fake.addGuild();
    const channel = guild.channelId(0);
    const first = await post(channel, { content: "a", nonce: "n-1", enforce_nonce: true });
    const again = await post(channel, { content: "a", nonce: "n-1", enforce_nonce: true });
    expect(again).toEqual(first);
    // Without enforce_nonce the nonce is only echoed, as on Discord.
    await post(channel, { content: "b", nonce: "n-2" });
    await post(channel, { content: "b", nonce: "n-2" });
    expect(fake.messagesIn(channel)).toHaveLength(3);
    expect((await post(channel, { content: "c", nonce: "x".repeat(26), enforce_nonce: true })).status).toBe(400);
    expect(fake.nonceRepeats).toBe(1);
  });
});
