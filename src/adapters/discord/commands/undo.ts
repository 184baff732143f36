import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const undo: DiscordCommand = {
  data: {
    ...localized({ en: "undo", ja: "取り消し" }, { en: "Take back your last rating", ja: "直前の評価を取り消す" }),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "undo" }),
};
