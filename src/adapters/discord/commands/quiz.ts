import { ApplicationCommandOptionType } from "discord.js";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized, topicOption } from "./localized-option.ts";

export const quiz: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.quiz),
    options: [
      topicOption(),
      {
        type: ApplicationCommandOptionType.Integer,
        ...localized(COMMAND_TEXT.quiz.count),
        min_value: 1,
        max_value: 20,
      },
    ],
    ...CONTEXTS,
  },
  toCommand: (interaction) => ({
    name: "quiz",
    topic: stringOption(interaction, "topic")?.toLowerCase(),
    count: interaction.options.getInteger("count") ?? undefined,
  }),
};
