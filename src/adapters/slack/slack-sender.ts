// Messages the scheduled jobs send on Slack: reminders in the app's DM with each person, and posts
// in team channels. The Web API client waits out rate limits (Retry-After) on its own.
import type { WebClient } from "@slack/web-api";
import type { PlatformSender, SendResult } from "../../core/ports/platform-sender.ts";
import type { View } from "../../core/views/view.ts";
import { renderSlack } from "./render-slack.ts";

const SLACK_USER = /^slack:[A-Z0-9]+:([UW][A-Z0-9]+)$/;

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

export class SlackSender implements PlatformSender {
  private readonly client: WebClient;

  constructor(client: WebClient) {
    this.client = client;
  }

  async direct(userId: string, view: View): Promise<SendResult> {
    const user = SLACK_USER.exec(userId)?.[1];
    if (!user) return { ok: false, reason: "not-found", detail: "not a Slack user" };
    try {
      // Posting to a user id lands in the app's direct message with them.
      const sent = await this.client.chat.postMessage({ channel: user, ...renderSlack(view) });
      return { ok: true, messageRef: `${sent.channel ?? user}/${sent.ts ?? ""}` };
    } catch (e) {
      return slackFailure(e, true);
    }
  }

  async channel(_teamId: string, channelId: string, view: View, notify: string[] = []): Promise<SendResult> {
    const mentions = notify.map((id) => SLACK_USER.exec(id)?.[1]).filter((u): u is string => u !== undefined);
    try {
      const message = renderSlack(view);
      const sent = await this.client.chat.postMessage({
        channel: channelId,
        ...message,
        text: [mentions.map((u) => `<@${u}>`).join(" "), message.text].filter(Boolean).join(" "),
      });
      return { ok: true, messageRef: `${channelId}/${sent.ts ?? ""}` };
    } catch (e) {
      return slackFailure(e, false);
    }
  }
}
