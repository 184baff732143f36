import { ApplicationCommandOptionType } from "discord.js";
import type { SettingName, SettingsInput } from "../../../core/settings/settings.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized, timeZoneOption } from "./localized-option.ts";
import { discordTeamId } from "../../shared/platform-ids.ts";

export const settings: DiscordCommand = {
  data: {
    ...localized({ en: "settings", ja: "設定" }, { en: "Show or change your settings", ja: "設定の確認と変更" }),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "language", ja: "言語" }, { en: "Language of the bot's answers", ja: "ボットの言語" }),
        choices: [
          { name: "日本語", value: "ja" },
          { name: "English", value: "en" },
          { name: "Auto (Discord's language)", name_localizations: { ja: "自動（Discordの言語）" }, value: "auto" },
        ],
      },
      timeZoneOption({ en: "Your time zone, like Asia/Tokyo", ja: "タイムゾーン（例：Asia/Tokyo）" }),
      {
        type: ApplicationCommandOptionType.Number,
        ...localized({ en: "retention", ja: "定着率" }, { en: "Desired retention, 0.70-0.97", ja: "目標定着率（0.70〜0.97）" }),
        min_value: 0.7,
        max_value: 0.97,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        ...localized({ en: "new_per_day", ja: "新規カード数" }, { en: "New cards per day, 0-500", ja: "1日の新しいカード数（0〜500）" }),
        min_value: 0,
        max_value: 500,
      },
      {
        type: ApplicationCommandOptionType.Integer,
        ...localized({ en: "reviews_per_day", ja: "復習上限" }, { en: "Reviews per day, 0-9999", ja: "1日の復習数の上限（0〜9999）" }),
        min_value: 0,
        max_value: 9999,
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(
          { en: "server", ja: "サーバー" },
          { en: "The server your DMs with the bot count for", ja: "DMでの学習を記録するサーバー" },
        ),
        autocomplete: true,
        max_length: 100,
      },
      {
        // on/off rather than a boolean, so "/settings hidden off" in the bot's replies is what people pick.
        type: ApplicationCommandOptionType.String,
        ...localized(
          { en: "hidden", ja: "非表示" },
          { en: "Hide yourself from leaderboards: on or off", ja: "ランキングに自分を表示しない（on/off）" },
        ),
        choices: [
          { name: "on", name_localizations: { ja: "on（非表示にする）" }, value: "on" },
          { name: "off", name_localizations: { ja: "off（表示する）" }, value: "off" },
        ],
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
    };
    return { name: "settings", changes };
  },
};
