import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const stats: DiscordCommand = {
  data: {
    ...localized({ en: "stats", ja: "統計" }, { en: "What is due, your retention and your streak", ja: "復習予定・定着率・連続学習日数" }),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "stats" }),
};
