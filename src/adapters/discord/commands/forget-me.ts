import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const forgetMe: DiscordCommand = {
  data: {
    ...localized(
      { en: "forget-me", ja: "データ削除" },
      { en: "Delete everything the bot knows about you", ja: "ボットが持つあなたのデータをすべて削除する" },
    ),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "forget-me" }),
};
