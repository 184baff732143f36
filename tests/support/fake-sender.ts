// A PlatformSender that records what it would send, and can refuse like a platform does.
import type { PlatformSender, SendFailure, SendResult } from "../../src/core/ports/platform-sender.ts";
import type { View } from "../../src/core/views/view.ts";

export interface Sent {
  to: string;
  channelId?: string;
  view: View;
  notify?: string[];
  at: number;
}

export class FakeSender implements PlatformSender {
  readonly direct_: Sent[] = [];
  readonly channel_: Sent[] = [];
  /** People whose DMs are closed. */
  readonly closed = new Set<string>();
  /** Failures to return for the next sends, in order. */
  readonly failures: SendFailure[] = [];
  private counter = 0;

  async direct(userId: string, view: View): Promise<SendResult> {
    const failure = this.failures.shift();
    if (failure) return { ok: false, reason: failure };
    if (this.closed.has(userId)) return { ok: false, reason: "dm-closed" };
    this.direct_.push({ to: userId, view, at: Date.now() });
    return { ok: true, messageRef: `dm/${++this.counter}` };
  }

  async channel(teamId: string, channelId: string, view: View, notify?: string[]): Promise<SendResult> {
    this.channel_.push({ to: teamId, channelId, view, ...(notify ? { notify } : {}), at: Date.now() });
    return { ok: true, messageRef: `${channelId}/${++this.counter}` };
  }

  directTo(userId: string): Sent[] {
    return this.direct_.filter((s) => s.to === userId);
  }
}
