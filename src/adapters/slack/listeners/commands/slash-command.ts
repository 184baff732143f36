// The bot's one slash command: its text is a command line for the core ("/study quiz net"), plain
// "/study" studies, and the answer is private. Exported files and pictures follow in the person's DM.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { COMMAND_LINE_MAX, parseCommandLine } from "../../../../core/commands/parse-command-line.ts";
import { sendFilesToDm } from "../../slack-files.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { pictureToDm } from "../picture-to-dm.ts";
import { privateAnswer } from "../private-answer.ts";
import { openDeckImport } from "./open-deck-import.ts";

export function slashCommand(deps: ListenerDeps) {
  const { bot, now } = deps;
  return async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await deps.work(
      "command",
      { command: command.command, team: command.team_id, user: command.user_id },
      async () => {
        const actor = await deps.actor(client, {
          userId: command.user_id,
          homeTeamId: command.team_id,
          workspace: command.team_id,
          enterpriseId: command.enterprise_id,
          channelId: command.channel_id,
        });
        const text = command.text.trim();
        // Files come through a modal: Slack's slash commands cannot carry attachments.
        if (/^deck\s+import\b/i.test(text)) return openDeckImport(bot, client, command, actor);
        // Anything past the parser's limit is refused by it with a message.
        const line = text === "" ? "study" : text.slice(0, COMMAND_LINE_MAX + 1);
        const reply = await bot.commandLine(actor, parseCommandLine(line), now(), { helpOnUnknown: true });
        await respond(privateAnswer(reply.view));
        if (reply.files?.length) await sendFilesToDm(client, command.user_id, reply.files, reply.view.body[0] ?? "");
        await pictureToDm(deps, client, command.user_id, reply);
      },
      (apology) => respond(privateAnswer(apology.view)),
    );
  };
}
