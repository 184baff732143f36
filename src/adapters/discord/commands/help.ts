import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const help: DiscordCommand = {
  data: {
    ...localized({ en: "help", ja: "ヘルプ" }, { en: "How to use the study bot", ja: "学習ボットの使い方" }),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "help" }),
};
