// The core's front door: one call for a command, one for a button click. Adapters call nothing
// else, and render the Reply they get back.
import { parseAction } from "./actions/action-id.ts";
import type { Command } from "./commands/command.ts";
import type { ParsedLine } from "./commands/parse-command-line.ts";
import { localeOf, type CoreDeps, type CoreStores } from "./core-deps.ts";
import type { Actor } from "./identity.ts";
import type { Locale } from "./i18n/locale.ts";
import { messages, noticeText } from "./i18n/messages.ts";
import { QUIZ_DEFAULT_COUNT, QUIZ_MAX_COUNT, QuizService } from "./quiz/quiz-service.ts";
import { InfoService } from "./stats/info-service.ts";
import { LeaderboardService } from "./leaderboard/leaderboard-service.ts";
import { QotdService } from "./qotd/qotd-service.ts";
import { ReminderService } from "./reminders/reminder-service.ts";
import { TeamService } from "./team/team-service.ts";
import { PrivacyService } from "./privacy/privacy-service.ts";
import { ReportService } from "./problem-reports/report-service.ts";
import { TeamDeckService } from "./team-decks/team-deck-service.ts";
import type { UserProfile } from "./ports/records.ts";
import { StudyService } from "./study/study-service.ts";
import { GameService } from "./game/game-service.ts";
import { outOfRange } from "./game/game-options.ts";
import { notice, update, view, type Reply, type View } from "./views/view.ts";

export class Bot {
  readonly study: StudyService;
  readonly quiz: QuizService;
  readonly info: InfoService;
  readonly leaderboard: LeaderboardService;
  readonly reminders: ReminderService;
  readonly team: TeamService;
  readonly qotd: QotdService;
  readonly privacy: PrivacyService;
  readonly decks: TeamDeckService;
  readonly reports: ReportService;
  readonly game: GameService;

  /** What the Bot reads itself: languages, memberships, notices, topics. */
  private readonly deps: Pick<CoreStores, "profiles" | "reminders" | "cards"> & Pick<CoreDeps, "catalog">;

  constructor(deps: CoreDeps) {
    const { stores, catalog, random, defaultTimeZone } = deps;
    const {
      profiles,
      teams,
      cards,
      reviews,
      quizzes,
      leaderboards,
      reminders,
      qotd,
      teamDecks,
      privacy,
      reports,
      parameters,
      teamParameters,
      games,
    } = stores;
    this.deps = { profiles, reminders, cards, catalog };
    this.study = new StudyService({ profiles, teams, cards, reviews, catalog, defaultTimeZone });
    this.quiz = new QuizService({ profiles, teams, cards, reviews, quizzes, catalog, random, defaultTimeZone });
    this.info = new InfoService({ profiles, cards, parameters, teamParameters, catalog, defaultTimeZone });
    this.leaderboard = new LeaderboardService({ profiles, teams, leaderboards, defaultTimeZone });
    this.reminders = new ReminderService({ profiles, reminders, defaultTimeZone });
    this.team = new TeamService({ profiles, teams, teamParameters, defaultTimeZone });
    this.qotd = new QotdService({ profiles, teams, cards, reviews, qotd, defaultTimeZone });
    this.privacy = new PrivacyService({ profiles, privacy, reports, defaultTimeZone });
    this.decks = new TeamDeckService({ profiles, teams, teamDecks, defaultTimeZone });
    this.reports = new ReportService({ profiles, teams, cards, reports, defaultTimeZone });
    this.game = new GameService({ profiles, teams, cards, reviews, games, catalog, random, defaultTimeZone });
    this.study.onArrival = (profile, locale, now) => this.arrival(profile, locale, now);
  }

  async command(actor: Actor, command: Command, now: Date): Promise<Reply> {
    const invalid = await this.checkOptions(actor, command);
    if (invalid) return invalid;
    switch (command.name) {
      case "study":
        return this.study.start(actor, command.topic, now);
      case "quiz":
        return this.quiz.start(actor, command.topic, command.count ?? QUIZ_DEFAULT_COUNT, now);
      case "stats":
        return this.info.stats(actor, now);
      case "topics":
        return this.info.topics(actor, now);
      case "settings":
        return command.optimize ? this.info.optimize(actor, now) : this.info.settings(actor, command.changes, now);
      case "undo":
        return this.study.undo(actor, undefined, now);
      case "help":
        return this.info.help(await this.locale(actor));
      case "leaderboard":
        return this.leaderboard.show(actor, command.period ?? "week", command.metric ?? "xp", now);
      case "remind":
        return this.reminders.remind(actor, command, now);
      case "vacation":
        return this.reminders.vacation(actor, command.duration, now);
      case "team":
        return this.team.settings(actor, command.changes, now);
      case "export":
        return this.privacy.export(actor, now);
      case "forget-me":
        return this.privacy.forgetMe(actor);
      case "game":
        return command.action === "start" ? this.game.start(actor, command, now) : this.game.stop(actor, now);
      case "deck":
        switch (command.action) {
          case "list":
            return this.decks.list(actor, now);
          case "reports":
            return this.reports.list(actor, now);
          case "rename":
            return this.decks.rename(actor, command.deckId, command.deckName, now);
          case "retire":
            return this.decks.retire(actor, command.deckId, now);
          case "export":
            return this.decks.export(actor, command.deckId, now);
          case "import":
            return this.decks.import(actor, command.file, command.deckName, now);
        }
    }
  }

  /**
   * A command typed as text, already parsed; parse errors become polite replies. With
   * `helpOnUnknown`, an unknown command is answered with the help (Slack's subcommands).
   */
  async commandLine(actor: Actor, parsed: ParsedLine, now: Date, options: { helpOnUnknown?: boolean } = {}): Promise<Reply> {
    if (parsed.ok) return this.command(actor, parsed.command, now);
    const locale = await this.locale(actor);
    const t = messages(locale);
    if (parsed.error.kind === "unknown-command") {
      const unknown = t.unknownCommand(parsed.error.name);
      if (!options.helpOnUnknown) return update(view({ body: [unknown], tone: "error" }));
      const help = this.info.help(locale).view;
      return update({ ...help, body: [unknown, ...help.body] });
    }
    return update(view({ body: [t.invalidOption(parsed.error.option, parsed.error.problem[locale])], tone: "error" }));
  }

  /** The App Home page. */
  home(actor: Actor, now: Date): Promise<View> {
    return this.info.home(actor, now);
  }

  async click(actor: Actor, actionIdText: string, now: Date): Promise<Reply> {
    const action = parseAction(actionIdText);
    if (!action) return notice(view({ body: [messages(await this.locale(actor)).buttonUnknown], tone: "info" }));
    switch (action.kind) {
      case "study":
        return this.study.start(actor, action.topic, now);
      case "show-answer":
        return this.study.showAnswer(actor, action.itemId, action.version, action.topic, now);
      case "rate":
        return this.study.rate(actor, action.itemId, action.version, action.rating, action.topic, now);
      case "study-pick":
        return this.study.pick(actor, action.itemId, action.version, action.choice, action.topic, now);
      case "choice-rate":
        return this.study.rateChoice(actor, action.itemId, action.version, action.choice, action.rating, action.topic, now);
      case "quiz-answer":
        return this.quiz.answer(actor, action.sessionId, action.position, action.choice, now);
      case "quiz-next":
        return this.quiz.next(actor, action.sessionId, action.position, now);
      case "quiz-start":
        return this.quiz.start(actor, action.topic, action.count, now);
      case "undo":
        return this.study.undo(actor, action.target, now);
      case "leaderboard":
        return this.leaderboard.show(actor, action.period, action.metric, now);
      case "snooze":
        return this.reminders.snooze(actor, action.day, action.userId, now);
      case "qotd-answer":
        return this.qotd.answer(actor, action.qotdId, action.choice, now);
      case "forget":
        return this.privacy.forgetConfirmed(actor, action.userId);
      case "forget-cancel":
        return this.privacy.forgetCancelled(actor);
      case "report":
        return this.reports.open(actor, action.itemId);
      case "game-answer":
        return this.game.answer(actor, action.roundId, action.position, action.choice, now);
      case "report-submit":
        // A form's id pressed as a button: forged, since no button carries one.
        return notice(view({ body: [messages(await this.locale(actor)).buttonUnknown], tone: "info" }));
    }
  }

  /**
   * A submitted form (a modal, console prompts): `action` is the form's id, `values` its answers by
   * field id as the platform sent them, validated by the use case.
   */
  async submit(actor: Actor, actionIdText: string, values: unknown, now: Date): Promise<Reply> {
    const action = parseAction(actionIdText);
    if (action?.kind === "report-submit") return this.reports.submit(actor, action.itemId, values, now);
    return notice(view({ body: [messages(await this.locale(actor)).reportInvalid], tone: "error" }));
  }

  /** Topics to offer as choices (slash-command autocomplete), matching what the user typed. */
  async topicChoices(actor: Actor, typed: string): Promise<{ value: string; name: string }[]> {
    return this.info.topicChoices(actor, typed, await this.locale(actor));
  }

  /**
   * The team a direct message counts for: the one the user chose in /settings, else their
   * personal team (the actor's own).
   */
  async directMessageTeam(actor: Actor): Promise<string> {
    return (await this.deps.profiles.profile(actor.userId))?.dmTeamId ?? actor.teamId;
  }

  topicName(id: string, locale: Locale): string {
    return this.deps.catalog.topicName(id, locale);
  }

  /** Teams the user can choose for direct messages (adapters add their display names). */
  memberships(userId: string): Promise<string[]> {
    return this.deps.profiles.memberships(userId);
  }

  /**
   * What to tell someone who comes back: the end of their vacation (overdue cards spread out), or
   * a message left for them (reminders paused). Shown once, above their first card, in the language
   * they read now (it is stored by name, see NOTICES).
   */
  private async arrival(profile: UserProfile, locale: Locale, now: Date): Promise<string[]> {
    const lines: string[] = [];
    if (profile.pendingNotice) {
      lines.push(noticeText(profile.pendingNotice, locale));
      await this.deps.reminders.clearNotice(profile.id);
    }
    if (profile.vacationUntil && profile.vacationUntil <= now) {
      const spread = await this.reminders.returnFromVacation(profile, locale, now);
      if (spread) lines.push(spread);
    }
    return lines;
  }

  /** The language to answer someone in before anything else is loaded. */
  async locale(actor: Actor): Promise<Locale> {
    return localeOf(await this.deps.profiles.profile(actor.userId), actor);
  }

  private async checkOptions(actor: Actor, command: Command): Promise<Reply | undefined> {
    const topic = "topic" in command ? command.topic : undefined;
    if (topic !== undefined) {
      const known = this.deps.catalog.hasTopic(topic) || (await this.deps.cards.topicCounts(actor.teamId)).has(topic);
      if (!known) {
        const locale = await this.locale(actor);
        const names = this.deps.catalog.topicIds().join(", ");
        return update(view({ body: [messages(locale).unknownTopic(topic.slice(0, 40), names)], tone: "error" }));
      }
    }
    if (
      command.name === "quiz" &&
      command.count !== undefined &&
      (!Number.isInteger(command.count) || command.count < 1 || command.count > QUIZ_MAX_COUNT)
    ) {
      const t = messages(await this.locale(actor));
      return update(view({ body: [t.invalidOption("count", t.optionWholeNumber(1, QUIZ_MAX_COUNT))], tone: "error" }));
    }
    if (command.name === "game") {
      const range = outOfRange(command);
      if (range) {
        const t = messages(await this.locale(actor));
        return update(view({ body: [t.invalidOption(range.option, t.optionWholeNumber(range.min, range.max))], tone: "error" }));
      }
    }
    return undefined;
  }

  /** The apology for an unexpected failure, in the user's language when it can be known. */
  apology(locale: Locale): Reply {
    return notice(view({ body: [messages(locale).sorry], tone: "error" }));
  }
}

export { localeOf };
