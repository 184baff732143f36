// A slash command: its options become a core command (see commands/); a name the bot no longer
// registers gets the core's answer to an unknown command.
import { PermissionFlagsBits, type ChatInputCommandInteraction } from "discord.js";
import { parseCommandLine } from "../../../core/commands/parse-command-line.ts";
import { COMMANDS_BY_NAME } from "../commands/index.ts";
import type { HandlerContext } from "./handler-context.ts";

/** What the bot needs in a channel to post a round's questions there and edit them. */
const ROUND_PERMISSIONS = [PermissionFlagsBits.ViewChannel, PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks];

export async function handleChatInputCommand(ctx: HandlerContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = COMMANDS_BY_NAME.get(interaction.commandName);
  await ctx.answer(interaction, async () => {
    let actor = await ctx.actor(interaction);
    if (!command) return ctx.bot.commandLine(actor, parseCommandLine(`/${interaction.commandName.slice(0, 32)}`), ctx.now());
    // A round is posted as the bot, not through the interaction: in a channel where Discord says the bot
    // may not post, the core is given no channel, and answers at once where a round can be played.
    if (roundStart(interaction) && !interaction.appPermissions.has(ROUND_PERMISSIONS)) actor = { ...actor, channelId: undefined };
    return ctx.bot.command(actor, await command.toCommand(interaction), ctx.now());
  });
}

function roundStart(interaction: ChatInputCommandInteraction): boolean {
  return interaction.commandName === "game" && interaction.options.getSubcommand(false) === "start";
}
