import { ApplicationCommandOptionType } from "discord.js";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized, timeZoneOption } from "./localized-option.ts";

export const remind: DiscordCommand = {
  data: {
    ...localized(
      { en: "remind", ja: "リマインダー" },
      { en: "A daily reminder when reviews are due", ja: "復習があるときの毎日のリマインダー" },
    ),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "time", ja: "時刻" }, { en: "HH:MM in your time zone, or off", ja: "HH:MM（あなたのタイムゾーン）または off" }),
        max_length: 8,
      },
      timeZoneOption({ en: "Your time zone, like Asia/Tokyo", ja: "タイムゾーン（例：Asia/Tokyo）" }),
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "when", ja: "条件" }, { en: "When it comes", ja: "届く条件" }),
        choices: [
          { name: "When cards are due", name_localizations: { ja: "復習カードがあるとき" }, value: "due" },
          { name: "Only if I have not studied today", name_localizations: { ja: "今日まだ学習していないときだけ" }, value: "not-studied" },
        ],
      },
    ],
    ...CONTEXTS,
  },
  toCommand: (interaction) => {
    const time = stringOption(interaction, "time", 8);
    return {
      name: "remind",
      off: time?.toLowerCase() === "off" ? true : undefined,
      time: time?.toLowerCase() === "off" ? undefined : time,
      timeZone: stringOption(interaction, "timezone", 64),
      when: stringOption(interaction, "when", 16),
    };
  },
};
