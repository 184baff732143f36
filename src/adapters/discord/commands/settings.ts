import { ApplicationCommandOptionType } from "discord.js";
import type { SettingName, SettingsInput } from "../../../core/settings/settings.ts";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { choice, localized, timeZoneOption } from "./localized-option.ts";
import { discordTeamId } from "../../shared/platform-ids.ts";

export const settings: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.settings),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.settings.language),
        choices: [
          choice(COMMAND_TEXT.settings.languages.ja, "ja"),
          choice(COMMAND_TEXT.settings.languages.en, "en"),
          choice(COMMAND_TEXT.settings.languages.auto, "auto"),
        ],
      },
      timeZoneOption(COMMAND_TEXT.settings.timezone),
      {
        type: ApplicationCommandOptionType.Number,
        ...localized(COMMAND_TEXT.settings.retention),
        min_value: 0.7,
        max_value: 0.97,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        ...localized(COMMAND_TEXT.settings.newPerDay),
        min_value: 0,
        max_value: 500,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        ...localized(COMMAND_TEXT.settings.reviewsPerDay),
        min_value: 0,
        max_value: 9999,
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.settings.server),
        autocomplete: true,
        max_length: 100,
      },
      {
        // on/off rather than a boolean, so "/settings hidden off" in the bot's replies is what people pick.
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.settings.hidden),
        choices: [choice(COMMAND_TEXT.settings.hiddenChoices.on, "on"), choice(COMMAND_TEXT.settings.hiddenChoices.off, "off")],
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.settings.images),
        choices: [choice(COMMAND_TEXT.settings.imagesChoices.on, "on"), choice(COMMAND_TEXT.settings.imagesChoices.off, "off")],
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.settings.parameters),
        max_length: 600,
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        ...localized(COMMAND_TEXT.settings.optimize),
      },
    ],
    ...CONTEXTS,
  },
  toCommand: (interaction) => {
    const server = stringOption(interaction, "server");
    // Every setting the core has, by its option here: forgetting one does not compile.
    const changes: { [K in SettingName]: SettingsInput[K] } = {
      language: stringOption(interaction, "language"),
      timezone: stringOption(interaction, "timezone", 64),
      retention: interaction.options.getNumber("retention") ?? undefined,
      new: interaction.options.getInteger("new_per_day") ?? undefined,
      reviews: interaction.options.getInteger("reviews_per_day") ?? undefined,
      team: server === undefined ? undefined : server === "personal" ? "personal" : discordTeamId(server),
      hidden: stringOption(interaction, "hidden"),
      images: stringOption(interaction, "images"),
      parameters: stringOption(interaction, "parameters", 600),
    };
    return { name: "settings", changes, optimize: interaction.options.getBoolean("optimize") ?? undefined };
  },
};
