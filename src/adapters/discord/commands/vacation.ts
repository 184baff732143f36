import { ApplicationCommandOptionType } from "discord.js";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const vacation: DiscordCommand = {
  data: {
    ...localized(
      { en: "vacation", ja: "休暇" },
      { en: "Pause reminders and freeze your streak", ja: "リマインダーを止め、連続日数を凍結する" },
    ),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "duration", ja: "期間" }, { en: "Like 7d or 2w, or off to come back", ja: "7d や 2w、戻るときは off" }),
        max_length: 10,
      },
    ],
    ...CONTEXTS,
  },
  toCommand: (interaction) => ({ name: "vacation", duration: stringOption(interaction, "duration", 10) }),
};
