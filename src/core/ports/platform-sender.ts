// What scheduled jobs need from the chat platforms: a direct message to a person, and a message in
// a team's channel. Each platform adapter provides one; the router picks it from the id's platform.
import { platformOf } from "../identity.ts";
import type { View } from "../views/view.ts";

export type SendFailure = "dm-closed" | "not-found" | "forbidden" | "rate-limited" | "failed";

export type SendResult = { ok: true; messageRef: string | null } | { ok: false; reason: SendFailure; detail?: string };

export interface PlatformSender {
  /** A direct message to a person (a platform user id, like discord:123). */
  direct(userId: string, view: View): Promise<SendResult>;
  /** A message in a team channel; `notify` are the people it should alert (mentions are otherwise silent). */
  channel(teamId: string, channelId: string, view: View, notify?: string[]): Promise<SendResult>;
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

  direct(userId: string, view: View): Promise<SendResult> {
    return (
      this.pick(userId)?.direct(userId, view) ??
      Promise.resolve({ ok: false, reason: "failed", detail: `no sender for ${platformOf(userId)}` })
    );
  }

  channel(teamId: string, channelId: string, view: View, notify?: string[]): Promise<SendResult> {
    return (
      this.pick(teamId)?.channel(teamId, channelId, view, notify) ??
      Promise.resolve({ ok: false, reason: "failed", detail: `no sender for ${platformOf(teamId)}` })
    );
  }
}
