// The terminal as a platform for live rounds: channel posts and edits are printed as they happen,
// and a question's buttons become the numbers the next typed line presses.
import type { PlatformSender, SendResult } from "../../core/ports/platform-sender.ts";
import type { View } from "../../core/views/view.ts";
import { renderConsole } from "./render-console.ts";

export class ConsoleSender implements PlatformSender {
  private readonly write: (text: string) => void;
  /** Told the actions of a posted or edited message that has buttons (a question). */
  private readonly onButtons: (actions: string[]) => void;
  /** The names the console knows (its own person's). */
  private readonly nameOf: (userId: string) => string | undefined;
  private counter = 0;

  constructor(
    write: (text: string) => void,
    onButtons: (actions: string[]) => void,
    nameOf: (userId: string) => string | undefined = () => undefined,
  ) {
    this.write = write;
    this.onButtons = onButtons;
    this.nameOf = nameOf;
  }

  private print(view: View): void {
    const rendered = renderConsole(view, this.nameOf);
    this.write(rendered.text);
    if (rendered.actions.length > 0) this.onButtons(rendered.actions);
  }

  async direct(_userId: string, view: View): Promise<SendResult> {
    this.print(view);
    return { ok: true, messageRef: null };
  }

  async channel(_teamId: string, channelId: string, view: View): Promise<SendResult> {
    this.print(view);
    return { ok: true, messageRef: `${channelId}/${++this.counter}` };
  }

  async edit(_teamId: string, _channelId: string, messageRef: string, view: View): Promise<SendResult> {
    this.print(view);
    return { ok: true, messageRef };
  }
}
