// The deck upload modal, submitted: the file is downloaded with the bot token and imported, and the
// answer goes to the person's DM (a closed modal has nowhere else to show it).
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { parseCommandLine } from "../../../../core/commands/parse-command-line.ts";
import { parseModalMetadata } from "../../modal-metadata.ts";
import { renderSlack } from "../../render-slack.ts";
import { postToDm } from "../../slack-dm.ts";
import { DECK_FILE_ACTION, DECK_FILE_BLOCK, DECK_NAME_ACTION, DECK_NAME_BLOCK, downloadSlackFile } from "../../slack-files.ts";
import type { ListenerDeps } from "../listener-deps.ts";

type UploadState = Record<
  string,
  Record<string, { files?: { name?: string; size?: number; url_private_download?: string }[]; value?: string | null }>
>;

export function deckImportSubmitted(deps: ListenerDeps) {
  const { bot, now } = deps;
  return async ({ ack, body, view, client }: SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs) => {
    await ack();
    await deps.work(
      "deck-import",
      { team: body.team?.id, user: body.user.id },
      async () => {
        const meta = parseModalMetadata(view.private_metadata);
        const actor = await deps.actor(client, {
          userId: body.user.id,
          homeTeamId: body.user.team_id ?? meta.team,
          workspace: meta.team,
          enterpriseId: meta.enterprise,
          channelId: meta.channel,
        });
        const state = view.state.values as UploadState;
        const file = state[DECK_FILE_BLOCK]?.[DECK_FILE_ACTION]?.files?.[0];
        const deckName = state[DECK_NAME_BLOCK]?.[DECK_NAME_ACTION]?.value ?? undefined;
        const reply = file
          ? await bot.command(
              actor,
              { name: "deck", action: "import", file: await downloadSlackFile(file, deps.botToken), deckName },
              now(),
            )
          : await bot.commandLine(actor, parseCommandLine("deck import"), now());
        await postToDm(client, body.user.id, renderSlack(reply.view));
      },
      (apology) => postToDm(client, body.user.id, renderSlack(apology.view)),
    );
  };
}
