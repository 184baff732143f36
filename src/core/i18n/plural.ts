// Plurals by the language's own rules (Intl.PluralRules), not by `n === 1`: English has "one" and
// "other"; Japanese has only "other", so its catalog gives that form alone.
import type { Locale } from "./locale.ts";

/** The forms a catalog gives for a count: English needs both, Japanese only `other`. */
export type PluralForms = { other: string } & Partial<Record<Intl.LDMLPluralRule, string>>;

const RULES: Record<Locale, Intl.PluralRules> = {
  en: new Intl.PluralRules("en"),
  ja: new Intl.PluralRules("ja"),
};

/** The form of `forms` that goes with `n` in `locale`; `other` when the language has no form of its own for it. */
export function plural(locale: Locale, n: number, forms: PluralForms): string {
  return forms[RULES[locale].select(n)] ?? forms.other;
}
