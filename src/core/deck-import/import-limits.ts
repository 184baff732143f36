// How much an uploaded deck may hold. The field limit matches the longest text an item may carry (TEXT_LIMITS in item.ts).
import { importText } from "../i18n/import-messages.ts";
import type { LocalizedText } from "../i18n/locale.ts";

export const IMPORT_LIMITS = { maxBytes: 1_000_000, maxItems: 2_000, maxFieldChars: 700 } as const;

/** Said when a file holds more items than one deck may have, whatever its format. */
export function tooManyItems(count: number): LocalizedText {
  return importText((m) => m.tooManyItems(count, IMPORT_LIMITS.maxItems));
}
