// Sentences of live quiz rounds (/game): what the channel reads (in the team's language) and what
// each player is told privately (in their own).
import type { Locale, LocalizedText } from "./locale.ts";
import { plural } from "./plural.ts";

export interface GameMessages {
  starting(questions: number, seconds: number): string;
  needsChannel: string;
  alreadyRunning(where: string): string;
  noItems(topic: string | null): string;
  stopped: string;
  notRunning: string;
  stopRefused: string;
  lockedIn(label: string): string;
  alreadyAnswered(label: string): string;
  tooLate: string;
  roundOver: string;
  cannotPost: string;
  questionTitle(position: number, total: number): string;
  /** `when` is a time marker the platform shows as a countdown or a local time. */
  endsAt(when: string): string;
  answeredCount(count: number): string;
  closedTitle(position: number, total: number): string;
  rightAnswer(label: string): string;
  picks(label: string, count: number): string;
  fastest(player: string, seconds: string): string;
  nobodyRight: string;
  scoreboardTitle(position: number, total: number): string;
  scoreLine(rank: number, player: string, points: number): string;
  noAnswersYet: string;
  podiumTitle: string;
  stoppedEarly: string;
  playerCount(count: number): string;
  nobodyPlayed: string;
  /** The end of an "invalid option" sentence (see Messages.invalidOption). */
  optionAction: string;
  optionMode: string;
  optionWord: string;
  optionTwice: string;
}

const en: GameMessages = {
  starting: (q, s) =>
    `Round starting: ${q} ${plural("en", q, { one: "question", other: "questions" })}, ${s} seconds each. Watch the channel!`,
  needsChannel: "A round is played in a channel: start it in one the bot can post in.",
  alreadyRunning: (where) => `A round is already running in this channel: ${where}`,
  noItems: (t) => (t ? `There are no questions for a round in "${t}".` : "There are no questions for a round yet."),
  stopped: "The round was stopped.",
  notRunning: "No round is running in this channel.",
  stopRefused: "Only the person who started this round, or an admin, can stop it.",
  lockedIn: (l) => `Locked in: **${l}**`,
  alreadyAnswered: (l) => `You already answered: **${l}**. Your first answer counts.`,
  tooLate: "Too late: this question has closed.",
  roundOver: "This round has ended.",
  cannotPost: "I could not post the round in that channel (I may not be allowed to post there), so the round was cancelled.",
  questionTitle: (p, t) => `Question ${p} of ${t}`,
  endsAt: (w) => `Ends ${w}`,
  answeredCount: (n) => `${n} ${plural("en", n, { one: "player has", other: "players have" })} answered`,
  closedTitle: (p, t) => `Question ${p} of ${t}: closed`,
  rightAnswer: (l) => `The answer: **${l}**`,
  picks: (l, n) => `${l}: ${n}`,
  fastest: (p, s) => `Fastest right answer: ${p} (${s} s)`,
  nobodyRight: "Nobody got this one.",
  scoreboardTitle: (p, t) => `Scoreboard after question ${p} of ${t}`,
  scoreLine: (r, p, n) => `${r}. ${p}: ${n} ${plural("en", n, { one: "point", other: "points" })}`,
  noAnswersYet: "No answers yet.",
  podiumTitle: "Final podium",
  stoppedEarly: "The round was stopped early.",
  playerCount: (n) => `${n} ${plural("en", n, { one: "player", other: "players" })} took part.`,
  nobodyPlayed: "Nobody answered in this round.",
  optionAction: "should be start or stop (/game start [topic] [questions=10] [seconds=20] [mode=mixed|weak|due])",
  optionMode: "should be mixed, weak or due",
  optionWord: "is not understood: use /game start [topic] [questions=10] [seconds=20] [mode=mixed|weak|due]",
  optionTwice: "is given twice",
};

const ja: GameMessages = {
  starting: (q, s) => `ラウンドを始めます：全${q}問、各${s}秒。チャンネルに注目してください！`,
  needsChannel: "ラウンドはチャンネルで行います。ボットが投稿できるチャンネルで始めてください。",
  alreadyRunning: (where) => `このチャンネルではすでにラウンドが進行中です：${where}`,
  noItems: (t) => (t ? `「${t}」にはラウンドに使える問題がありません。` : "ラウンドに使える問題はまだありません。"),
  stopped: "ラウンドを終了しました。",
  notRunning: "このチャンネルで進行中のラウンドはありません。",
  stopRefused: "このラウンドを終了できるのは、始めた人か管理者だけです。",
  lockedIn: (l) => `回答を受け付けました：**${l}**`,
  alreadyAnswered: (l) => `回答済みです：**${l}**。最初の回答が有効です。`,
  tooLate: "締め切り後のため、回答できませんでした。",
  roundOver: "このラウンドは終了しています。",
  cannotPost: "そのチャンネルにラウンドを投稿できませんでした（投稿の権限がないかもしれません）。ラウンドは取り消しました。",
  questionTitle: (p, t) => `第${p}問（全${t}問）`,
  endsAt: (w) => `締め切り：${w}`,
  answeredCount: (n) => `${n}人が回答済み`,
  closedTitle: (p, t) => `第${p}問（全${t}問）：締め切りました`,
  rightAnswer: (l) => `正解：**${l}**`,
  picks: (l, n) => `${l}：${n}人`,
  fastest: (p, s) => `最速正解：${p}（${s}秒）`,
  nobodyRight: "正解者はいませんでした。",
  scoreboardTitle: (p, t) => `第${p}問終了時点のスコアボード（全${t}問）`,
  scoreLine: (r, p, n) => `${r}位 ${p}：${n}点`,
  noAnswersYet: "まだ回答がありません。",
  podiumTitle: "最終結果の表彰台",
  stoppedEarly: "ラウンドは途中で終了しました。",
  playerCount: (n) => `参加者：${n}人`,
  nobodyPlayed: "このラウンドには回答がありませんでした。",
  optionAction: "start か stop を指定してください（/game start [トピック] [questions=10] [seconds=20] [mode=mixed|weak|due]）",
  optionMode: "mixed、weak、due のいずれかを指定してください",
  optionWord: "解釈できません。/game start [トピック] [questions=10] [seconds=20] [mode=mixed|weak|due] の形で指定してください",
  optionTwice: "2回指定されています",
};

export function gameMessages(locale: Locale): GameMessages {
  return locale === "ja" ? ja : en;
}

export function gameInBoth(say: (t: GameMessages) => string): LocalizedText {
  return { en: say(en), ja: say(ja) };
}
