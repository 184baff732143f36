import { ApplicationCommandOptionType } from "discord.js";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized, topicOption } from "./localized-option.ts";

export const quiz: DiscordCommand = {
  data: {
    ...localized({ en: "quiz", ja: "クイズ" }, { en: "Multiple-choice questions, graded at once", ja: "その場で採点する選択式クイズ" }),
    options: [
      topicOption(),
      {
        type: ApplicationCommandOptionType.Integer,
        ...localized({ en: "count", ja: "問題数" }, { en: "How many questions (1-20)", ja: "問題の数（1〜20）" }),
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
