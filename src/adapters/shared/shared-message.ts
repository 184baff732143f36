// A button on a message the whole channel sees (a reminder in the team channel, the question of the
// day) must not turn that message into one person's session: the answer goes to the clicker alone.
import type { Reply } from "../../core/views/view.ts";

/** True when a click's answer replaces the message that was clicked, false when it goes privately to the clicker. */
export function replacesClickedMessage(reply: Reply, sharedMessage: boolean): boolean {
  return reply.mode === "update" && !sharedMessage;
}
