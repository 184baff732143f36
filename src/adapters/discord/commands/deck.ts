import { ApplicationCommandOptionType } from "discord.js";
import { IMPORT_LIMITS } from "../../../core/deck-import/parse-deck-file.ts";
import { downloadAttachment } from "../attachment-download.ts";
import type { DiscordCommand } from "./command-module.ts";
import { stringOption } from "./command-module.ts";
import { localized } from "./localized-option.ts";

const deckOption = {
  type: ApplicationCommandOptionType.String as const,
  ...localized({ en: "deck", ja: "デッキ" }, { en: "The deck id (see /deck list)", ja: "デッキID（/deck list で確認）" }),
  required: true,
  max_length: 60,
};

/** The team's own decks: import from a file, list, rename, retire, export, and learners' problem reports (admins only, checked by the core). */
export const deck: DiscordCommand = {
  data: {
    ...localized({ en: "deck", ja: "デッキ" }, { en: "The team's own decks", ja: "チーム独自のデッキ" }),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(
          { en: "import", ja: "取り込み" },
          { en: "Import a CSV, TSV, Anki text or YAML file", ja: "CSV・TSV・Ankiテキスト・YAMLを取り込む" },
        ),
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            ...localized({ en: "file", ja: "ファイル" }, { en: "The deck file (up to 1 MB)", ja: "デッキのファイル（1MBまで）" }),
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            ...localized({ en: "name", ja: "名前" }, { en: "The deck's name", ja: "デッキの名前" }),
            max_length: 40,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized({ en: "list", ja: "一覧" }, { en: "The team's decks", ja: "チームのデッキ一覧" }),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized({ en: "rename", ja: "名前変更" }, { en: "Rename a deck", ja: "デッキの名前を変える" }),
        options: [
          deckOption,
          {
            type: ApplicationCommandOptionType.String,
            ...localized({ en: "name", ja: "名前" }, { en: "The new name", ja: "新しい名前" }),
            required: true,
            max_length: 40,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized({ en: "retire", ja: "廃止" }, { en: "Retire a deck (history stays)", ja: "デッキを廃止する（履歴は残る）" }),
        options: [deckOption],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized({ en: "export", ja: "書き出し" }, { en: "The deck as YAML", ja: "デッキを YAML で書き出す" }),
        options: [deckOption],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(
          { en: "reports", ja: "報告" },
          { en: "Problems learners reported, per item (admins)", ja: "学習者からの問題の報告を項目ごとに（管理者）" },
        ),
      },
    ],
    contexts: [0],
    integration_types: [0],
  },
  toCommand: async (interaction) => {
    const sub = interaction.options.getSubcommand(false);
    const deckId = stringOption(interaction, "deck", 60) ?? "";
    switch (sub) {
      case "import": {
        const attachment = interaction.options.getAttachment("file", true);
        return {
          name: "deck",
          action: "import",
          file: await downloadAttachment(attachment, IMPORT_LIMITS.maxBytes),
          deckName: stringOption(interaction, "name", 40),
        };
      }
      case "rename":
        return { name: "deck", action: "rename", deckId, deckName: stringOption(interaction, "name", 40) ?? "" };
      case "retire":
      case "export":
        return { name: "deck", action: sub, deckId };
      case "reports":
        return { name: "deck", action: "reports" };
      default:
        return { name: "deck", action: "list" };
    }
  },
};
