// The deck's glossary (content/glossary.yaml): one term per concept, and the variants content must
// avoid. content:check fails on any avoided variant in any text of any item.
import { z } from "zod";
import { LOCALES, type Locale } from "../core/i18n/locale.ts";
import { pushZodProblems, readYaml, relativePath, REPORT_INPUT, type ContentProblem } from "./load-library.ts";

/** `/body/flags` is a regular expression; anything else is literal text. */
const REGEX_VARIANT = /^\/(.+)\/([a-z]*)$/s;

const variantSchema = z
  .string()
  .trim()
  .min(1, "a variant is empty")
  .superRefine((variant, ctx) => {
    const m = REGEX_VARIANT.exec(variant);
    if (!m) return;
    try {
      new RegExp(m[1] ?? "", `${m[2] ?? ""}u`);
    } catch (e) {
      ctx.addIssue({ code: "custom", message: `invalid regular expression ${variant}: ${(e as Error).message}` });
    }
  });

const termSchema = z.strictObject({
  concept: z.string().trim().min(1),
  use: z.strictObject({ ja: z.string().trim().min(1), en: z.string().trim().min(1) }),
  note: z.string().trim().min(1).optional(),
  avoid: z.strictObject({ ja: z.array(variantSchema).optional(), en: z.array(variantSchema).optional() }).optional(),
});
export type GlossaryTerm = z.infer<typeof termSchema>;

export const glossarySchema = z.strictObject({ terms: z.array(termSchema) });
export type Glossary = z.infer<typeof glossarySchema>;

/** One avoided variant, ready to search a text of its language. */
export interface AvoidRule {
  locale: Locale;
  variant: string;
  term: GlossaryTerm;
  pattern: RegExp;
}

export function avoidRules(glossary: Glossary): AvoidRule[] {
  return glossary.terms.flatMap((term) =>
    LOCALES.flatMap((locale) => (term.avoid?.[locale] ?? []).map((variant) => ({ locale, variant, term, pattern: patternOf(variant) }))),
  );
}

function patternOf(variant: string): RegExp {
  const m = REGEX_VARIANT.exec(variant);
  if (m) return new RegExp(m[1] ?? "", `${m[2] ?? ""}u`);
  const literal = variant.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  // ASCII words are whole words (DB, not DynamoDB or RDB), plurals included ("social networks").
  if (/^[\x00-\x7f]+$/.test(variant)) return new RegExp(`(?<![A-Za-z0-9])${literal}(?:e?s)?(?![A-Za-z0-9])`, "iu");
  return new RegExp(literal, "iu");
}

/** The avoided variants `text` (of `locale`) contains, one per term, with the text that matched. */
export function avoidedIn(text: string, locale: Locale, rules: AvoidRule[]): { rule: AvoidRule; found: string }[] {
  const out: { rule: AvoidRule; found: string }[] = [];
  for (const rule of rules) {
    if (rule.locale !== locale || out.some((o) => o.rule.term === rule.term)) continue;
    const found = rule.pattern.exec(text)?.[0];
    if (found !== undefined) out.push({ rule, found });
  }
  return out;
}

/** Reads and validates the glossary; a missing or invalid file is a problem, not an empty glossary. */
export async function readGlossary(
  file: string,
  rel: (f: string) => string = relativePath,
): Promise<{ glossary: Glossary | null; problems: ContentProblem[] }> {
  const problems: ContentProblem[] = [];
  const doc = await readYaml(file, problems, rel);
  if (doc === undefined) return { glossary: null, problems };
  const parsed = glossarySchema.safeParse(doc, REPORT_INPUT);
  if (!parsed.success) {
    pushZodProblems(problems, rel(file), undefined, parsed.error);
    return { glossary: null, problems };
  }
  return { glossary: parsed.data, problems };
}
