// The item schema (src/core/deck/item.ts) words its checks in English only, and other tools read that
// English. An import problem is shown in the uploader's language, so the known messages are recognised
// here and given their Japanese; the English stays exactly as the schema words it.
import type { LocalizedText } from "../i18n/locale.ts";

const LANGUAGE: Readonly<Record<string, string>> = { Japanese: "日本語の", English: "英語の" };
/** "Japanese ", "English " or nothing: rows from a spreadsheet fill both languages, so their messages drop it. */
const lang = (name: string | undefined) => (name === undefined ? "" : (LANGUAGE[name] ?? ""));

const KNOWN: readonly (readonly [RegExp, (match: RegExpExecArray) => string])[] = [
  [/^ids use lowercase letters, digits and hyphens$/, () => "IDに使えるのは英小文字・数字・ハイフンだけです"],
  [/^ids are at most (\d+) characters$/, (m) => `IDは${m[1]}文字までです`],
  [/^topic ids use lowercase letters, digits and hyphens$/, () => "トピックIDに使えるのは英小文字・数字・ハイフンだけです"],
  [/^topic ids are at most (\d+) characters$/, (m) => `トピックIDは${m[1]}文字までです`],
  [/^(?:(Japanese|English) )?text is missing or empty$/, (m) => `${lang(m[1])}テキストがないか、空です`],
  [/^(?:(Japanese|English) )?text is longer than (\d+) characters$/, (m) => `${lang(m[1])}テキストが${m[2]}文字を超えています`],
  [/^(?:(Japanese|English) )?choice is missing or empty$/, (m) => `${lang(m[1])}選択肢がないか、空です`],
  [/^(?:(Japanese|English) )?choice is longer than (\d+) characters$/, (m) => `${lang(m[1])}選択肢が${m[2]}文字を超えています`],
  [/^an item needs at least one topic$/, () => "項目にはトピックが1つ以上必要です"],
  [/^an item names the article section it comes from$/, () => "項目には出典となる記事のセクションを指定してください"],
  [/^multiple choice needs (\d+) to (\d+) choices$/, (m) => `選択式の問題には選択肢が${m[1]}〜${m[2]}個必要です`],
  [/^exactly one choice must be correct, found (\d+)$/, (m) => `正解の選択肢はちょうど1つにしてください（${m[1]}個あります）`],
  [/^duplicate choice "(.*)"$/s, (m) => `選択肢「${m[1]}」が重複しています`],
  [/^the deck name is empty$/, () => "デッキ名が空です"],
  [/^the deck name is longer than (\d+) characters$/, (m) => `デッキ名が${m[1]}文字を超えています`],
];

/** A schema message in both languages; one it does not know keeps its English in both. */
export function schemaMessageText(message: string): LocalizedText {
  for (const [pattern, japanese] of KNOWN) {
    const match = pattern.exec(message);
    if (match) return { en: message, ja: japanese(match) };
  }
  return { en: message, ja: message };
}
