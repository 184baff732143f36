// A slash command: its options become a core command (see commands/); a name the bot no longer
// registers gets the core's answer to an unknown command.
import type { ChatInputCommandInteraction } from "discord.js";
import { parseCommandLine } from "../../../core/commands/parse-command-line.ts";
import { COMMANDS_BY_NAME } from "../commands/index.ts";
import type { HandlerContext } from "./handler-context.ts";

export async function handleChatInputCommand(ctx: HandlerContext, interaction: ChatInputCommandInteraction): Promise<void> {
  const command = COMMANDS_BY_NAME.get(interaction.commandName);
  await ctx.answer(interaction, async () => {
    const actor = await ctx.actor(interaction);
    if (!command) return ctx.bot.commandLine(actor, parseCommandLine(`/${interaction.commandName.slice(0, 32)}`), ctx.now());
    return ctx.bot.command(actor, await command.toCommand(interaction), ctx.now());
  });
}
