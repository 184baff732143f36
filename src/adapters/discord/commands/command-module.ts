// The shape of one slash command: what is registered with Discord, and how its options become a
// core Command. One file per command, in this folder.
import {
  ApplicationIntegrationType,
  InteractionContextType,
  type ChatInputCommandInteraction,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord.js";
import type { Command } from "../../../core/commands/command.ts";

export interface DiscordCommand {
  data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** May be asynchronous (downloading an attached file). */
  toCommand(interaction: ChatInputCommandInteraction): Command | Promise<Command>;
}

/** Every command works in server channels and in DMs with the bot, for server installs. */
export const CONTEXTS: Pick<RESTPostAPIChatInputApplicationCommandsJSONBody, "contexts" | "integration_types"> = {
  contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
  integration_types: [ApplicationIntegrationType.GuildInstall],
};

/** A string option as typed, trimmed and bounded; undefined when absent or empty. */
export function stringOption(interaction: ChatInputCommandInteraction, name: string, max = 100): string | undefined {
  const value = interaction.options.getString(name)?.trim();
  return value ? value.slice(0, max) : undefined;
}
