// Answers an interaction with the core's reply within Discord's 3 seconds: directly when the core is
// quick, otherwise deferred first (privately for commands and modals, as an update for buttons) and
// edited afterwards. A reply's picture is attached by a further edit once drawn, so the text never
// waits for the drawing (nor a slow drawing for a deferral).
import {
  AttachmentBuilder,
  MessageFlags,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Reply } from "../../core/views/view.ts";
import type { DrawnPicture } from "../shared/attached-picture.ts";
import { replacesClickedMessage } from "../shared/shared-message.ts";
import { renderDiscord } from "./render-discord.ts";
import { renderDiscordModal } from "./render-discord-modal.ts";

export type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

const SLOW: unique symbol = Symbol("slow");

/**
 * `draw` turns the reply's picture into an attachment, added to the answer once the text is sent.
 * `deferAfterMs` 0 defers before any work starts: for clicks that come in bursts (a live round's
 * answers), whose database work, synchronous on SQLite, would otherwise hold the event loop and with
 * it every acknowledgement and the deferral timer itself.
 */
export async function answerInTime(
  interaction: Answerable,
  deferAfterMs: number,
  work: () => Promise<Reply>,
  draw: (reply: Reply) => Promise<DrawnPicture | undefined> = async () => undefined,
): Promise<void> {
  if (deferAfterMs <= 0) {
    await defer(interaction);
    const reply = await work();
    await send(interaction, reply, true);
    return attachPicture(interaction, reply, draw);
  }
  const pending = work();
  let timer: NodeJS.Timeout | undefined;
  const slow = new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), deferAfterMs)));
  const early = await Promise.race([pending, slow]).finally(() => clearTimeout(timer));
  let reply: Reply;
  if (early !== SLOW) {
    reply = early;
    await send(interaction, reply, false);
  } else {
    await defer(interaction);
    reply = await pending;
    await send(interaction, reply, true);
  }
  return attachPicture(interaction, reply, draw);
}

/** Privately for commands and modals, as an update for buttons. */
async function defer(interaction: Answerable): Promise<void> {
  if (interaction.isButton()) await interaction.deferUpdate();
  else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
}

async function attachPicture(interaction: Answerable, reply: Reply, draw: (reply: Reply) => Promise<DrawnPicture | undefined>) {
  if (!reply.picture || reply.form) return;
  const picture = await draw(reply);
  if (picture)
    await interaction.editReply({
      files: [new AttachmentBuilder(Buffer.from(picture.png), { name: picture.filename, description: picture.alt })],
    });
}

async function send(interaction: Answerable, reply: Reply, deferred: boolean): Promise<void> {
  const message = {
    ...renderDiscord(reply.view),
    ...(reply.files ? { files: reply.files.map((f) => new AttachmentBuilder(Buffer.from(f.content, "utf8"), { name: f.name })) } : {}),
  };
  // Only a first response can open a modal: once deferred, the person is asked to press again.
  if (reply.form && interaction.isButton() && !deferred) return interaction.showModal(renderDiscordModal(reply.form));
  if (interaction.isChatInputCommand() || interaction.isModalSubmit()) {
    if (deferred) await interaction.editReply(message);
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    return;
  }
  const sharedMessage = interaction.inGuild() && !interaction.message.flags.has(MessageFlags.Ephemeral);
  if (replacesClickedMessage(reply, sharedMessage)) {
    // The clicked message's old picture goes with its old text; a new one is added once drawn.
    const replaced = { ...message, ...(message.files ? {} : { attachments: [] }) };
    if (deferred) await interaction.editReply(replaced);
    else await interaction.update(replaced);
    return;
  }
  if (deferred) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
  else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
}
