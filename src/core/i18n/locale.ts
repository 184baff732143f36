// The two languages the product speaks. Every user-facing string exists in both.
import { z } from "zod";
import { SCHEMA_EN } from "./schema-messages.ts";

export const LOCALES = ["en", "ja"] as const;
export type Locale = (typeof LOCALES)[number];
export const localeSchema = z.enum(LOCALES);

/** Maps a platform or system locale tag ("ja", "ja-JP", "en-US", "en_GB.UTF-8") to one we speak. */
export function toLocale(tag: string | null | undefined): Locale | undefined {
  if (!tag) return undefined;
  const lower = tag.toLowerCase();
  if (lower.startsWith("ja")) return "ja";
  if (lower.startsWith("en")) return "en";
  return undefined;
}

/** Text in both languages, as decks and topics store it. */
export const localizedTextSchema = z.strictObject({
  ja: z.string().trim().min(1, SCHEMA_EN.textMissing("Japanese")),
  en: z.string().trim().min(1, SCHEMA_EN.textMissing("English")),
});
export type LocalizedText = z.infer<typeof localizedTextSchema>;
