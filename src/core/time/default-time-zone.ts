// A first guess at someone's time zone from their language, used until they set one. It is always
// shown back to them (/settings, /remind) so a wrong guess is easy to see and fix.
import type { Locale } from "../i18n/locale.ts";

const BY_LOCALE: Record<Locale, string> = { ja: "Asia/Tokyo", en: "UTC" };

export function timeZoneForLocale(locale: Locale | undefined, fallback = "UTC"): string {
  return locale ? BY_LOCALE[locale] : fallback;
}
