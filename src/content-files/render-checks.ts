// Length checks on items as the platforms render them.
import type { Item } from "../core/deck/item.ts";
import { LOCALES } from "../core/i18n/locale.ts";
import { PLATFORM_LIMITS, promptOf, type RenderCheck } from "./check-library.ts";

const choiceLabels: RenderCheck = (item: Item) => {
  if (item.kind !== "multiple-choice" && item.kind !== "scenario") return [];
  const out: { field: string; message: string }[] = [];
  item.choices.forEach((c, i) => {
    for (const locale of LOCALES) {
      const label = `${String.fromCharCode(65 + i)}. ${c[locale]}`;
      if (label.length > PLATFORM_LIMITS.slackButtonText) {
        out.push({
          field: `choices.${i}.${locale}`,
          message: `button label is ${label.length} characters; Slack allows ${PLATFORM_LIMITS.slackButtonText}`,
        });
      }
    }
  });
  return out;
};

const promptLength: RenderCheck = (item: Item) =>
  LOCALES.flatMap((locale) => {
    const n = promptOf(item, locale).length + item.explanation[locale].length;
    return n > PLATFORM_LIMITS.discordMessage - 200
      ? [
          {
            field: `explanation.${locale}`,
            message: `question and explanation together are ${n} characters; a message allows ${PLATFORM_LIMITS.discordMessage}`,
          },
        ]
      : [];
  });

export const renderChecks: RenderCheck[] = [choiceLabels, promptLength];
