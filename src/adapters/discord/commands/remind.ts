import { ApplicationCommandOptionType } from "discord.js";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { choice, localized, timeZoneOption } from "./localized-option.ts";

export const remind: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.remind),
    options: [
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.remind.time),
        max_length: 8,
      },
      timeZoneOption(COMMAND_TEXT.remind.timezone),
      {
        type: ApplicationCommandOptionType.String,
        ...localized(COMMAND_TEXT.remind.when),
        choices: [choice(COMMAND_TEXT.remind.whens.due, "due"), choice(COMMAND_TEXT.remind.whens.notStudied, "not-studied")],
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
