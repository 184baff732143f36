import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const exportData: DiscordCommand = {
  data: {
    ...localized(
      { en: "export", ja: "エクスポート" },
      { en: "Your review history and card states, as CSV", ja: "復習履歴とカードの状態を CSV で" },
    ),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "export" }),
};
