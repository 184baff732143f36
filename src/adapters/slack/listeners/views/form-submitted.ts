// A submitted core form (a problem report): the core's answer replaces the form in the modal, which
// is also how the submission is acknowledged.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import type { Reply } from "../../../../core/views/view.ts";
import { readModalMetadata } from "../../modal-metadata.ts";
import { answerModal, modalValues } from "../../render-slack-modal.ts";
import type { ListenerDeps } from "../listener-deps.ts";

export function formSubmitted(deps: ListenerDeps) {
  const { bot, now } = deps;
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    let acked = false;
    const answer = async (reply: Reply) => {
      acked = true;
      await ack({ response_action: "update", view: answerModal(view.title.text, view.close?.text, reply.view) });
    };
    await deps.work(
      "form",
      { team: body.team?.id, user: body.user.id },
      async () => {
        const meta = readModalMetadata(view.private_metadata);
        const workspace = meta ? meta.team : (body.team?.id ?? body.user.team_id ?? "");
        const actor = await deps.actor(client, {
          userId: body.user.id,
          homeTeamId: body.user.team_id ?? workspace,
          workspace,
          enterpriseId: meta ? meta.enterprise : body.enterprise?.id,
          channelId: meta?.channel,
        });
        await answer(await bot.submit(actor, view.callback_id, modalValues(view.state.values), now()));
      },
      async (apology) => {
        if (!acked) await answer(apology);
      },
    );
  };
}
