import { ApplicationCommandOptionType, ChannelType } from "discord.js";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { stringOption } from "./command-module.ts";
import { choice, localized, timeZoneOption } from "./localized-option.ts";

/** Team settings; anyone may look, only members with Manage Server may change them (checked by the core). */
export const team: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.team),
    options: [
      {
        type: ApplicationCommandOptionType.Channel,
        ...localized(COMMAND_TEXT.team.channel),
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.team.qotd),
        max_length: 8,
      },
      timeZoneOption(COMMAND_TEXT.team.timezone),
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.team.language),
        choices: [choice(COMMAND_TEXT.team.languages.ja, "ja"), choice(COMMAND_TEXT.team.languages.en, "en")],
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        ...localized(COMMAND_TEXT.team.recap),
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        ...localized(COMMAND_TEXT.team.milestones),
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.team.parameters),
        choices: [choice(COMMAND_TEXT.team.parametersChoices.fit, "fit"), choice(COMMAND_TEXT.team.parametersChoices.reset, "reset")],
      },
    ],
    contexts: [0],
    integration_types: [0],
  },
  toCommand: (interaction) => ({
    name: "team",
    changes: {
      channel: interaction.options.getChannel("channel")?.id,
      qotd: stringOption(interaction, "qotd", 8),
      timezone: stringOption(interaction, "timezone", 64),
      language: stringOption(interaction, "language", 4),
      recap: interaction.options.getBoolean("recap") ?? undefined,
      milestones: interaction.options.getBoolean("milestones") ?? undefined,
      parameters: stringOption(interaction, "parameters", 8),
    },
  }),
};
