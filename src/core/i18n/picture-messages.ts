// The words drawn in pictures (src/core/views/picture.ts), in English and Japanese. The
// PictureMessages interface makes a missing translation a type error.
import type { Locale } from "./locale.ts";
import { plural } from "./plural.ts";

export interface PictureMessages {
  statsTitle: string;
  heatmap(reviews: number, days: number, timeZone: string): string;
  forecast(total: number): string;
  retention: string;
  legendFewer: string;
  legendMore: string;
  months: string[];
  /** Monday first. */
  weekdays: string[];
  shortDate(month: number, day: number): string;
  noReviewsYet: string;
  boardEmpty: string;
  /** How many people the board ranks (at most the top ten are drawn). */
  boardSubtitle(ranked: number): string;
  /** A ranked person the platform has not named to the bot lately (no name is fetched for a picture). */
  boardSomeone: string;
  recapSubtitle(week: string): string;
}

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const en: PictureMessages = {
  statsTitle: "Your study",
  heatmap: (reviews, days, timeZone) =>
    `${plural("en", reviews, { one: "1 review", other: `${reviews.toLocaleString("en")} reviews` })} on ${plural("en", days, {
      one: "1 study day",
      other: `${days} study days`,
    })} this year (days start at 4 AM, ${timeZone})`,
  forecast: (total) => `Due in the next 30 days: ${plural("en", total, { one: "1 card", other: `${total.toLocaleString("en")} cards` })}`,
  retention: "True retention per week (review cards not rated Again)",
  legendFewer: "Fewer",
  legendMore: "More",
  months: EN_MONTHS,
  weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
  shortDate: (month, day) => `${EN_MONTHS[month - 1] ?? ""} ${day}`,
  noReviewsYet: "No reviews yet: start with /study",
  boardEmpty: "Nobody has studied in this period yet",
  boardSubtitle: (ranked) => `Top ${plural("en", ranked, { one: "1 learner", other: `${ranked} learners` })} of the team`,
  boardSomeone: "Team member",
  recapSubtitle: (week) => `The week ${week}`,
};

const ja: PictureMessages = {
  statsTitle: "学習のようす",
  heatmap: (reviews, days, timeZone) =>
    `今年の復習 ${reviews.toLocaleString("ja")} 回・学習日 ${days} 日（1 日は午前 4 時から、${timeZone}）`,
  forecast: (total) => `今後 30 日の復習予定：${total.toLocaleString("ja")} 枚`,
  retention: "週ごとの真の定着率（復習カードで「もう一度」以外の割合）",
  legendFewer: "少",
  legendMore: "多",
  months: ["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"],
  weekdays: ["月", "火", "水", "木", "金", "土", "日"],
  shortDate: (month, day) => `${month}/${day}`,
  noReviewsYet: "まだ復習がありません。/study で始めましょう",
  boardEmpty: "この期間はまだ誰も学習していません",
  boardSubtitle: (ranked) => `チームの上位 ${ranked} 人`,
  boardSomeone: "チームメンバー",
  recapSubtitle: (week) => `${week} の週`,
};

export function pictureMessages(locale: Locale): PictureMessages {
  return locale === "ja" ? ja : en;
}
