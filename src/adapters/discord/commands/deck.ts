import { ApplicationCommandOptionType } from "discord.js";
import { IMPORT_LIMITS } from "../../../core/deck-import/parse-deck-file.ts";
import { downloadAttachment } from "../attachment-download.ts";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { stringOption } from "./command-module.ts";
import { localized } from "./localized-option.ts";

const deckOption = {
  type: ApplicationCommandOptionType.String as const,
  ...localized(COMMAND_TEXT.deck.deckId),
  required: true,
  max_length: 60,
};

/** The team's own decks: import from a file, list, rename, retire, export, and learners' problem reports (admins only, checked by the core). */
export const deck: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.deck),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(COMMAND_TEXT.deck.import),
        options: [
          {
            type: ApplicationCommandOptionType.Attachment,
            ...localized(COMMAND_TEXT.deck.file),
            required: true,
          },
          {
            type: ApplicationCommandOptionType.String,
            ...localized(COMMAND_TEXT.deck.importName),
            max_length: 40,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(COMMAND_TEXT.deck.list),
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(COMMAND_TEXT.deck.rename),
        options: [
          deckOption,
          {
            type: ApplicationCommandOptionType.String,
            ...localized(COMMAND_TEXT.deck.newName),
            required: true,
            max_length: 40,
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(COMMAND_TEXT.deck.retire),
        options: [deckOption],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(COMMAND_TEXT.deck.export),
        options: [deckOption],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(COMMAND_TEXT.deck.reports),
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
