import { ApplicationCommandOptionType } from "discord.js";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { choice, localized } from "./localized-option.ts";

export const leaderboard: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.leaderboard),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.leaderboard.period),
        choices: [
          choice(COMMAND_TEXT.leaderboard.periods.week, "week"),
          choice(COMMAND_TEXT.leaderboard.periods.month, "month"),
          choice(COMMAND_TEXT.leaderboard.periods.all, "all"),
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.leaderboard.metric),
        choices: [
          choice(COMMAND_TEXT.leaderboard.metrics.xp, "xp"),
          choice(COMMAND_TEXT.leaderboard.metrics.streak, "streak"),
          choice(COMMAND_TEXT.leaderboard.metrics.reviews, "reviews"),
          choice(COMMAND_TEXT.leaderboard.metrics.accuracy, "accuracy"),
        ],
      },
    ],
    ...CONTEXTS,
  },
  toCommand: (interaction) => {
    const period = interaction.options.getString("period");
    const metric = interaction.options.getString("metric");
    return {
      name: "leaderboard",
      period: period === "week" || period === "month" || period === "all" ? period : undefined,
      metric: metric === "xp" || metric === "streak" || metric === "reviews" || metric === "accuracy" ? metric : undefined,
    };
  },
};
