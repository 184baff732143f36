import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const stats: DiscordCommand = {
  data: {
    ...localized(COMMAND_TEXT.stats),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "stats" }),
};
