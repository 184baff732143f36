// Sentences about personal scheduling: which FSRS parameters a learner uses, pasting and resetting
// them, asking for a fit and its outcome, and the workload forecast.
import type { Locale, LocalizedText } from "./locale.ts";
import { plural } from "./plural.ts";

export type FitOutcome = "adopted" | "worse" | "too-few" | "failed";

export interface SchedulingMessages {
  /** The value shown for the `parameters` setting. */
  parametersDefault: string;
  parametersPersonal(p: {
    source: "fitted" | "pasted" | "team";
    reviews: number;
    fittedAt: string | null;
    members?: number | undefined;
  }): string;
  /** The last fit that was not adopted, and why. */
  lastFit(p: { outcome: FitOutcome; when: string; reviews: number; fitLogLoss: number | null; currentLogLoss: number | null }): string;
  parametersCount(count: number, expected: number): string;
  parametersNotANumber(position: number): string;
  parametersOutOfBounds(position: number, value: number, min: number, max: number): string;
  parametersReset: string;
  optimizeQueued: string;
  optimizeAlreadyQueued: string;
  fitResultTitle: string;
  forecastTitle(days: number): string;
  forecastLine(p: { retention: string; current: boolean; average: number; peak: number }): string;
  /** Shown with more cards than a forecast plays forward: it plays a sample and scales it up. */
  forecastSampled(sampled: number, cards: number): string;
  // Team defaults (/team parameters fit | reset).
  teamParametersLine(shown: string): string;
  teamParametersNone: string;
  teamLastFit(p: {
    outcome: FitOutcome;
    when: string;
    reviews: number;
    members: number;
    fitLogLoss: number | null;
    currentLogLoss: number | null;
  }): string;
  teamFitQueued: string;
  teamFitAlreadyQueued: string;
  teamParametersReset: string;
  teamParametersChoice: string;
  teamFitResultTitle: string;
}

const en: SchedulingMessages = {
  parametersDefault: "FSRS defaults (fitted for you once you have 400 reviews)",
  parametersPersonal: (p) =>
    p.source === "fitted"
      ? `personal, fitted from ${p.reviews} ${plural("en", p.reviews, { one: "review", other: "reviews" })} on ${p.fittedAt ?? "?"}`
      : p.source === "team"
        ? `team parameters, fitted from ${p.reviews} ${plural("en", p.reviews, { one: "review", other: "reviews" })}${
            p.members === undefined ? "" : ` of ${p.members} ${plural("en", p.members, { one: "member", other: "members" })}`
          }, on ${p.fittedAt ?? "?"}`
        : "personal, pasted",
  lastFit: (p) => {
    const figures =
      p.fitLogLoss !== null && p.currentLogLoss !== null
        ? ` (log loss ${p.fitLogLoss.toFixed(4)} vs ${p.currentLogLoss.toFixed(4)} now)`
        : "";
    const why = {
      adopted: `adopted: it predicts your recent reviews better${figures}`,
      worse: `kept your parameters: the new fit predicted your recent reviews no better${figures}`,
      "too-few": "kept your parameters: too few reviews to fit yet",
      failed: "kept your parameters: the fit did not finish",
    }[p.outcome];
    return `Last fit on ${p.when}, from ${p.reviews} ${plural("en", p.reviews, { one: "review", other: "reviews" })}: ${why}.`;
  },
  parametersCount: (n, expected) => `parameters needs ${expected} numbers (as Anki's FSRS options show them); you gave ${n}`,
  parametersNotANumber: (i) => `parameter ${i} is not a number`,
  parametersOutOfBounds: (i, v, min, max) => `parameter ${i} is ${v}, outside FSRS's bounds ${min}–${max}`,
  parametersReset: "You are back on the FSRS default parameters.",
  optimizeQueued: "Fitting your parameters from your reviews: I will send you the result when it is done.",
  optimizeAlreadyQueued: "A fit of your parameters is already on its way: I will send you the result when it is done.",
  fitResultTitle: "Your scheduling parameters",
  forecastTitle: (n) => `Reviews per day over the next ${n} days, by desired retention (cards you already studied):`,
  forecastLine: (p) => `${p.retention}${p.current ? " (yours)" : ""}: **${p.average.toFixed(1)}** a day on average, at most ${p.peak}`,
  forecastSampled: (sampled, cards) => `(estimated from ${sampled} of your ${cards} cards, scaled up)`,
  teamParametersLine: (shown) => `Starting parameters for members without their own: **${shown}**`,
  teamParametersNone: "FSRS defaults (an admin can fit the team's with /team parameters fit)",
  teamLastFit: (p) => {
    const figures =
      p.fitLogLoss !== null && p.currentLogLoss !== null
        ? ` (log loss ${p.fitLogLoss.toFixed(4)} vs ${p.currentLogLoss.toFixed(4)} now)`
        : "";
    const why = {
      adopted: `adopted: it predicts the team's recent reviews better${figures}; members without their own parameters use it`,
      worse: `kept the team's parameters: the new fit predicted the team's recent reviews no better${figures}`,
      "too-few": "kept the team's parameters: too few reviews to fit yet",
      failed: "kept the team's parameters: the fit did not finish",
    }[p.outcome];
    return `Last team fit on ${p.when}, from ${p.reviews} ${plural("en", p.reviews, { one: "review", other: "reviews" })} of ${p.members} ${plural("en", p.members, { one: "member", other: "members" })}: ${why}.`;
  },
  teamFitQueued: "Fitting the team's parameters from its members' reviews: I will send you the result when it is done.",
  teamFitAlreadyQueued: "A fit of the team's parameters is already on its way: I will send the result when it is done.",
  teamParametersReset: "The team is back on the FSRS default parameters (members' own parameters stay).",
  teamParametersChoice: "parameters takes fit or reset",
  teamFitResultTitle: "The team's scheduling parameters",
};

const ja: SchedulingMessages = {
  parametersDefault: "FSRS の既定値（復習が400回たまると自動であなた用に調整します）",
  parametersPersonal: (p) =>
    p.source === "fitted"
      ? `あなた専用（${p.fittedAt ?? "?"} に ${p.reviews} 回の復習から調整）`
      : p.source === "team"
        ? `チームのパラメータ（${p.fittedAt ?? "?"} に${p.members === undefined ? "" : ` ${p.members} 人の`} ${p.reviews} 回の復習から調整）`
        : "あなた専用（貼り付け）",
  lastFit: (p) => {
    const figures =
      p.fitLogLoss !== null && p.currentLogLoss !== null
        ? `（log loss ${p.fitLogLoss.toFixed(4)}、現在 ${p.currentLogLoss.toFixed(4)}）`
        : "";
    const why = {
      adopted: `最近の復習をよりよく予測できたため採用しました${figures}`,
      worse: `新しい結果は最近の復習をよりよく予測できなかったため、今のパラメータのままです${figures}`,
      "too-few": "復習の数がまだ足りないため、今のパラメータのままです",
      failed: "調整が完了しなかったため、今のパラメータのままです",
    }[p.outcome];
    return `前回の調整：${p.when}、${p.reviews} 回の復習から。${why}。`;
  },
  parametersCount: (n, expected) => `parameters には数値が ${expected} 個必要です（Anki の FSRS 設定に表示されるもの）。${n} 個でした`,
  parametersNotANumber: (i) => `${i} 番目のパラメータが数値ではありません`,
  parametersOutOfBounds: (i, v, min, max) => `${i} 番目のパラメータ ${v} は FSRS の範囲 ${min}〜${max} の外です`,
  parametersReset: "FSRS の既定のパラメータに戻しました。",
  optimizeQueued: "あなたの復習からパラメータを調整しています。終わったら結果をお送りします。",
  optimizeAlreadyQueued: "パラメータの調整はすでに予定されています。終わったら結果をお送りします。",
  fitResultTitle: "スケジュールのパラメータ",
  forecastTitle: (n) => `今後${n}日間の1日あたりの復習数（目標定着率ごと、学習済みのカード）：`,
  forecastLine: (p) => `${p.retention}${p.current ? "（現在の設定）" : ""}：平均 **${p.average.toFixed(1)}** 回、最大 ${p.peak} 回`,
  forecastSampled: (sampled, cards) => `（${cards} 枚のうち ${sampled} 枚から見積もり、全体に換算）`,
  teamParametersLine: (shown) => `自分のパラメータがないメンバーの初期パラメータ：**${shown}**`,
  teamParametersNone: "FSRS の既定値（管理者は /team parameters fit でチーム用に調整できます）",
  teamLastFit: (p) => {
    const figures =
      p.fitLogLoss !== null && p.currentLogLoss !== null
        ? `（log loss ${p.fitLogLoss.toFixed(4)}、現在 ${p.currentLogLoss.toFixed(4)}）`
        : "";
    const why = {
      adopted: `チームの最近の復習をよりよく予測できたため採用しました${figures}。自分のパラメータがないメンバーに使われます`,
      worse: `新しい結果はチームの最近の復習をよりよく予測できなかったため、チームのパラメータは今のままです${figures}`,
      "too-few": "復習の数がまだ足りないため、チームのパラメータは今のままです",
      failed: "調整が完了しなかったため、チームのパラメータは今のままです",
    }[p.outcome];
    return `前回のチームの調整：${p.when}、${p.members} 人の ${p.reviews} 回の復習から。${why}。`;
  },
  teamFitQueued: "メンバーの復習からチームのパラメータを調整しています。終わったら結果をお送りします。",
  teamFitAlreadyQueued: "チームのパラメータの調整はすでに予定されています。終わったら結果をお送りします。",
  teamParametersReset: "チームを FSRS の既定のパラメータに戻しました（メンバー自身のパラメータはそのままです）。",
  teamParametersChoice: "parameters には fit か reset を指定してください",
  teamFitResultTitle: "チームのスケジュールのパラメータ",
};

export function schedulingMessages(locale: Locale): SchedulingMessages {
  return locale === "ja" ? ja : en;
}

export function schedulingInBoth(say: (t: SchedulingMessages) => string): LocalizedText {
  return { en: say(en), ja: say(ja) };
}
