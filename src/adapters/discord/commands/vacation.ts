import { ApplicationCommandOptionType } from "discord.js";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const vacation: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.vacation),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.vacation.duration),
        max_length: 10,
      },
    ],
    ...CONTEXTS,
  },
  toCommand: (interaction) => ({ name: "vacation", duration: stringOption(interaction, "duration", 10) }),
};
