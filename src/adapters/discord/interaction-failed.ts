// An unexpected failure while answering a Discord interaction: logged once with what identifies the
// interaction, and a private apology (a follow-up when the interaction was already answered).
import { MessageFlags, type Interaction } from "discord.js";
import type { Bot } from "../../core/bot.ts";
import { toLocale } from "../../core/i18n/locale.ts";
import type { Logger } from "../../ops/logger.ts";
import { logAndApologise } from "../shared/interaction-outcome.ts";
import { renderDiscord } from "./render-discord.ts";

export async function interactionFailed(bot: Bot, logger: Logger, interaction: Interaction, error: unknown): Promise<void> {
  const context = {
    interaction: {
      id: interaction.id,
      type: interaction.type,
      command: interaction.isChatInputCommand() ? interaction.commandName : undefined,
      customId: interaction.isButton() || interaction.isModalSubmit() ? interaction.customId.slice(0, 100) : undefined,
      user: interaction.user.id,
      guild: interaction.guildId,
    },
  };
  await logAndApologise(
    error,
    { context, message: "discord interaction failed" },
    {
      bot,
      logger,
      locale: toLocale(interaction.locale),
      context: { interaction: { id: interaction.id } },
      send: async (apology) => {
        if (!interaction.isRepliable()) return;
        const message = { ...renderDiscord(apology.view), flags: MessageFlags.Ephemeral } as const;
        if (interaction.replied || interaction.deferred) await interaction.followUp(message);
        else await interaction.reply(message);
      },
    },
  );
}
