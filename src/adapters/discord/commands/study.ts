import type { DiscordCommand } from "./command-module.ts";
import { CONTEXTS, stringOption } from "./command-module.ts";
import { localized, topicOption } from "./localized-option.ts";

export const study: DiscordCommand = {
  data: {
    ...localized({ en: "study", ja: "学習" }, { en: "Review due cards, then new ones", ja: "期限の来たカードと新しいカードを学習する" }),
    options: [topicOption()],
    ...CONTEXTS,
  },
  toCommand: (interaction) => ({ name: "study", topic: stringOption(interaction, "topic")?.toLowerCase() }),
};
