// Messages the scheduled jobs send on Discord (reminders in DMs, team channel posts), through the
// REST API alone: no gateway connection is needed, so any process can send. A SendPacer keeps these
// requests within the global limit in any sliding second; discord.js's REST client still honours
// per-route buckets and waits out any 429 Discord answers.
// discord.js sends a request again when Discord answers after its timeout, with a 5xx, or resets
// the connection, any of which can come after Discord made the message. So every scheduled message
// carries a nonce derived from its post's key, with enforce_nonce: Discord answers a repeat within
// the past few minutes with the message it already made, and creates none. That covers discord.js's
// own repeats (seconds apart) and another instance taking a claim over after its lease.
import { createHash } from "node:crypto";
import { DiscordAPIError, REST, Routes, type RESTPostAPIChannelMessageJSONBody } from "discord.js";
import type { ChannelExtras, PlatformSender, SendResult } from "../../core/ports/platform-sender.ts";
import type { View } from "../../core/views/view.ts";
import { drawPictureAttachment, type DrawnPicture, type PictureKit } from "../shared/attached-picture.ts";
import { discordSnowflakeOf } from "../shared/platform-ids.ts";
import { renderDiscord } from "./render-discord.ts";
import { SendPacer } from "./send-pacer.ts";

/** Discord's nonce for a post's key: at most 25 characters, the same for the same key. */
export function discordNonce(once: string): string {
  return createHash("sha256").update(once).digest("base64url").slice(0, 25);
}

function body(view: View, notify: string[] = [], once?: string): RESTPostAPIChannelMessageJSONBody {
  const message = renderDiscord(view);
  // Embeds never ping: a person to alert is mentioned in the content, and only they may be pinged.
  const users = notify.map(discordSnowflakeOf).filter((id): id is string => id !== undefined);
  return {
    content: users.map((id) => `<@${id}>`).join(" "),
    embeds: message.embeds,
    components: message.components,
    allowed_mentions: { parse: [], users },
    ...(once ? { nonce: discordNonce(once), enforce_nonce: true } : {}),
  };
}

export function failureOf(error: unknown): SendResult {
  if (error instanceof DiscordAPIError) {
    const code = Number(error.code);
    if (code === 50007) return { ok: false, reason: "dm-closed", detail: "50007" };
    if (code === 10003 || code === 10013) return { ok: false, reason: "not-found", detail: String(code) };
    if (code === 50001 || code === 50013) return { ok: false, reason: "forbidden", detail: String(code) };
    if (error.status === 429) return { ok: false, reason: "rate-limited" };
    return { ok: false, reason: "failed", detail: `${error.status} ${code}` };
  }
  return { ok: false, reason: "failed", detail: error instanceof Error ? error.name : "unknown" };
}

export class DiscordSender implements PlatformSender {
  readonly rest: REST;
  private readonly pacer: SendPacer;
  private readonly dmChannels = new Map<string, string>();
  private readonly pictures: PictureKit | undefined;

  /**
   * `pacer`: 50 requests per second by default; share one between senders that share a bot token.
   * `pictures`: draws the pictures channel posts carry (the weekly recap's board); without it they go as text.
   */
  constructor(o: { token: string; apiUrl?: string | undefined; rest?: REST; pacer?: SendPacer; pictures?: PictureKit | undefined }) {
    this.rest = o.rest ?? new REST(o.apiUrl ? { api: o.apiUrl } : {}).setToken(o.token);
    this.pacer = o.pacer ?? new SendPacer();
    this.pictures = o.pictures;
  }

  /**
   * A create; with a picture, multipart: `files[0]` and its `attachments` entry, whose description is
   * the alt text. The nonce rides in the same payload, so a repeated create with its file makes nothing new.
   */
  private post(
    route: `/${string}`,
    body: RESTPostAPIChannelMessageJSONBody | { recipient_id: string },
    picture?: DrawnPicture,
  ): Promise<{ id: string }> {
    if (!picture) return this.pacer.run(async () => (await this.rest.post(route, { body })) as { id: string });
    const withFile = { ...body, attachments: [{ id: 0, filename: picture.filename, description: picture.alt.slice(0, 1024) }] };
    const files = [{ name: picture.filename, data: Buffer.from(picture.png), contentType: "image/png" }];
    return this.pacer.run(async () => (await this.rest.post(route, { body: withFile, files })) as { id: string });
  }

  async direct(userId: string, view: View, once?: string): Promise<SendResult> {
    const id = discordSnowflakeOf(userId);
    if (!id) return { ok: false, reason: "not-found", detail: "not a Discord user" };
    try {
      let channel = this.dmChannels.get(id);
      if (!channel) {
        channel = (await this.post(Routes.userChannels(), { recipient_id: id })).id;
        if (this.dmChannels.size > 100_000) this.dmChannels.clear();
        this.dmChannels.set(id, channel);
      }
      const sent = await this.post(Routes.channelMessages(channel), body(view, [], once));
      return { ok: true, messageRef: `${channel}/${sent.id}` };
    } catch (e) {
      return failureOf(e);
    }
  }

  async channel(
    teamId: string,
    channelId: string,
    view: View,
    notify?: string[],
    once?: string,
    extras?: ChannelExtras,
  ): Promise<SendResult> {
    if (discordSnowflakeOf(teamId) === undefined || !/^\d{15,22}$/.test(channelId))
      return { ok: false, reason: "not-found", detail: "not a Discord channel" };
    // Drawn on the picture threads before the one create; a drawing that fails leaves the text alone.
    const picture =
      extras?.picture && this.pictures
        ? await drawPictureAttachment(extras.picture, this.pictures.drawer, this.pictures.logger, this.pictures.nameOf)
        : undefined;
    try {
      const sent = await this.post(Routes.channelMessages(channelId), body(view, notify, once), picture);
      return { ok: true, messageRef: `${channelId}/${sent.id}` };
    } catch (e) {
      return failureOf(e);
    }
  }

  async edit(_teamId: string, channelId: string, messageRef: string, view: View): Promise<SendResult> {
    const [channel, message] = messageRef.split("/");
    if (channel !== channelId || !message || !/^\d{15,22}$/.test(message))
      return { ok: false, reason: "not-found", detail: "not a Discord message" };
    const { content: _content, nonce: _nonce, enforce_nonce: _enforce, ...edited } = body(view);
    try {
      await this.pacer.run(() => this.rest.patch(Routes.channelMessage(channel, message), { body: edited }));
      return { ok: true, messageRef };
    } catch (e) {
      return failureOf(e);
    }
  }
}
