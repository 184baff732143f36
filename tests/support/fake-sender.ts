// A PlatformSender that records what it would send, and can refuse like a platform does.
import type { ChannelExtras, PlatformSender, SendFailure, SendResult } from "../../src/core/ports/platform-sender.ts";
import type { PictureAttachment } from "../../src/core/views/picture.ts";
import type { View } from "../../src/core/views/view.ts";

export interface Sent {
  to: string;
  channelId?: string;
  view: View;
  notify?: string[];
  /** The key naming this one post, which a platform uses to refuse a repeat of it. */
  once?: string;
  /** The picture a channel post carries (the weekly recap's board). */
  picture?: PictureAttachment;
  at: number;
}

export class FakeSender implements PlatformSender {
  readonly direct_: Sent[] = [];
  readonly channel_: Sent[] = [];
  /** People whose DMs are closed. */
  readonly closed = new Set<string>();
  /** Failures to return for the next sends, in order. */
  readonly failures: SendFailure[] = [];
  /** Failures to return for the next channel posts, in order. */
  readonly channelFailures: SendFailure[] = [];
  /** Sends refused by `failures` or `channelFailures`. */
  readonly refused: Sent[] = [];
  private counter = 0;

  async direct(userId: string, view: View, once?: string): Promise<SendResult> {
    const sent: Sent = { to: userId, view, ...(once ? { once } : {}), at: Date.now() };
    const failure = this.failures.shift();
    if (failure) {
      this.refused.push(sent);
      return { ok: false, reason: failure };
    }
    if (this.closed.has(userId)) return { ok: false, reason: "dm-closed" };
    this.direct_.push(sent);
    return { ok: true, messageRef: `dm/${++this.counter}` };
  }

  async channel(
    teamId: string,
    channelId: string,
    view: View,
    notify?: string[],
    once?: string,
    extras?: ChannelExtras,
  ): Promise<SendResult> {
    const sent: Sent = {
      to: teamId,
      channelId,
      view,
      ...(notify ? { notify } : {}),
      ...(once ? { once } : {}),
      ...(extras?.picture ? { picture: extras.picture } : {}),
      at: Date.now(),
    };
    const failure = this.channelFailures.shift();
    if (failure) {
      this.refused.push(sent);
      return { ok: false, reason: failure };
    }
    this.channel_.push(sent);
    return { ok: true, messageRef: `${channelId}/${++this.counter}` };
  }

  /** Edits of channel messages, in order. */
  readonly edits: (Sent & { messageRef: string })[] = [];

  async edit(teamId: string, channelId: string, messageRef: string, view: View): Promise<SendResult> {
    this.edits.push({ to: teamId, channelId, view, messageRef, at: Date.now() });
    return { ok: true, messageRef };
  }

  directTo(userId: string): Sent[] {
    return this.direct_.filter((s) => s.to === userId);
  }
}
