import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS } from "./command-module.ts";
import { localized } from "./localized-option.ts";

export const topics: DiscordCommand = {
  data: {
    ...localized({ en: "topics", ja: "トピック一覧" }, { en: "The topics you can study", ja: "学習できるトピックの一覧" }),
    ...CONTEXTS,
  },
  toCommand: () => ({ name: "topics" }),
};
