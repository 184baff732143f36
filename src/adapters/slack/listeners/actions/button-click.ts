// A click on one of the bot's buttons: the core answers with a form (opened as a modal), or a view
// that replaces the clicked message, goes privately to the clicker, or (from the App Home tab, where
// there is no message to replace) opens in their DM.
import type { AllMiddlewareArgs, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { replacesClickedMessage } from "../../../shared/shared-message.ts";
import { writeModalMetadata } from "../../modal-metadata.ts";
import { renderSlack, SLACK_LIMITS } from "../../render-slack.ts";
import { renderSlackModal } from "../../render-slack-modal.ts";
import { postToDm } from "../../slack-dm.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { pictureToDm } from "../picture-to-dm.ts";
import { privateAnswer } from "../private-answer.ts";

/** The click came from a message the whole channel sees: not ephemeral, and not in a DM. */
function onSharedMessage(payload: BlockAction): boolean {
  const channel = (payload.container?.channel_id as string | undefined) ?? payload.channel?.id ?? "";
  return payload.container?.is_ephemeral === false && !channel.startsWith("D");
}

export function buttonClick(deps: ListenerDeps) {
  const { bot, now } = deps;
  return async ({ body, ack, respond, client }: SlackActionMiddlewareArgs<BlockAction> & AllMiddlewareArgs) => {
    await ack();
    const payload = body as BlockAction<ButtonAction>;
    const action = payload.actions[0];
    await deps.work(
      "button",
      { team: payload.team?.id, user: payload.user.id, action: action?.action_id?.slice(0, 100) },
      async () => {
        const workspace = payload.team?.id ?? payload.user.team_id ?? "";
        const clickedIn: unknown = payload.container?.channel_id ?? payload.channel?.id;
        const actor = await deps.actor(client, {
          userId: payload.user.id,
          homeTeamId: payload.user.team_id ?? workspace,
          workspace,
          enterpriseId: payload.enterprise?.id,
          // Where the clicked message is (a live round's button counts only on its own round's channel).
          channelId: typeof clickedIn === "string" ? clickedIn : undefined,
        });
        const value = typeof action?.value === "string" ? action.value : (action?.action_id ?? "");
        const reply = await bot.click(actor, value.slice(0, SLACK_LIMITS.buttonValue), now());
        const channelId: unknown = payload.container?.channel_id;
        if (reply.form) {
          const metadata = writeModalMetadata({
            team: workspace,
            enterprise: payload.enterprise?.id ?? null,
            channel: typeof channelId === "string" ? channelId : undefined,
          });
          await client.views.open({ trigger_id: payload.trigger_id, view: renderSlackModal(reply.form, metadata) });
          return;
        }
        // From the App Home tab there is no message to replace: the session opens in the DM.
        if (payload.container?.type === "view" || !payload.response_url) await postToDm(client, payload.user.id, renderSlack(reply.view));
        else if (replacesClickedMessage(reply, onSharedMessage(payload)))
          await respond({ replace_original: true, ...renderSlack(reply.view) });
        else await respond(privateAnswer(reply.view));
        // A board for another period or metric (or /stats again) follows in the DM, as the command's did.
        await pictureToDm(deps, client, payload.user.id, reply);
      },
      (apology) => respond(privateAnswer(apology.view)),
    );
  };
}
