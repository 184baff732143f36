// Messages the scheduled jobs send on Slack: reminders in the app's DM with each person, and posts
// in team channels.
// Slack has no idempotency key for chat.postMessage, and the Web API client's own retries (on a
// 5xx, a timeout or a dropped connection, any of which can come after Slack posted) would post a
// scheduled message twice. So a scheduled post (one with a key) goes through a client that retries
// nothing by itself; only a 429 is waited out and sent again here (Slack posted nothing). The post
// carries its key as message metadata, and after an answer that leaves it unknown whether Slack
// posted, the conversation's latest messages are read for that key before posting again. If they
// cannot be read, nothing is posted again: the send reports failed, and the key is remembered so
// that a later retry from this process looks first too. Replies to a person keep the app's client.
// A post with a picture (the weekly recap) always looks for its key first, so a retry after a crash
// finds the text it already posted; its picture is then uploaded to the channel only if no upload of
// that file follows the text already. Files carry no metadata: the file's name (unique to the post)
// and its place after the post are its marker.
import { webApi } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { ChannelExtras, PlatformSender, SendResult } from "../../core/ports/platform-sender.ts";
import type { PictureAttachment } from "../../core/views/picture.ts";
import type { View } from "../../core/views/view.ts";
import { drawPictureAttachment, type PictureKit } from "../shared/attached-picture.ts";
import { slackUserOf } from "../shared/platform-ids.ts";
import { renderSlack } from "./render-slack.ts";
import { openDm } from "./slack-dm.ts";

/** The metadata event type scheduled posts carry; the payload's `key` is the post's key. */
export const SCHEDULED_POST_EVENT = "study_bot_scheduled_post";
/** Posts of one key tried in one send, 429s aside. */
const MAX_TRIES = 3;
/** How many of a conversation's latest messages are read for a key. */
const LOOK_BACK = 50;

/** Slack's refusals to deliver to a person, as opposed to failures worth retrying. */
const DM_CLOSED = new Set([
  "cannot_dm_bot",
  "user_not_found",
  "user_disabled",
  "messages_tab_disabled",
  "user_not_visible",
  "channel_not_found",
]);
const FORBIDDEN = new Set(["not_in_channel", "is_archived", "restricted_action", "missing_scope", "ekm_access_denied"]);

export function slackFailure(error: unknown, forPerson: boolean): SendResult {
  const code = (error as { data?: { error?: string }; code?: string })?.data?.error;
  if (code && forPerson && DM_CLOSED.has(code)) return { ok: false, reason: "dm-closed", detail: code };
  if (code === "channel_not_found") return { ok: false, reason: "not-found", detail: code };
  if (code && FORBIDDEN.has(code)) return { ok: false, reason: "forbidden", detail: code };
  if ((error as { code?: string })?.code === "slack_webapi_rate_limited_error") return { ok: false, reason: "rate-limited" };
  return { ok: false, reason: "failed", detail: code ?? (error instanceof Error ? error.name : "unknown") };
}

/** The key a scheduled post carries in its metadata. */
function keyOf(payload: unknown): unknown {
  return typeof payload === "object" && payload !== null && "key" in payload ? payload.key : undefined;
}

type PostArgs = Parameters<WebClient["chat"]["postMessage"]>[0] & { channel: string };

export class SlackSender implements PlatformSender {
  /** For scheduled posts: no automatic retries, 429s handed back to be waited out here. */
  private readonly once: WebClient;
  /** Keys whose post may have gone through unseen: looked for before they are posted again. */
  private readonly unsure = new Set<string>();

  private readonly client: WebClient;
  private readonly pictures: PictureKit | undefined;

  /** `pictures`: draws the pictures channel posts carry (the weekly recap's board); without it they go as text. */
  constructor(client: WebClient, o: { timeoutMs?: number; pictures?: PictureKit | undefined } = {}) {
    this.client = client;
    this.pictures = o.pictures;
    this.once = new webApi.WebClient(client.token, {
      slackApiUrl: client.slackApiUrl,
      retryConfig: { retries: 0 },
      rejectRateLimitedCalls: true,
      timeout: o.timeoutMs ?? 15_000,
      logLevel: webApi.LogLevel.ERROR,
    });
  }

  async direct(userId: string, view: View, once?: string): Promise<SendResult> {
    const user = slackUserOf(userId);
    if (!user) return { ok: false, reason: "not-found", detail: "not a Slack user" };
    // Posting to a user id lands in the app's direct message with them.
    return this.post({ channel: user, ...renderSlack(view) }, once, true);
  }

  async channel(
    _teamId: string,
    channelId: string,
    view: View,
    notify: string[] = [],
    once?: string,
    extras?: ChannelExtras,
  ): Promise<SendResult> {
    const mentions = notify.map(slackUserOf).filter((u): u is string => u !== undefined);
    const message = renderSlack(view);
    const args = {
      channel: channelId,
      ...message,
      text: [mentions.map((u) => `<@${u}>`).join(" "), message.text].filter(Boolean).join(" "),
    };
    if (!extras?.picture || !this.pictures) return this.post(args, once, false);
    // A retry of a post that went through (from an instance that died before recording it) finds it.
    const earlier = once ? await this.lookFor(channelId, once) : "absent";
    const sent = typeof earlier === "object" ? ({ ok: true, messageRef: earlier.found } as const) : await this.post(args, once, false);
    if (!sent.ok) return sent;
    await this.uploadPicture(channelId, extras.picture, typeof earlier === "object" ? sent.messageRef : null);
    return sent;
  }

  /**
   * The post's picture, uploaded to the channel after its text. `after` is the text found from an
   * earlier attempt: the upload is skipped if that attempt's file already follows it, or if that
   * cannot be read (the text, which says the same, is there). An upload that fails is not retried:
   * it may have gone through, and the text already went.
   */
  private async uploadPicture(channelId: string, attachment: PictureAttachment, after: string | null): Promise<void> {
    const kit = this.pictures;
    if (!kit) return;
    const filename = `${attachment.name}.png`;
    if (after !== null && (await this.lookForFile(channelId, filename, after.slice(after.indexOf("/") + 1))) !== "absent") return;
    const picture = await drawPictureAttachment(attachment, kit.drawer, kit.logger, kit.nameOf);
    if (!picture) return;
    try {
      await this.once.files.uploadV2({
        channel_id: channelId,
        filename: picture.filename,
        title: picture.filename,
        file: Buffer.from(picture.png),
        alt_text: picture.alt.slice(0, 1000),
      });
    } catch (e) {
      const failure = slackFailure(e, false);
      kit.logger.warn(
        { channel: channelId, reason: failure.ok ? undefined : failure.reason, detail: failure.ok ? undefined : failure.detail },
        "the post's picture was not uploaded; its text went",
      );
    }
  }

  /** Whether a file named `filename` was shared in the channel after the message `afterTs`, "unknown" if unreadable. */
  private async lookForFile(channel: string, filename: string, afterTs: string): Promise<"found" | "absent" | "unknown"> {
    try {
      const history = await this.once.conversations.history({ channel, oldest: afterTs, limit: LOOK_BACK });
      // Slack's ts are "seconds.micros" of fixed width: as strings they order as times, without a float's rounding.
      const found = history.messages?.some((m) => (m.ts ?? "") > afterTs && m.files?.some((f) => f.name === filename));
      return found ? "found" : "absent";
    } catch {
      return "unknown";
    }
  }

  async edit(_teamId: string, channelId: string, messageRef: string, view: View): Promise<SendResult> {
    const slash = messageRef.indexOf("/");
    const channel = messageRef.slice(0, slash);
    const ts = messageRef.slice(slash + 1);
    if (slash < 0 || channel !== channelId || !/^\d+\.\d+$/.test(ts))
      return { ok: false, reason: "not-found", detail: "not a Slack message" };
    try {
      // An edit may be sent again safely (it sets the same content), so the client's own retries are kept.
      await this.client.chat.update({ channel, ts, ...renderSlack(view) });
      return { ok: true, messageRef };
    } catch (e) {
      return slackFailure(e, false);
    }
  }

  private async post(args: PostArgs, once: string | undefined, forPerson: boolean): Promise<SendResult> {
    const ref = (sent: { channel?: string; ts?: string }) => `${sent.channel ?? args.channel}/${sent.ts ?? ""}`;
    if (!once) {
      try {
        return { ok: true, messageRef: ref(await this.client.chat.postMessage(args)) };
      } catch (e) {
        return slackFailure(e, forPerson);
      }
    }
    const marked = { ...args, metadata: { event_type: SCHEDULED_POST_EVENT, event_payload: { key: once } } } as PostArgs;
    let last: unknown;
    for (let tries = 0; tries < MAX_TRIES;) {
      if (this.unsure.has(once)) {
        const found = await this.lookFor(args.channel, once);
        if (found === "unknown") return { ok: false, reason: "failed", detail: "unconfirmed: not posted again" };
        this.unsure.delete(once);
        if (found !== "absent") return { ok: true, messageRef: found.found };
      }
      try {
        return { ok: true, messageRef: ref(await this.once.chat.postMessage(marked)) };
      } catch (e) {
        last = e;
        const code = (e as { code?: string }).code;
        if (code === webApi.ErrorCode.RateLimitedError) {
          await new Promise((resolve) => setTimeout(resolve, 1000 * Math.max(1, (e as { retryAfter?: number }).retryAfter ?? 1)));
          continue;
        }
        // Slack answered and refused: it posted nothing.
        if (code === webApi.ErrorCode.PlatformError) return slackFailure(e, forPerson);
        // A 5xx, a timeout or a dropped connection: it may have posted.
        this.unsure.add(once);
        if (this.unsure.size > 10_000) this.unsure.clear();
        tries += 1;
      }
    }
    return slackFailure(last, forPerson);
  }

  /** The post carrying `key` among the conversation's latest messages, "absent", or "unknown" if they cannot be read. */
  private async lookFor(channel: string, key: string): Promise<{ found: string } | "absent" | "unknown"> {
    try {
      // A user id names the DM with them; history needs the DM's own id.
      const id = /^[UW]/.test(channel) ? await openDm(this.once, channel) : channel;
      if (!id) return "unknown";
      const history = await this.once.conversations.history({ channel: id, limit: LOOK_BACK, include_all_metadata: true });
      const found = history.messages?.find(
        (m) => m.metadata?.event_type === SCHEDULED_POST_EVENT && keyOf(m.metadata.event_payload) === key,
      );
      return found ? { found: `${id}/${found.ts ?? ""}` } : "absent";
    } catch {
      return "unknown";
    }
  }
}
