import { ApplicationCommandOptionType } from "discord.js";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const leaderboard: DiscordCommand = {
  data: {
    ...localized({ en: "leaderboard", ja: "ランキング" }, { en: "The team's top 10 and your rank", ja: "チームの上位10人とあなたの順位" }),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "period", ja: "期間" }, { en: "This week, this month or all time", ja: "今週・今月・全期間" }),
        choices: [
          { name: "This week", name_localizations: { ja: "今週" }, value: "week" },
          { name: "This month", name_localizations: { ja: "今月" }, value: "month" },
          { name: "All time", name_localizations: { ja: "全期間" }, value: "all" },
        ],
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "metric", ja: "指標" }, { en: "What to rank by", ja: "ランキングの基準" }),
        choices: [
          { name: "XP", value: "xp" },
          { name: "Streak", name_localizations: { ja: "連続日数" }, value: "streak" },
          { name: "Reviews", name_localizations: { ja: "復習数" }, value: "reviews" },
          { name: "Accuracy", name_localizations: { ja: "正答率" }, value: "accuracy" },
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
