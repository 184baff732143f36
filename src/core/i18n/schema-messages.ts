// The content schemas' checks (src/core/deck/item.ts, the deck file's name). Zod carries one message
// per check, and content:check and other tools read it in English; an import problem is shown in the
// uploader's language, so each English message here has its Japanese, found again by its pattern.
// SCHEMA_JA's type makes a missing translation a type error.
import type { LocalizedText } from "./locale.ts";

type Language = "Japanese" | "English";

/** Each check's English, as zod reports it. */
export const SCHEMA_EN = {
  idChars: "ids use lowercase letters, digits and hyphens",
  idMax: (n: number) => `ids are at most ${n} characters`,
  topicIdChars: "topic ids use lowercase letters, digits and hyphens",
  topicIdMax: (n: number) => `topic ids are at most ${n} characters`,
  textMissing: (lang: Language) => `${lang} text is missing or empty`,
  textTooLong: (lang: Language, n: number) => `${lang} text is longer than ${n} characters`,
  choiceMissing: (lang: Language) => `${lang} choice is missing or empty`,
  choiceTooLong: (lang: Language, n: number) => `${lang} choice is longer than ${n} characters`,
  needsTopic: "an item needs at least one topic",
  needsSection: "an item names the article section it comes from",
  siblingChars: "sibling groups use lowercase letters, digits and hyphens",
  siblingMax: (n: number) => `sibling groups are at most ${n} characters`,
  requiresMax: (n: number) => `an item requires at most ${n} others`,
  choiceCount: (min: number, max: number) => `multiple choice needs ${min} to ${max} choices`,
  oneCorrect: (found: number) => `exactly one choice must be correct, found ${found}`,
  duplicateChoice: (text: string) => `duplicate choice "${text}"`,
  sectionIdChars: "section ids use lowercase letters, digits, dots and hyphens",
  deckNameEmpty: "the deck name is empty",
  deckNameTooLong: (n: number) => `the deck name is longer than ${n} characters`,
} as const;

const LANGUAGE: Readonly<Record<string, string>> = { Japanese: "日本語の", English: "英語の" };
/** "Japanese ", "English " or nothing: rows from a spreadsheet fill both languages, so their messages drop it. */
const lang = (name: string | undefined) => (name === undefined ? "" : (LANGUAGE[name] ?? ""));

/** Each check's Japanese, from the parts of its English message that vary. */
const SCHEMA_JA: { [K in keyof typeof SCHEMA_EN]: readonly [RegExp, (match: RegExpExecArray) => string] } = {
  idChars: [/^ids use lowercase letters, digits and hyphens$/, () => "IDに使えるのは英小文字・数字・ハイフンだけです"],
  idMax: [/^ids are at most (\d+) characters$/, (m) => `IDは${m[1]}文字までです`],
  topicIdChars: [/^topic ids use lowercase letters, digits and hyphens$/, () => "トピックIDに使えるのは英小文字・数字・ハイフンだけです"],
  topicIdMax: [/^topic ids are at most (\d+) characters$/, (m) => `トピックIDは${m[1]}文字までです`],
  textMissing: [/^(?:(Japanese|English) )?text is missing or empty$/, (m) => `${lang(m[1])}テキストがないか、空です`],
  textTooLong: [
    /^(?:(Japanese|English) )?text is longer than (\d+) characters$/,
    (m) => `${lang(m[1])}テキストが${m[2]}文字を超えています`,
  ],
  choiceMissing: [/^(?:(Japanese|English) )?choice is missing or empty$/, (m) => `${lang(m[1])}選択肢がないか、空です`],
  choiceTooLong: [
    /^(?:(Japanese|English) )?choice is longer than (\d+) characters$/,
    (m) => `${lang(m[1])}選択肢が${m[2]}文字を超えています`,
  ],
  needsTopic: [/^an item needs at least one topic$/, () => "項目にはトピックが1つ以上必要です"],
  needsSection: [/^an item names the article section it comes from$/, () => "項目には出典となる記事のセクションを指定してください"],
  siblingChars: [
    /^sibling groups use lowercase letters, digits and hyphens$/,
    () => "兄弟グループに使えるのは英小文字・数字・ハイフンだけです",
  ],
  siblingMax: [/^sibling groups are at most (\d+) characters$/, (m) => `兄弟グループは${m[1]}文字までです`],
  requiresMax: [/^an item requires at most (\d+) others$/, (m) => `項目が前提にできるのは${m[1]}個までです`],
  choiceCount: [/^multiple choice needs (\d+) to (\d+) choices$/, (m) => `選択式の問題には選択肢が${m[1]}〜${m[2]}個必要です`],
  oneCorrect: [/^exactly one choice must be correct, found (\d+)$/, (m) => `正解の選択肢はちょうど1つにしてください（${m[1]}個あります）`],
  duplicateChoice: [/^duplicate choice "(.*)"$/s, (m) => `選択肢「${m[1]}」が重複しています`],
  sectionIdChars: [
    /^section ids use lowercase letters, digits, dots and hyphens$/,
    () => "セクションIDに使えるのは英小文字・数字・ドット・ハイフンだけです",
  ],
  deckNameEmpty: [/^the deck name is empty$/, () => "デッキ名が空です"],
  deckNameTooLong: [/^the deck name is longer than (\d+) characters$/, (m) => `デッキ名が${m[1]}文字を超えています`],
};

/** A schema message in both languages; one it does not know (zod's own) keeps its English in both. */
export function schemaMessageText(message: string): LocalizedText {
  for (const [pattern, japanese] of Object.values(SCHEMA_JA)) {
    const match = pattern.exec(message);
    if (match) return { en: message, ja: japanese(match) };
  }
  return { en: message, ja: message };
}
