// "/study deck import": opens the upload modal, labelled in the person's chosen language (else their
// Slack client's), remembering where it was opened for the submission.
import type { SlashCommand } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { Bot } from "../../../../core/bot.ts";
import type { Actor } from "../../../../core/identity.ts";
import { messages } from "../../../../core/i18n/messages.ts";
import { writeModalMetadata } from "../../modal-metadata.ts";
import { deckImportModal } from "../../slack-files.ts";

export async function openDeckImport(bot: Bot, client: WebClient, command: SlashCommand, actor: Actor): Promise<void> {
  const t = messages(await bot.locale(actor));
  await client.views.open({
    trigger_id: command.trigger_id,
    view: deckImportModal(
      { title: t.importModalTitle, file: t.importModalFile, name: t.importModalName, submit: t.importModalSubmit, cancel: t.cancel },
      writeModalMetadata({ team: command.team_id, enterprise: command.enterprise_id ?? null, channel: command.channel_id }),
    ),
  });
}
