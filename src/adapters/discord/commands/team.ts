import { ApplicationCommandOptionType, ChannelType } from "discord.js";
import type { DiscordCommand } from "./command-module.ts";
import { stringOption } from "./command-module.ts";
import { localized, timeZoneOption } from "./localized-option.ts";

/** Team settings; anyone may look, only members with Manage Server may change them (checked by the core). */
export const team: DiscordCommand = {
  data: {
    ...localized(
      { en: "team", ja: "チーム設定" },
      { en: "The server's channel, question of the day and recap", ja: "サーバーのチャンネル・今日の問題・週間まとめ" },
    ),
    options: [
      {
        type: ApplicationCommandOptionType.Channel,
        ...localized({ en: "channel", ja: "チャンネル" }, { en: "Where the bot posts", ja: "ボットが投稿するチャンネル" }),
        channel_types: [ChannelType.GuildText, ChannelType.GuildAnnouncement],
      },
      {
        type: ApplicationCommandOptionType.String,
        ...localized(
          { en: "qotd", ja: "今日の問題" },
          { en: "Question of the day at HH:MM, or off", ja: "今日の問題の時刻 HH:MM、または off" },
        ),
        max_length: 8,
      },
      timeZoneOption({ en: "The team's time zone", ja: "チームのタイムゾーン" }),
      {
        type: ApplicationCommandOptionType.String,
        ...localized({ en: "language", ja: "言語" }, { en: "Language of posts in the channel", ja: "チャンネルへの投稿の言語" }),
        choices: [
          { name: "日本語", value: "ja" },
          { name: "English", value: "en" },
        ],
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        ...localized({ en: "recap", ja: "週間まとめ" }, { en: "Weekly recap on Mondays", ja: "毎週月曜の週間まとめ" }),
      },
      {
        type: ApplicationCommandOptionType.Boolean,
        ...localized({ en: "milestones", ja: "達成通知" }, { en: "Announce streak milestones", ja: "連続記録の達成を通知する" }),
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
    },
  }),
};
