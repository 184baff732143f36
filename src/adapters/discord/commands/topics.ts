import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const topics: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.topics),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "topics" }),
};
