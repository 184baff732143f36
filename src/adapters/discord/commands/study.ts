import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized, topicOption } from "./localized-option.ts";

export const study: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.study),
    options: [topicOption()],
    ...CONTEXTS,
  },
  toCommand: (interaction) => ({ name: "study", topic: stringOption(interaction, "topic")?.toLowerCase() }),
};
