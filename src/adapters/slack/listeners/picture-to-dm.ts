// A reply's picture on Slack: drawn off the main thread, then uploaded to the person's DM with the
// reply's words as alt text, after the text itself answered. The picture is a nicety: when it
// cannot be drawn, or the DM cannot be opened or written to, only the picture is lost (logged), and
// the person keeps the text that already says the same, with no apology for a reply that went.
import type { WebClient } from "@slack/web-api";
import type { Reply } from "../../../core/views/view.ts";
import { drawAttached } from "../../shared/attached-picture.ts";
import { sendPictureToDm } from "../slack-files.ts";
import { slackFailure } from "../slack-sender.ts";
import type { ListenerDeps } from "./listener-deps.ts";

export async function pictureToDm(deps: ListenerDeps, client: WebClient, userId: string, reply: Reply): Promise<void> {
  const picture = await drawAttached(reply, deps.pictures, deps.logger, deps.nameOf);
  if (!picture) return;
  try {
    await sendPictureToDm(client, userId, picture);
  } catch (e) {
    const failure = slackFailure(e, true);
    deps.logger.warn(
      { reason: failure.ok ? undefined : failure.reason, detail: failure.ok ? undefined : failure.detail },
      "picture not delivered to the DM; the text went",
    );
  }
}
