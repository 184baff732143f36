// Every sentence the bot says, in English and Japanese. Adding a message means adding it to both
// catalogs: the Messages interface makes a missing translation a type error.
import type { ForgetCounts } from "../ports/privacy-store.ts";
import type { Locale, LocalizedText } from "./locale.ts";
import { plural } from "./plural.ts";

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
  /** `retention` is true retention (reviews of learned cards not rated Again); `desired` the learner's setting beside it. */
  stats(s: {
    dueNow: number;
    dueToday: number;
    reviewedToday: number;
    retention: string;
    desired: string;
    streak: number;
    cards: number;
  }): string[];
  retentionNone: string;
  topicsTitle: string;
  topicLineCount(name: string, id: string, count: number): string;
  topicsHint: string;
  settingsTitle: string;
  /** One line per setting the core has (SETTING_NAMES), each value as shown. */
  settingsLines(s: {
    language: string;
    timezone: string;
    retention: string;
    new: string;
    reviews: string;
    team: string;
    hidden: string;
    images: string;
    parameters: string;
  }): string[];
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
  // What is wrong with a value someone typed (settings, options, team settings): each completes
  // invalidSetting's or invalidOption's sentence.
  languageChoices: string;
  teamLanguageChoices: string;
  retentionNotANumber(min: number, max: number): string;
  retentionOutOfRange(min: number, max: number): string;
  wholeNumberFrom(name: string, min: number, max: number): string;
  onOrOff(name: string): string;
  teamChoice: string;
  noChannelHere: string;
  notAChannel(text: string): string;
  optionTooLong(max: number): string;
  optionNotLeaderboardWord: string;
  optionNotRemindWord: string;
  optionNotTeamSetting: string;
  optionNeedsOneValue: string;
  optionDeckAction: string;
  optionDeckImportFile: string;
  optionNotASetting(names: string): string;
  optionTakesNone: string;
  optionTakesOneWord: string;
  optionWholeNumber(min: number, max: number): string;
  consoleMode(user: string, database: string): string;
  consoleConnect: string;
  consoleGreeting: string;
  consoleChoose(count: number): string;
  consoleNothingToPress: string;
  consoleSaved(file: string): string;
  consoleCannotRead(file: string): string;
  // Start-up faults (console banner): a database file that was not there.
  consoleNewDatabase(file: string): string;
  consoleDatabaseWasMissing(file: string): string;
  notAMember: string;
  sorry: string;
  intervalUnits: { minute: string; hour: string; day: string; month: string; year: string };
  durationPhrase(amount: string, unit: "minute" | "hour" | "day" | "month" | "year"): string;
  sourceLine(section: string): string;
  leaderboardTitle(period: string, metric: string): string;
  leaderboardValue(metric: "xp" | "streak" | "reviews" | "accuracy", value: number): string;
  leaderboardYou(rank: number, value: string): string;
  leaderboardHidden(value: string): string;
  leaderboardNotRanked(minReviews: number): string;
  leaderboardEmpty: string;
  periodName: Record<"week" | "month" | "all", string>;
  metricName: Record<"xp" | "streak" | "reviews" | "accuracy", string>;
  weekStartsMonday(timeZone: string): string;
  reminderTitle: string;
  remindHint: string;
  reminderOff: string;
  reminderNone(timeZone: string): string;
  reminderAt(time: string, timeZone: string): string;
  reminderNext(when: string, inTime: string): string;
  remindWhenDue: string;
  remindWhenNotStudied: string;
  remindersPausedNotice: string;
  remindersPausedDm: string;
  badClockTime(text: string): string;
  remindNeedsTime: string;
  badTimeZone(text: string): string;
  badRemindWhen: string;
  notYourReminder: string;
  snoozed(inTime: string): string;
  reminderDue(count: number): string;
  streakAtRisk(days: number): string;
  reviewNow: string;
  remindLater: string;
  reminderForYou(mention: string): string;
  noVacation: string;
  vacationHint: string;
  vacationEnded: string;
  badVacation(maxDays: number): string;
  vacationSet(until: string, days: number): string;
  onVacationUntil(date: string): string;
  overdueSpread(count: number, days: number): string;
  teamTitle: string;
  teamLines(s: { channel: string; timeZone: string; language: string; qotd: string; recap: boolean; milestones: boolean }): string[];
  teamHint: string;
  notAdmin: string;
  noChannel: string;
  off: string;
  qotdTitle: string;
  qotdAnswered(correct: boolean, answer: string): string;
  qotdAlreadyAnswered: string;
  qotdClosed: string;
  qotdResults(correct: number, total: number, answer: string): string;
  milestone(mention: string, days: number): string;
  recapTitle(week: string): string;
  recapLines(s: { top: string[]; reviews: number; retention: string; missedTopic: string | null }): string[];
  exportReady(reviews: number, cards: number): string;
  forgetTitle: string;
  forgetWarning: string;
  forgetConfirm: string;
  cancel: string;
  forgotten: string;
  forgottenCounts(c: ForgetCounts): string;
  forgetCancelled: string;
  lineLabel(line: number): string;
  /** One problem in a list: where it is (line, field, item; any may be missing) and what is wrong. */
  problemLine(where: string[], problem: string): string;
  importFailed: string;
  importNothingWritten: string;
  andMore(n: number): string;
  importDone(name: string): string;
  importCounts(c: { added: number; updated: number; retired: number; unchanged: number }): string;
  deckIdLine(id: string): string;
  teamDecksTitle: string;
  /** The source a team deck's items name, and the topic of its cards that have no tags of their own. */
  teamDeckSection: string;
  teamDeckTopic: string;
  noTeamDecks: string;
  teamDeckLine(name: string, id: string, items: number): string;
  teamDecksHint: string;
  deckNameNeeded: string;
  noSuchDeck(id: string): string;
  deckRetired: string;
  deckExported(items: number): string;
  fileTooLarge(mb: number, limitMb: number): string;
  importModalTitle: string;
  importModalFile: string;
  importModalName: string;
  importModalSubmit: string;
  // Answering choice items in /study
  nextCard: string;
  pickAChoice: string;
  rateAfterRight: string;
  consoleEnterPresses(label: string): string;
  // Settings view: every setting shown (issue 18)
  dmTeamPersonal: string;
  settingOn: string;
  settingOff: string;
  // Problem reports: the report button and form, its answers, /deck reports, the console's prompts.
  reportButton: string;
  reportFormTitle: string;
  reportReasonLabel: string;
  reportReasons: Record<"wrong" | "unclear" | "typo" | "other", string>;
  reportReasonShort: Record<"wrong" | "unclear" | "typo" | "other", string>;
  reportTextLabel: string;
  reportTextPlaceholder: string;
  reportSubmit: string;
  reportThanks: string;
  reportAlready: string;
  reportUnknownItem: string;
  reportInvalid: string;
  reportOpenAgain: string;
  reportsTitle: string;
  reportsNone: string;
  reportsAdminsOnly: string;
  reportsItemLine(itemId: string, count: number, latest: string, reasons: string): string;
  reportsEarlierVersion(count: number): string;
  reportsRetired: string;
  reportsMore(items: number): string;
  reportsHint: string;
  exportReports(count: number): string;
  consoleReportChoose(count: number): string;
  consoleReportText: string;
  consoleReportCancelled: string;
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
    `Retention (last 30 days): **${s.retention}**, desired: **${s.desired}**`,
    `Current streak: **${s.streak}** ${plural("en", s.streak, { one: "day", other: "days" })}`,
    `Cards studied: **${s.cards}**`,
  ],
  retentionNone: "none yet (it counts reviews of cards you already learned)",
  topicsTitle: "Topics",
  topicLineCount: (name, id, n) => `**${name}** (\`${id}\`): ${n} ${plural("en", n, { one: "card", other: "cards" })}`,
  topicsHint: "Study one with /study topic, or quiz yourself with /quiz topic.",
  settingsTitle: "Settings",
  settingsLines: (s) => [
    `Language: **${s.language}**`,
    `Time zone: **${s.timezone}** (your study day starts at 4 AM there)`,
    `Desired retention: **${s.retention}**`,
    `New cards per day: **${s.new}**`,
    `Reviews per day: **${s.reviews}**`,
    `Direct messages count for: **${s.team}**`,
    `Hidden from leaderboards: **${s.hidden}**`,
    `Pictures with /stats and leaderboards: **${s.images}**`,
    `Scheduling parameters: **${s.parameters}**`,
  ],
  settingsHint:
    "Change one with /settings language ja|en|auto, timezone Asia/Tokyo, retention 0.9 (0.70-0.97), new 20 (0-500), reviews 200 (0-9999), team personal|server, hidden on|off, images on|off, parameters <21 numbers from Anki>|reset; /settings optimize fits your parameters now.",
  settingsSaved: "Saved.",
  languageAuto: (c) => `automatic (${c})`,
  languageName: { en: "English", ja: "日本語" },
  helpTitle: "How to use the study bot",
  helpLines: [
    "**/study** [topic]: review due cards, then new ones. Show the answer, then rate how well you knew it.",
    "**/quiz** [topic] [count]: multiple-choice questions, graded at once.",
    "**/game start** [topic] [questions=10] [seconds=20] [mode=mixed|weak|due]: a timed round in this channel that everyone plays at once, with a live scoreboard. **/game stop** ends it early (its starter or an admin).",
    "**/stats**: what is due, what you reviewed, your retention and streak.",
    "**/topics**: the topics you can study.",
    "**/settings**: language, time zone, retention and daily limits.",
    "**/undo**: take back your last rating.",
    "**/leaderboard** [week|month|all] [xp|streak|reviews|accuracy]: the team's top 10 and your rank.",
    "**/remind** [HH:MM] [time zone] | off: a daily reminder when reviews are due. **/vacation** 7d | off: pause reminders, keep your streak.",
    "**/team**: the team's channel, question of the day, weekly recap and milestones (admins change them). **/deck**: the team's own decks (admins import, rename, retire, export; **/deck reports** lists the problems learners reported).",
    "**/export**: your review history and card states as CSV. **/forget-me**: delete everything the bot knows about you, after a confirmation.",
    "Ratings: Again = forgot, Hard = recalled with effort, Good = recalled, Easy = instant. The scheduler (FSRS) picks the next review from them.",
  ],
  unknownCommand: (n) => `I don't know the command "${n}". Try /help.`,
  unknownTopic: (t, known) => `There is no topic "${t}". Topics: ${known}.`,
  invalidOption: (o, p) => `The option "${o}" ${p}.`,
  invalidSetting: (p) => `That setting was not saved: ${p}`,
  languageChoices: "language must be ja, en or auto",
  teamLanguageChoices: "language must be ja or en",
  retentionNotANumber: (min, max) => `retention must be a number between ${min} and ${max}`,
  retentionOutOfRange: (min, max) => `retention must be between ${min} and ${max}`,
  wholeNumberFrom: (name, min, max) => `${name} must be a whole number from ${min} to ${max}`,
  onOrOff: (name) => `${name} must be on or off`,
  teamChoice: "team must be one of your servers, or personal",
  noChannelHere: "there is no channel here; run it in the team channel",
  notAChannel: (x) => `"${x}" is not a channel; use "here" in the channel you want`,
  optionTooLong: (max) => `is longer than ${max} characters`,
  optionNotLeaderboardWord: "is not week, month, all, xp, streak, reviews or accuracy",
  optionNotRemindWord: "is not a time (HH:MM), a time zone, when or off",
  optionNotTeamSetting: "is not a team setting; use channel, qotd, timezone, language, recap, milestones or parameters",
  optionNeedsOneValue: "needs exactly one value",
  optionDeckAction: "should be list, import <file>, rename <deck> <name>, retire <deck>, export <deck> or reports",
  optionDeckImportFile: "needs the deck file: attach it (in the console, give its path: `/deck import deck.csv`)",
  optionNotASetting: (names) => `is not a setting; use one of ${names}`,
  optionTakesNone: "takes no options",
  optionTakesOneWord: "takes one word",
  optionWholeNumber: (min, max) => `must be a whole number from ${min} to ${max}`,
  consoleMode: (u, db) => `Console mode: studying as ${u} in ${db}.`,
  consoleConnect:
    "To connect Discord, set DISCORD_TOKEN and DISCORD_APPLICATION_ID; for Slack, SLACK_BOT_TOKEN with SLACK_APP_TOKEN (Socket Mode) or SLACK_SIGNING_SECRET (HTTP). See README.md.",
  consoleGreeting: "Type /study to begin, /help for every command, a number to press a button, /quit to leave.",
  consoleChoose: (n) => `Choose 1-${n}.`,
  consoleNothingToPress: "There is nothing to press; type /study or /help.",
  consoleSaved: (f) => `Saved ${f}`,
  consoleCannotRead: (f) => `Cannot read ${f}.`,
  // Start-up faults (console banner)
  consoleNewDatabase: (f) => `A new, empty database was created at ${f}.`,
  consoleDatabaseWasMissing: (f) =>
    `DATABASE_URL names ${f}, which did not exist, so a new, empty database was created there. If you have studied with it before, your progress is not in it: /quit, put the file back, and start again.`,
  notAMember: "you can only choose a server where you have used the bot",
  sorry: "Sorry, something went wrong on our side. Your progress is safe; please try again.",
  intervalUnits: { minute: "m", hour: "h", day: "d", month: "mo", year: "y" },
  durationPhrase: (a, u) =>
    `${a} ${plural("en", Number(a), { minute: { other: "min" }, hour: { other: "h" }, day: { one: "day", other: "days" }, month: { one: "month", other: "months" }, year: { one: "year", other: "years" } }[u])}`,
  sourceLine: (s) => `Source: ${s}`,
  leaderboardTitle: (p, m) => `Leaderboard · ${p} · ${m}`,
  leaderboardValue: (m, v) =>
    m === "xp"
      ? `${v} XP`
      : m === "streak"
        ? `${v} ${plural("en", v, { one: "day", other: "days" })}`
        : m === "reviews"
          ? `${v} ${plural("en", v, { one: "review", other: "reviews" })}`
          : `${Math.round(v * 100)}%`,
  leaderboardYou: (r, v) => `You: **#${r}** · ${v}`,
  leaderboardHidden: (v) => `You are hidden from leaderboards (${v}). Show yourself again with /settings hidden off.`,
  leaderboardNotRanked: (n) =>
    n > 0 ? `You are not ranked yet: ${n} reviews in the period are needed.` : "You are not ranked yet: study to join the board.",
  leaderboardEmpty: "Nobody has studied in this period yet.",
  periodName: { week: "This week", month: "This month", all: "All time" },
  metricName: { xp: "XP", streak: "Streak", reviews: "Reviews", accuracy: "Accuracy" },
  weekStartsMonday: (tz) => `Weeks start on Monday (${tz}).`,
  reminderTitle: "Daily reminder",
  remindHint: "Set it with /remind 07:30 [time zone], choose when it comes with /remind when due|not-studied, stop it with /remind off.",
  reminderOff: "Your daily reminder is off.",
  reminderNone: (tz) => `You have no daily reminder. Your time zone is ${tz}.`,
  reminderAt: (time, tz) => `Every day at **${time}** (${tz}).`,
  reminderNext: (when, inTime) => `Next: ${when}, in ${inTime}.`,
  remindWhenDue: "It comes when cards are due, and not when nothing is.",
  remindWhenNotStudied: "It comes only on days you have not studied yet.",
  remindersPausedNotice: "Reminders are paused: I could not send you a direct message. Open your DMs, then set /remind again.",
  remindersPausedDm:
    "I could not send you your reminder because your direct messages are closed, so reminders are paused. Open them and run /remind to turn them back on.",
  badClockTime: (x) => `"${x}" is not a time; use HH:MM, like 07:30`,
  remindNeedsTime: "say when, like /remind 07:30",
  badTimeZone: (x) => `"${x}" is not a time zone; use an IANA name like Asia/Tokyo or Europe/London`,
  badRemindWhen: "when must be due or not-studied",
  notYourReminder: "This reminder belongs to someone else.",
  snoozed: (d) => `I will remind you again in ${d}.`,
  reminderDue: (n) => `You have **${n}** ${plural("en", n, { one: "card", other: "cards" })} to review today.`,
  streakAtRisk: (d) => `Your ${d}-day streak ends tonight unless you study.`,
  reviewNow: "Review now",
  remindLater: "Remind me in 1 hour",
  reminderForYou: (m) => `${m}, your reviews are waiting (I could not send you a direct message).`,
  noVacation: "You are not on vacation.",
  vacationHint: "Take a break with /vacation 7d (up to 90 days); come back early with /vacation off.",
  vacationEnded: "Welcome back! Reminders are on again.",
  badVacation: (max) => `say how long, like 7d or 2w (up to ${max} days)`,
  vacationSet: (until, days) =>
    `Enjoy your break: no reminders for ${days} ${plural("en", days, { one: "day", other: "days" })}, until ${until}, and your streak is frozen.`,
  onVacationUntil: (d) => `On vacation until ${d}.`,
  overdueSpread: (n, d) =>
    `${n} overdue ${plural("en", n, { one: "card", other: "cards" })} are spread over the next ${d} ${plural("en", d, { one: "day", other: "days" })} instead of all at once.`,
  teamTitle: "Team settings",
  teamLines: (s) => [
    `Channel: **${s.channel}**`,
    `Time zone: **${s.timeZone}** (weeks, question of the day, recaps)`,
    `Language of posts: **${s.language}**`,
    `Question of the day: **${s.qotd}**`,
    `Weekly recap: **${s.recap ? "on" : "off"}**`,
    `Streak milestones: **${s.milestones ? "on" : "off"}**`,
  ],
  teamHint:
    "Admins change them with /team channel, qotd HH:MM|off, timezone, language ja|en, recap on|off, milestones on|off, parameters fit|reset.",
  notAdmin: "Only team admins can change team settings (on Discord: Manage Server).",
  noChannel: "none",
  off: "off",
  qotdTitle: "Question of the day",
  qotdAnswered: (ok, a) =>
    ok
      ? "Correct! Your answer counts for the leaderboard."
      : `Not quite: the answer is **${a}**. Your answer still counts for the leaderboard.`,
  qotdAlreadyAnswered: "You already answered today's question; your first answer counts.",
  qotdClosed: "This question is closed. A new one comes tomorrow.",
  qotdResults: (c, t, a) => `Results: ${c} of ${t} answered correctly. The answer was **${a}**.`,
  milestone: (m, d) => `${m} reached a **${d}-day** study streak!`,
  recapTitle: (w) => `Weekly recap (week of ${w})`,
  recapLines: (s) => [
    s.top.length > 0 ? `Top of the week:\n${s.top.join("\n")}` : "Nobody studied this week.",
    `Reviews: **${s.reviews}**`,
    `Team retention: **${s.retention}**`,
    ...(s.missedTopic ? [`Most missed topic: **${s.missedTopic}**`] : []),
  ],
  exportReady: (r, c) =>
    `Here is your data: ${r} ${plural("en", r, { one: "review", other: "reviews" })} and ${c} ${plural("en", c, { one: "card", other: "cards" })}, as CSV (the review file is what the FSRS optimiser reads).`,
  forgetTitle: "Delete all your data?",
  forgetWarning:
    "This deletes your settings, card progress, reviews, reminders and leaderboard presence in every team. It cannot be undone. Export first with /export if you want a copy.",
  forgetConfirm: "Delete everything",
  cancel: "Cancel",
  forgotten: "Your data is deleted",
  forgottenCounts: (c) =>
    `Deleted: ${c.reviews} reviews, ${c.cards} card states, ${c.quizzes} quizzes, ${c.answers} question-of-the-day answers, ${c.roundAnswers} live-round answers, ${c.reminders} reminder records, ${c.reports} problem reports, and your membership of ${c.teams} ${plural("en", c.teams, { one: "team", other: "teams" })}.`,
  forgetCancelled: "Nothing was deleted.",
  lineLabel: (n) => `line ${n}`,
  problemLine: (where, p) => `• ${where.length > 0 ? `${where.join(", ")}: ` : ""}${p}`,
  importFailed: "The deck was not imported",
  importNothingWritten: "Nothing was written: fix these problems and upload the file again.",
  andMore: (n) => `...and ${n} more.`,
  importDone: (name) => `Deck "${name}" imported`,
  importCounts: (c) =>
    `${c.added} new, ${c.updated} updated, ${c.unchanged} unchanged, ${c.retired} retired (gone from the file). Progress on existing cards is kept.`,
  deckIdLine: (id) => `Deck id: \`${id}\``,
  teamDecksTitle: "Team decks",
  teamDeckSection: "Team deck",
  // The topic's id, as English replies have always shown it.
  teamDeckTopic: "team",
  noTeamDecks: "This team has no decks of its own yet.",
  teamDeckLine: (name, id, n) => `**${name}** (\`${id}\`): ${n} ${plural("en", n, { one: "card", other: "cards" })}`,
  teamDecksHint:
    "Admins import a CSV, TSV, Anki text or YAML file with /deck import, and manage decks with /deck rename, retire and export.",
  deckNameNeeded: "give the deck a name",
  noSuchDeck: (id) => `this team has no deck "${id}"`,
  deckRetired: "The deck is retired: its cards are no longer shown; everyone's history stays.",
  deckExported: (n) =>
    `The deck's ${n} ${plural("en", n, { one: "card", other: "cards" })}, as YAML: edit it and import it again to update the deck.`,
  fileTooLarge: (mb, limit) => `the file is ${mb} MB; the limit is ${limit} MB`,
  importModalTitle: "Import a deck",
  importModalFile: "A CSV, TSV, Anki text export or YAML file (up to 1 MB)",
  importModalName: "Deck name",
  importModalSubmit: "Import",
  // Answering choice items in /study
  nextCard: "Next card",
  pickAChoice: "Answer this card by picking one of the choices.",
  rateAfterRight: "How well did you know it? Choose when to see it again.",
  consoleEnterPresses: (label) => `Press Enter for "${label}".`,
  // Settings view: every setting shown (issue 18)
  dmTeamPersonal: "your own (personal)",
  settingOn: "on",
  settingOff: "off",
  // Problem reports
  reportButton: "Report a problem",
  reportFormTitle: "Report a problem",
  reportReasonLabel: "What is wrong?",
  reportReasons: { wrong: "The answer is wrong", unclear: "Unclear or ambiguous", typo: "Typo or formatting", other: "Something else" },
  reportReasonShort: { wrong: "wrong", unclear: "unclear", typo: "typo", other: "other" },
  reportTextLabel: "Details (optional, one line)",
  reportTextPlaceholder: "What should it say instead?",
  reportSubmit: "Send",
  reportThanks: "Thank you! Your report went to the team's admins. Nobody else sees who reported it.",
  reportAlready: "You have already reported this version of the item. Thank you: it is waiting for a fix.",
  reportUnknownItem: "That item cannot be reported: it is not (or no longer) in your team's decks. Nothing was recorded.",
  reportInvalid: "That report could not be read: choose a reason and try again. Nothing was recorded.",
  reportOpenAgain: "The form could not open in time. Press Report a problem again.",
  reportsTitle: "Problem reports",
  reportsNone: "Nobody in this team has reported a problem yet.",
  reportsAdminsOnly: "Only team admins can see problem reports (on Discord: Manage Server).",
  reportsItemLine: (id, n, latest, reasons) =>
    `\`${id}\`: ${n} ${plural("en", n, { one: "report", other: "reports" })}, latest ${latest} (${reasons})`,
  reportsEarlierVersion: (n) => `${n} of them on an earlier version of the item`,
  reportsRetired: "the item is retired",
  reportsMore: (n) => `…and ${n} more ${plural("en", n, { one: "item", other: "items" })}.`,
  reportsHint:
    "Built-in items are fixed in `content/decks/` (give the item id in an issue or pull request); team deck items with /deck export, edit, /deck import.",
  exportReports: (n) =>
    plural("en", n, { one: "Your problem report is in the reports file.", other: `Your ${n} problem reports are in the reports file.` }),
  consoleReportChoose: (n) => `Type 1-${n} to choose a reason (anything else cancels):`,
  consoleReportText: "One line of details, or an empty line to skip:",
  consoleReportCancelled: "Report cancelled: nothing was recorded.",
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
    `定着率（過去30日）：**${s.retention}**、目標：**${s.desired}**`,
    `連続学習日数：**${s.streak}**日`,
    `学習したカード：**${s.cards}**枚`,
  ],
  retentionNone: "まだありません（覚えたカードの復習から計算します）",
  topicsTitle: "トピック一覧",
  topicLineCount: (name, id, n) => `**${name}**（\`${id}\`）：${n}枚`,
  topicsHint: "/study トピック で学習、/quiz トピック でクイズに挑戦できます。",
  settingsTitle: "設定",
  settingsLines: (s) => [
    `言語：**${s.language}**`,
    `タイムゾーン：**${s.timezone}**（学習日はこの地域の午前4時に切り替わります）`,
    `目標定着率：**${s.retention}**`,
    `1日の新しいカード数：**${s.new}**`,
    `1日の復習数の上限：**${s.reviews}**`,
    `DMでの学習の記録先：**${s.team}**`,
    `ランキングで非表示：**${s.hidden}**`,
    `統計とランキングの画像：**${s.images}**`,
    `スケジュールのパラメータ：**${s.parameters}**`,
  ],
  settingsHint:
    "変更するには /settings language ja|en|auto、timezone Asia/Tokyo、retention 0.9（0.70〜0.97）、new 20（0〜500）、reviews 200（0〜9999）、team personal|サーバー、hidden on|off、images on|off、parameters <Anki の21個の数値>|reset。/settings optimize で今すぐパラメータを調整します。",
  settingsSaved: "保存しました。",
  languageAuto: (c) => `自動（${c}）`,
  languageName: { en: "English", ja: "日本語" },
  helpTitle: "学習ボットの使い方",
  helpLines: [
    "**/study** [トピック]：期限の来たカード、続いて新しいカードを学習します。答えを見てから、どれだけ覚えていたかを評価します。",
    "**/quiz** [トピック] [問題数]：選択式のクイズ。その場で採点します。",
    "**/game start** [トピック] [questions=10] [seconds=20] [mode=mixed|weak|due]：このチャンネルで全員が同時に解く制限時間付きのラウンド。スコアボードが随時更新されます。**/game stop** で途中で終了します（始めた人か管理者）。",
    "**/stats**：復習予定、今日の復習数、定着率、連続学習日数。",
    "**/topics**：学習できるトピックの一覧。",
    "**/settings**：言語、タイムゾーン、目標定着率、1日の上限。",
    "**/undo**：直前の評価を取り消します。",
    "**/leaderboard** [week|month|all] [xp|streak|reviews|accuracy]：チームの上位10人とあなたの順位。",
    "**/remind** [HH:MM] [タイムゾーン] | off：復習があるときの毎日のリマインダー。**/vacation** 7d | off：リマインダーを止め、連続日数を守ります。",
    "**/team**：チームのチャンネル、今日の問題、週間まとめ、達成通知（変更は管理者のみ）。**/deck**：チーム独自のデッキ（管理者がインポート、名前変更、廃止、エクスポート。**/deck reports** で学習者からの問題の報告を一覧）。",
    "**/export**：あなたの復習履歴とカードの状態を CSV で。**/forget-me**：確認のあと、ボットが持つあなたのデータをすべて削除します。",
    "評価：もう一度＝忘れた、難しい＝苦労して思い出した、正解＝思い出せた、簡単＝すぐ分かった。スケジューラー（FSRS）が次の復習日を決めます。",
  ],
  unknownCommand: (n) => `「${n}」というコマンドはありません。/help をご覧ください。`,
  unknownTopic: (t, known) => `「${t}」というトピックはありません。トピック：${known}`,
  invalidOption: (o, p) => `オプション「${o}」：${p}`,
  invalidSetting: (p) => `設定は保存されませんでした：${p}`,
  languageChoices: "language は ja、en、auto のいずれかで指定してください",
  teamLanguageChoices: "language は ja か en で指定してください",
  retentionNotANumber: (min, max) => `retention は ${min}〜${max} の数値で指定してください`,
  retentionOutOfRange: (min, max) => `retention は ${min}〜${max} の範囲で指定してください`,
  wholeNumberFrom: (name, min, max) => `${name} は ${min}〜${max} の整数で指定してください`,
  onOrOff: (name) => `${name} は on か off で指定してください`,
  teamChoice: "team には、ボットを使ったサーバーか personal を指定してください",
  noChannelHere: "ここはチャンネルではありません。チームのチャンネルで実行してください",
  notAChannel: (x) => `「${x}」はチャンネルではありません。設定したいチャンネルで here を指定してください`,
  optionTooLong: (max) => `${max}文字を超えています`,
  optionNotLeaderboardWord: "week、month、all、xp、streak、reviews、accuracy のいずれでもありません",
  optionNotRemindWord: "時刻（HH:MM）、タイムゾーン、when、off のいずれでもありません",
  optionNotTeamSetting:
    "チームの設定ではありません。channel、qotd、timezone、language、recap、milestones、parameters のいずれかを指定してください",
  optionNeedsOneValue: "値を一つだけ指定してください",
  optionDeckAction:
    "list、import <ファイル>、rename <デッキ> <名前>、retire <デッキ>、export <デッキ>、reports のいずれかを指定してください",
  optionDeckImportFile: "デッキのファイルが必要です。ファイルを添付してください（コンソールではパスを指定：`/deck import deck.csv`）",
  optionNotASetting: (names) => `設定の名前ではありません。${names} のいずれかを指定してください`,
  optionTakesNone: "オプションはありません",
  optionTakesOneWord: "一語で指定してください",
  optionWholeNumber: (min, max) => `${min}〜${max} の整数で指定してください`,
  consoleMode: (u, db) => `コンソールモード：${u} として ${db} で学習します。`,
  consoleConnect:
    "Discord につなぐには DISCORD_TOKEN と DISCORD_APPLICATION_ID を、Slack には SLACK_BOT_TOKEN と SLACK_APP_TOKEN（Socket Mode）または SLACK_SIGNING_SECRET（HTTP）を設定してください。詳しくは README.md を。",
  consoleGreeting: "/study で学習開始、/help でコマンド一覧、数字でボタンを押す、/quit で終了します。",
  consoleChoose: (n) => `1〜${n} の番号を入力してください。`,
  consoleNothingToPress: "押せるボタンはありません。/study か /help を入力してください。",
  consoleSaved: (f) => `${f} に保存しました`,
  consoleCannotRead: (f) => `${f} を読み込めません。`,
  // Start-up faults (console banner)
  consoleNewDatabase: (f) => `${f} に新しい空のデータベースを作成しました。`,
  consoleDatabaseWasMissing: (f) =>
    `DATABASE_URL の ${f} が存在しなかったため、新しい空のデータベースをそこに作成しました。以前このファイルで学習していた場合、その記録はここにはありません。/quit で終了し、ファイルを元の場所に戻してから起動し直してください。`,
  notAMember: "ボットを使ったことのあるサーバーだけを選べます",
  sorry: "申し訳ありません、こちらで問題が発生しました。学習記録は無事です。もう一度お試しください。",
  intervalUnits: { minute: "分", hour: "時間", day: "日", month: "か月", year: "年" },
  durationPhrase: (a, u) => `${a}${{ minute: "分", hour: "時間", day: "日", month: "か月", year: "年" }[u]}`,
  sourceLine: (s) => `出典：${s}`,
  leaderboardTitle: (p, m) => `ランキング・${p}・${m}`,
  leaderboardValue: (m, v) => (m === "xp" ? `${v} XP` : m === "streak" ? `${v}日` : m === "reviews" ? `${v}回` : `${Math.round(v * 100)}%`),
  leaderboardYou: (r, v) => `あなた：**${r}位**・${v}`,
  leaderboardHidden: (v) => `ランキングには表示されていません（${v}）。/settings hidden off で表示に戻せます。`,
  leaderboardNotRanked: (n) =>
    n > 0 ? `まだランキング外です：期間内に${n}回の復習が必要です。` : "まだランキング外です。学習するとランキングに参加できます。",
  leaderboardEmpty: "この期間はまだ誰も学習していません。",
  periodName: { week: "今週", month: "今月", all: "全期間" },
  metricName: { xp: "XP", streak: "連続日数", reviews: "復習数", accuracy: "正答率" },
  weekStartsMonday: (tz) => `週は月曜日に始まります（${tz}）。`,
  reminderTitle: "毎日のリマインダー",
  remindHint: "/remind 07:30 [タイムゾーン] で設定、/remind when due|not-studied で条件を選択、/remind off で停止します。",
  reminderOff: "毎日のリマインダーをオフにしました。",
  reminderNone: (tz) => `毎日のリマインダーは設定されていません。タイムゾーン：${tz}`,
  reminderAt: (time, tz) => `毎日 **${time}**（${tz}）`,
  reminderNext: (when, inTime) => `次回：${when}（${inTime}後）`,
  remindWhenDue: "復習するカードがあるときだけ届きます。",
  remindWhenNotStudied: "まだ学習していない日だけ届きます。",
  remindersPausedNotice: "DMを送れなかったため、リマインダーは一時停止中です。DMを開いてから /remind で再設定してください。",
  remindersPausedDm: "DMが閉じられているためリマインダーを送れず、一時停止しました。DMを開いて /remind で再開してください。",
  badClockTime: (x) => `「${x}」は時刻ではありません。07:30 のように HH:MM で指定してください`,
  remindNeedsTime: "/remind 07:30 のように時刻を指定してください",
  badTimeZone: (x) => `「${x}」はタイムゾーンではありません。Asia/Tokyo のような IANA 名を使ってください`,
  badRemindWhen: "when には due か not-studied を指定してください",
  notYourReminder: "これは他の人のリマインダーです。",
  snoozed: (d) => `${d}後にもう一度お知らせします。`,
  reminderDue: (n) => `今日復習するカードが **${n}枚** あります。`,
  streakAtRisk: (d) => `今日学習しないと、${d}日の連続記録が途切れます。`,
  reviewNow: "今すぐ復習",
  remindLater: "1時間後に再通知",
  reminderForYou: (m) => `${m} さん、復習が待っています（DMを送れなかったためこちらでお知らせします）。`,
  noVacation: "休暇中ではありません。",
  vacationHint: "/vacation 7d で休暇（最大90日）、/vacation off で早めに再開できます。",
  vacationEnded: "おかえりなさい！リマインダーを再開しました。",
  badVacation: (max) => `7d や 2w のように期間を指定してください（最大${max}日）`,
  vacationSet: (until, days) => `休暇を設定しました：${until}まで${days}日間リマインダーを止め、連続日数は凍結されます。`,
  onVacationUntil: (d) => `${d}まで休暇中です。`,
  overdueSpread: (n, d) => `期限切れの${n}枚のカードを、一度にではなく今後${d}日間に分散しました。`,
  teamTitle: "チーム設定",
  teamLines: (s) => [
    `チャンネル：**${s.channel}**`,
    `タイムゾーン：**${s.timeZone}**（週・今日の問題・週間まとめ）`,
    `投稿の言語：**${s.language}**`,
    `今日の問題：**${s.qotd}**`,
    `週間まとめ：**${s.recap ? "オン" : "オフ"}**`,
    `連続記録の達成通知：**${s.milestones ? "オン" : "オフ"}**`,
  ],
  teamHint:
    "管理者は /team channel、qotd HH:MM|off、timezone、language ja|en、recap on|off、milestones on|off、parameters fit|reset で変更できます。",
  notAdmin: "チーム設定を変更できるのはチームの管理者だけです（Discord ではサーバー管理権限）。",
  noChannel: "なし",
  off: "オフ",
  qotdTitle: "今日の問題",
  qotdAnswered: (ok, a) => (ok ? "正解！ランキングに加算されます。" : `残念、正解は **${a}** でした。回答はランキングに加算されます。`),
  qotdAlreadyAnswered: "今日の問題には回答済みです。最初の回答が記録されています。",
  qotdClosed: "この問題は締め切られました。明日また新しい問題が出ます。",
  qotdResults: (c, t, a) => `結果：${t}人中${c}人が正解。正解は **${a}** でした。`,
  milestone: (m, d) => `${m} さんが **${d}日** 連続学習を達成しました！`,
  recapTitle: (w) => `週間まとめ（${w}の週）`,
  recapLines: (s) => [
    s.top.length > 0 ? `今週のトップ：\n${s.top.join("\n")}` : "今週は誰も学習しませんでした。",
    `復習数：**${s.reviews}**`,
    `チームの定着率：**${s.retention}**`,
    ...(s.missedTopic ? [`最も間違いが多かったトピック：**${s.missedTopic}**`] : []),
  ],
  exportReady: (r, c) => `あなたのデータです：復習${r}件、カード${c}枚（CSV）。復習のファイルは FSRS の最適化ツールで読み込めます。`,
  forgetTitle: "すべてのデータを削除しますか？",
  forgetWarning:
    "すべてのチームでの設定・カードの進捗・復習履歴・リマインダー・ランキングの記録を削除します。元に戻せません。必要なら先に /export で保存してください。",
  forgetConfirm: "すべて削除する",
  cancel: "キャンセル",
  forgotten: "データを削除しました",
  forgottenCounts: (c) =>
    `削除したもの：復習${c.reviews}件、カードの状態${c.cards}件、クイズ${c.quizzes}件、今日の問題の回答${c.answers}件、ラウンドの回答${c.roundAnswers}件、リマインダーの記録${c.reminders}件、問題の報告${c.reports}件、${c.teams}チームのメンバー情報。`,
  forgetCancelled: "何も削除していません。",
  lineLabel: (n) => `${n}行目`,
  problemLine: (where, p) => `• ${where.length > 0 ? `${where.join("、")}：` : ""}${p}`,
  importFailed: "デッキを取り込めませんでした",
  importNothingWritten: "何も書き込んでいません。次の問題を直してから、もう一度ファイルをアップロードしてください。",
  andMore: (n) => `…ほか${n}件。`,
  importDone: (name) => `デッキ「${name}」を取り込みました`,
  importCounts: (c) =>
    `新規${c.added}枚、更新${c.updated}枚、変更なし${c.unchanged}枚、廃止${c.retired}枚（ファイルから消えたもの）。既存のカードの進捗はそのままです。`,
  deckIdLine: (id) => `デッキID：\`${id}\``,
  teamDecksTitle: "チームのデッキ",
  teamDeckSection: "チームのデッキ",
  teamDeckTopic: "チームのデッキ",
  noTeamDecks: "このチーム独自のデッキはまだありません。",
  teamDeckLine: (name, id, n) => `**${name}**（\`${id}\`）：${n}枚`,
  teamDecksHint: "管理者は /deck import で CSV・TSV・Anki テキスト・YAML を取り込み、/deck rename・retire・export で管理できます。",
  deckNameNeeded: "デッキ名を指定してください",
  noSuchDeck: (id) => `このチームに「${id}」というデッキはありません`,
  deckRetired: "デッキを廃止しました。カードは表示されなくなりますが、履歴は残ります。",
  deckExported: (n) => `デッキの${n}枚のカード（YAML）です。編集してもう一度取り込むとデッキを更新できます。`,
  fileTooLarge: (mb, limit) => `ファイルは ${mb} MB です。上限は ${limit} MB です`,
  importModalTitle: "デッキの取り込み",
  importModalFile: "CSV・TSV・Ankiのテキスト書き出し・YAML（1MBまで）",
  importModalName: "デッキ名",
  importModalSubmit: "取り込む",
  // Answering choice items in /study
  nextCard: "次のカードへ",
  pickAChoice: "この問題は選択肢を選んで答えます。",
  rateAfterRight: "どのくらい覚えていましたか？次の復習の時期を選んでください。",
  consoleEnterPresses: (label) => `エンターキーで「${label}」を押します。`,
  // Settings view: every setting shown (issue 18)
  dmTeamPersonal: "個人（自分だけ）",
  settingOn: "オン",
  settingOff: "オフ",
  // 問題の報告
  reportButton: "問題を報告",
  reportFormTitle: "問題を報告",
  reportReasonLabel: "どんな問題ですか？",
  reportReasons: { wrong: "答えが間違っている", unclear: "わかりにくい・曖昧", typo: "誤字・表示の乱れ", other: "その他" },
  reportReasonShort: { wrong: "誤り", unclear: "不明瞭", typo: "誤字", other: "その他" },
  reportTextLabel: "詳細（任意・1行）",
  reportTextPlaceholder: "どう直すとよいですか？",
  reportSubmit: "送信",
  reportThanks: "ありがとうございます！報告はチームの管理者に届きました。誰が報告したかは他の人には表示されません。",
  reportAlready: "この項目のこの版はすでに報告済みです。ありがとうございます。修正をお待ちください。",
  reportUnknownItem: "この項目は報告できません。チームのデッキにない（または削除された）項目です。何も記録していません。",
  reportInvalid: "報告を読み取れませんでした。理由を選んでもう一度お試しください。何も記録していません。",
  reportOpenAgain: "報告フォームを時間内に開けませんでした。もう一度「問題を報告」を押してください。",
  reportsTitle: "問題の報告",
  reportsNone: "このチームではまだ問題の報告はありません。",
  reportsAdminsOnly: "問題の報告を見られるのはチームの管理者だけです（Discordでは「サーバー管理」権限）。",
  reportsItemLine: (id, n, latest, reasons) => `\`${id}\`：報告${n}件、最新 ${latest}（${reasons}）`,
  reportsEarlierVersion: (n) => `うち${n}件は項目の以前の版への報告`,
  reportsRetired: "この項目は廃止済み",
  reportsMore: (n) => `…ほか${n}項目。`,
  reportsHint:
    "組み込みの項目は `content/decks/` で直します（イシューやプルリクエストに項目IDを書いてください）。チームのデッキの項目は /deck export で書き出し、編集して /deck import で取り込みます。",
  exportReports: (n) => `あなたの問題の報告${n}件は報告のファイルに入っています。`,
  consoleReportChoose: (n) => `理由を 1〜${n} の番号で選んでください（それ以外で取り消し）：`,
  consoleReportText: "詳細を1行で入力してください（空行で省略）：",
  consoleReportCancelled: "報告を取り消しました。何も記録していません。",
};

const catalogs: Record<Locale, Messages> = { en, ja };

export function messages(locale: Locale): Messages {
  return catalogs[locale];
}

/**
 * Notices left for someone while they are away (reminders paused) are stored by name, so they are
 * said in the language the person reads when they come back, which may not be the one they had.
 */
export const NOTICES = ["remindersPausedDm"] as const satisfies readonly (keyof Messages)[];
export type Notice = (typeof NOTICES)[number];

/** A stored notice in `locale`; text stored before notices were named comes back as it is. */
export function noticeText(stored: string, locale: Locale): string {
  return (NOTICES as readonly string[]).includes(stored) ? catalogs[locale][stored as Notice] : stored;
}

/** One sentence from both catalogs, for code that answers before it knows the reader's language (validation). */
export function inBoth(say: (t: Messages) => string): LocalizedText {
  return { en: say(en), ja: say(ja) };
}
