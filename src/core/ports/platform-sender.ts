// What scheduled jobs need from the chat platforms: a direct message to a person, and a message in
// a team's channel. Each platform adapter provides one; the router picks it from the id's platform.
import { platformOf } from "../identity.ts";
import type { View } from "../views/view.ts";

export type SendFailure = "dm-closed" | "not-found" | "forbidden" | "rate-limited" | "failed";

export type SendResult = { ok: true; messageRef: string | null } | { ok: false; reason: SendFailure; detail?: string };

/**
 * `once` names one scheduled post (a reminder, a question of the day, its results, a recap, a
 * milestone), the same on every attempt and every instance: a platform that can refuse a repeat
 * of a post it already created does so for a send carrying the same key (Discord's enforced nonce,
 * a marker on Slack). Only the jobs' claims make keys; replies to a person carry none.
 */
export interface PlatformSender {
  /** A direct message to a person (a platform user id, like discord:123). */
  direct(userId: string, view: View, once?: string): Promise<SendResult>;
  /** A message in a team channel; `notify` are the people it should alert (mentions are otherwise silent). */
  channel(teamId: string, channelId: string, view: View, notify?: string[], once?: string): Promise<SendResult>;
  /**
   * Replaces a channel message this sender posted (`messageRef` as its post returned it) with `view`.
   * Editing to the same view again changes nothing, so a repeated edit is harmless.
   */
  edit(teamId: string, channelId: string, messageRef: string, view: View): Promise<SendResult>;
}

/** The key of one scheduled post: its kind and what its claim is keyed on. */
export function postKey(kind: string, ...parts: (string | number)[]): string {
  return [kind, ...parts].join("|");
}

/** Sends through the platform each id belongs to. */
export class SenderRouter implements PlatformSender {
  private readonly senders: Partial<Record<string, PlatformSender>>;

  constructor(senders: Partial<Record<string, PlatformSender>>) {
    this.senders = senders;
  }

  private pick(id: string): PlatformSender | undefined {
    return this.senders[platformOf(id)];
  }

  direct(userId: string, view: View, once?: string): Promise<SendResult> {
    return (
      this.pick(userId)?.direct(userId, view, once) ??
      Promise.resolve({ ok: false, reason: "failed", detail: `no sender for ${platformOf(userId)}` })
    );
  }

  channel(teamId: string, channelId: string, view: View, notify?: string[], once?: string): Promise<SendResult> {
    return (
      this.pick(teamId)?.channel(teamId, channelId, view, notify, once) ??
      Promise.resolve({ ok: false, reason: "failed", detail: `no sender for ${platformOf(teamId)}` })
    );
  }

  edit(teamId: string, channelId: string, messageRef: string, view: View): Promise<SendResult> {
    return (
      this.pick(teamId)?.edit(teamId, channelId, messageRef, view) ??
      Promise.resolve({ ok: false, reason: "failed", detail: `no sender for ${platformOf(teamId)}` })
    );
  }
}
