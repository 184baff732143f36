// Every sentence the bot says, in English and Japanese. Adding a message means adding it to both
// catalogs: the Messages interface makes a missing translation a type error.
import type { Locale } from "./locale.ts";

export interface Messages {
  ratingLabel: Record<1 | 2 | 3 | 4, string>;
  showAnswer: string;
  trueLabel: string;
  falseLabel: string;
  trueFalsePrompt: string;
  cardTitle(kind: "new" | "learning" | "review"): string;
  answerLine(answer: string): string;
  explanationLine(text: string): string;
  correctAnswer(answer: string): string;
  topicLine(names: string): string;
  rated(rating: string, interval: string): string;
  allDone(next: string | null): string;
  newLimitReached(limit: number): string;
  reviewLimitReached(limit: number): string;
  noCardsInTopic(topic: string): string;
  keepStudying: string;
  alreadyRated: string;
  cardGone: string;
  buttonUnknown: string;
  notYourSession: string;
  undone(prompt: string): string;
  nothingToUndo: string;
  quizAnswerNoUndo: string;
  undoConflict: string;
  undoButton: string;
  quizTitle(position: number, total: number): string;
  quizCorrect: string;
  quizWrong(answer: string): string;
  nextQuestion: string;
  seeScore: string;
  quizScore(correct: number, total: number): string;
  quizAgain: string;
  quizNoItems(topic: string | null): string;
  quizExpired: string;
  quizAlreadyAnswered: string;
  studyButton: string;
  studyNow: string;
  quizButton: string;
  homeTitle: string;
  homeHint: string;
  statsTitle: string;
  stats(s: { dueNow: number; dueToday: number; reviewedToday: number; retention: string; streak: number; cards: number }): string[];
  retentionNone: string;
  topicsTitle: string;
  topicLineCount(name: string, id: string, count: number): string;
  topicsHint: string;
  settingsTitle: string;
  settingsLines(s: { language: string; timeZone: string; retention: string; newPerDay: number; reviewsPerDay: number }): string[];
  settingsHint: string;
  settingsSaved: string;
  languageAuto(current: string): string;
  languageName: Record<Locale, string>;
  helpTitle: string;
  helpLines: string[];
  unknownCommand(name: string): string;
  unknownTopic(topic: string, known: string): string;
  invalidOption(option: string, problem: string): string;
  invalidSetting(problem: string): string;
  notAMember: string;
  sorry: string;
  intervalUnits: { minute: string; hour: string; day: string; month: string; year: string };
  durationPhrase(amount: string, unit: "minute" | "hour" | "day" | "month" | "year"): string;
  sourceLine(section: string): string;
}

const en: Messages = {
  ratingLabel: { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" },
  showAnswer: "Show answer",
  trueLabel: "True",
  falseLabel: "False",
  trueFalsePrompt: "True or false?",
  cardTitle: (kind) => ({ new: "New card", learning: "Learning", review: "Review" })[kind],
  answerLine: (a) => `**Answer:** ${a}`,
  explanationLine: (e) => `**Why:** ${e}`,
  correctAnswer: (a) => `Correct answer: **${a}**`,
  topicLine: (names) => `Topic: ${names}`,
  rated: (r, i) => `Rated ${r}: next review in ${i}.`,
  allDone: (next) => (next ? `All done. Next review in ${next}.` : "All done. Nothing is scheduled yet."),
  newLimitReached: (n) => `You have started your ${n} new cards for today. Raise the limit in /settings if you want more.`,
  reviewLimitReached: (n) => `You have done your ${n} reviews for today. Raise the limit in /settings, or come back tomorrow.`,
  noCardsInTopic: (t) => `There are no cards in "${t}".`,
  keepStudying: "Continue studying",
  alreadyRated: "You already rated this card; nothing more was recorded.",
  cardGone: "This card is no longer in the deck.",
  buttonUnknown: "This button is no longer valid. Start again with /study or /quiz.",
  notYourSession: "This belongs to someone else's session. Start your own with /study.",
  undone: (p) => `Undone. The card is back to how it was:\n${p}`,
  nothingToUndo: "There is nothing to undo.",
  quizAnswerNoUndo: "Your last answer was in a quiz; quiz answers cannot be undone.",
  undoConflict: "That card has changed since, so the rating cannot be undone.",
  undoButton: "Undo",
  quizTitle: (p, t) => `Question ${p} of ${t}`,
  quizCorrect: "Correct!",
  quizWrong: (a) => `Not quite. The answer is **${a}**.`,
  nextQuestion: "Next question",
  seeScore: "See score",
  quizScore: (c, t) => `Quiz over: ${c} of ${t} correct (${Math.round((100 * c) / Math.max(1, t))}%).`,
  quizAgain: "Another quiz",
  quizNoItems: (t) => (t ? `There are no quiz questions in "${t}".` : "There are no quiz questions yet."),
  quizExpired: "This quiz has ended. Start a new one with /quiz.",
  quizAlreadyAnswered: "You already answered this question; your first answer counts.",
  studyButton: "Study",
  studyNow: "Study now",
  quizButton: "Quick quiz",
  homeTitle: "Your study",
  homeHint: "Study here, or use the slash command in any channel: only you see your cards.",
  statsTitle: "Your progress",
  stats: (s) => [
    `Due now: **${s.dueNow}**`,
    `Due today: **${s.dueToday}**`,
    `Reviewed today: **${s.reviewedToday}**`,
    `Retention (last 30 days): **${s.retention}**`,
    `Current streak: **${s.streak}** day${s.streak === 1 ? "" : "s"}`,
    `Cards studied: **${s.cards}**`,
  ],
  retentionNone: "no reviews yet",
  topicsTitle: "Topics",
  topicLineCount: (name, id, n) => `**${name}** (\`${id}\`): ${n} card${n === 1 ? "" : "s"}`,
  topicsHint: "Study one with /study topic, or quiz yourself with /quiz topic.",
  settingsTitle: "Settings",
  settingsLines: (s) => [
    `Language: **${s.language}**`,
    `Time zone: **${s.timeZone}** (your study day starts at 4 AM there)`,
    `Desired retention: **${s.retention}**`,
    `New cards per day: **${s.newPerDay}**`,
    `Reviews per day: **${s.reviewsPerDay}**`,
  ],
  settingsHint:
    "Change one with /settings language ja|en|auto, timezone Asia/Tokyo, retention 0.9 (0.70-0.97), new 20 (0-500), reviews 200 (0-9999).",
  settingsSaved: "Saved.",
  languageAuto: (c) => `automatic (${c})`,
  languageName: { en: "English", ja: "日本語" },
  helpTitle: "How to use the study bot",
  helpLines: [
    "**/study** [topic]: review due cards, then new ones. Show the answer, then rate how well you knew it.",
    "**/quiz** [topic] [count]: multiple-choice questions, graded at once.",
    "**/stats**: what is due, what you reviewed, your retention and streak.",
    "**/topics**: the topics you can study.",
    "**/settings**: language, time zone, retention and daily limits.",
    "**/undo**: take back your last rating.",
    "Ratings: Again = forgot, Hard = recalled with effort, Good = recalled, Easy = instant. The scheduler (FSRS) picks the next review from them.",
  ],
  unknownCommand: (n) => `I don't know the command "${n}". Try /help.`,
  unknownTopic: (t, known) => `There is no topic "${t}". Topics: ${known}.`,
  invalidOption: (o, p) => `The option "${o}" ${p}.`,
  invalidSetting: (p) => `That setting was not saved: ${p}`,
  notAMember: "you can only choose a server where you have used the bot",
  sorry: "Sorry, something went wrong on our side. Your progress is safe; please try again.",
  intervalUnits: { minute: "m", hour: "h", day: "d", month: "mo", year: "y" },
  durationPhrase: (a, u) =>
    `${a} ${{ minute: "min", hour: "h", day: a === "1" ? "day" : "days", month: a === "1" ? "month" : "months", year: a === "1" ? "year" : "years" }[u]}`,
  sourceLine: (s) => `Source: ${s}`,
};

const ja: Messages = {
  ratingLabel: { 1: "もう一度", 2: "難しい", 3: "正解", 4: "簡単" },
  showAnswer: "答えを見る",
  trueLabel: "〇 正しい",
  falseLabel: "× 誤り",
  trueFalsePrompt: "正しい？誤り？",
  cardTitle: (kind) => ({ new: "新しいカード", learning: "学習中", review: "復習" })[kind],
  answerLine: (a) => `**答え：** ${a}`,
  explanationLine: (e) => `**解説：** ${e}`,
  correctAnswer: (a) => `正解：**${a}**`,
  topicLine: (names) => `トピック：${names}`,
  rated: (r, i) => `「${r}」で記録しました。次の復習は${i}後です。`,
  allDone: (next) => (next ? `すべて完了！次の復習は${next}後です。` : "すべて完了！まだ予定された復習はありません。"),
  newLimitReached: (n) => `今日の新しいカード（${n}枚）はすべて始めました。もっと学ぶには /settings で上限を上げてください。`,
  reviewLimitReached: (n) => `今日の復習（${n}件）はすべて終わりました。/settings で上限を上げるか、また明日どうぞ。`,
  noCardsInTopic: (t) => `「${t}」にはカードがありません。`,
  keepStudying: "学習を続ける",
  alreadyRated: "このカードはすでに評価済みです。二重には記録していません。",
  cardGone: "このカードはデッキから削除されました。",
  buttonUnknown: "このボタンはもう使えません。/study か /quiz からやり直してください。",
  notYourSession: "これは他の人のセッションです。/study で自分のセッションを始めましょう。",
  undone: (p) => `取り消しました。カードは評価前の状態に戻りました：\n${p}`,
  nothingToUndo: "取り消せる評価はありません。",
  quizAnswerNoUndo: "最後の回答はクイズのものです。クイズの回答は取り消せません。",
  undoConflict: "そのカードはその後に変更されたため、取り消せません。",
  undoButton: "取り消す",
  quizTitle: (p, t) => `第${p}問（全${t}問）`,
  quizCorrect: "正解！",
  quizWrong: (a) => `残念、不正解です。正解は **${a}** です。`,
  nextQuestion: "次の問題",
  seeScore: "結果を見る",
  quizScore: (c, t) => `クイズ終了：${t}問中${c}問正解（${Math.round((100 * c) / Math.max(1, t))}%）。`,
  quizAgain: "もう一度クイズ",
  quizNoItems: (t) => (t ? `「${t}」にはクイズの問題がありません。` : "クイズの問題はまだありません。"),
  quizExpired: "このクイズは終了しています。/quiz で新しく始めてください。",
  quizAlreadyAnswered: "この問題には回答済みです。最初の回答が記録されています。",
  studyButton: "学習する",
  studyNow: "今すぐ学習",
  quizButton: "クイズに挑戦",
  homeTitle: "あなたの学習",
  homeHint: "ここから学習するか、どのチャンネルでもスラッシュコマンドを使えます。カードはあなたにだけ表示されます。",
  statsTitle: "学習の記録",
  stats: (s) => [
    `今すぐ復習：**${s.dueNow}**枚`,
    `今日の復習予定：**${s.dueToday}**枚`,
    `今日の復習数：**${s.reviewedToday}**`,
    `定着率（過去30日）：**${s.retention}**`,
    `連続学習日数：**${s.streak}**日`,
    `学習したカード：**${s.cards}**枚`,
  ],
  retentionNone: "まだ復習がありません",
  topicsTitle: "トピック一覧",
  topicLineCount: (name, id, n) => `**${name}**（\`${id}\`）：${n}枚`,
  topicsHint: "/study トピック で学習、/quiz トピック でクイズに挑戦できます。",
  settingsTitle: "設定",
  settingsLines: (s) => [
    `言語：**${s.language}**`,
    `タイムゾーン：**${s.timeZone}**（学習日はこの地域の午前4時に切り替わります）`,
    `目標定着率：**${s.retention}**`,
    `1日の新しいカード数：**${s.newPerDay}**`,
    `1日の復習数の上限：**${s.reviewsPerDay}**`,
  ],
  settingsHint:
    "変更するには /settings language ja|en|auto、timezone Asia/Tokyo、retention 0.9（0.70〜0.97）、new 20（0〜500）、reviews 200（0〜9999）。",
  settingsSaved: "保存しました。",
  languageAuto: (c) => `自動（${c}）`,
  languageName: { en: "English", ja: "日本語" },
  helpTitle: "学習ボットの使い方",
  helpLines: [
    "**/study** [トピック]：期限の来たカード、続いて新しいカードを学習します。答えを見てから、どれだけ覚えていたかを評価します。",
    "**/quiz** [トピック] [問題数]：選択式のクイズ。その場で採点します。",
    "**/stats**：復習予定、今日の復習数、定着率、連続学習日数。",
    "**/topics**：学習できるトピックの一覧。",
    "**/settings**：言語、タイムゾーン、目標定着率、1日の上限。",
    "**/undo**：直前の評価を取り消します。",
    "評価：もう一度＝忘れた、難しい＝苦労して思い出した、正解＝思い出せた、簡単＝すぐ分かった。スケジューラー（FSRS）が次の復習日を決めます。",
  ],
  unknownCommand: (n) => `「${n}」というコマンドはありません。/help をご覧ください。`,
  unknownTopic: (t, known) => `「${t}」というトピックはありません。トピック：${known}`,
  invalidOption: (o, p) => `オプション「${o}」：${p}`,
  invalidSetting: (p) => `設定は保存されませんでした：${p}`,
  notAMember: "ボットを使ったことのあるサーバーだけを選べます",
  sorry: "申し訳ありません、こちらで問題が発生しました。学習記録は無事です。もう一度お試しください。",
  intervalUnits: { minute: "分", hour: "時間", day: "日", month: "か月", year: "年" },
  durationPhrase: (a, u) => `${a}${{ minute: "分", hour: "時間", day: "日", month: "か月", year: "年" }[u]}`,
  sourceLine: (s) => `出典：${s}`,
};

const catalogs: Record<Locale, Messages> = { en, ja };

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}
