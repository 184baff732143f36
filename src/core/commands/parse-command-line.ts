// Turns a line of text ("/quiz scaling 5", "settings retention 0.85") into a Command. Used by the
// console and by Slack's single slash command. Everything in the line is untrusted input.
import type { LocalizedText } from "../i18n/locale.ts";
import { inBoth, type Messages } from "../i18n/messages.ts";
import { QUIZ_MAX_COUNT } from "../quiz/quiz-service.ts";
import { GAME_MODES, GAME_QUESTIONS, GAME_SECONDS, gameModeSchema, outOfRange } from "../game/game-options.ts";
import { gameInBoth, type GameMessages } from "../i18n/game-messages.ts";
import type { GameMode } from "../ports/game-store.ts";
import { SETTING_NAMES, type SettingsInput } from "../settings/settings.ts";
import { COMMAND_NAMES, type Command, type CommandName } from "./command.ts";

export const COMMAND_LINE_MAX = 500;

export type ParsedLine =
  | { ok: true; command: Command }
  | { ok: false; error: { kind: "unknown-command"; name: string } | { kind: "invalid-option"; option: string; problem: LocalizedText } };

/** An option that is wrong, and what is wrong with it in both languages (the reply picks one). */
function invalid(option: string, say: (t: Messages) => string): ParsedLine {
  return { ok: false, error: { kind: "invalid-option", option, problem: inBoth(say) } };
}

export function parseCommandLine(line: string): ParsedLine {
  if (line.length > COMMAND_LINE_MAX) return invalid("text", (t) => t.optionTooLong(COMMAND_LINE_MAX));
  const words = line.trim().split(/\s+/).filter(Boolean);
  const head = (words.shift() ?? "help").replace(/^\//, "").toLowerCase();
  if (!(COMMAND_NAMES as readonly string[]).includes(head))
    return { ok: false, error: { kind: "unknown-command", name: head.slice(0, 40) } };
  const name = head as CommandName;
  switch (name) {
    case "study":
      return words.length > 1 ? tooMany("topic") : { ok: true, command: { name, topic: words[0]?.toLowerCase() } };
    case "quiz": {
      // "/quiz", "/quiz 5", "/quiz scaling", "/quiz scaling 5"
      let topic: string | undefined;
      let count: number | undefined;
      for (const w of words) {
        if (/^\d+$/.test(w) && count === undefined) count = Number(w);
        else if (/^-?\d+(\.\d+)?$/.test(w)) return invalid("count", (t) => t.optionWholeNumber(1, QUIZ_MAX_COUNT));
        else if (topic === undefined) topic = w.toLowerCase();
        else return tooMany("topic");
      }
      return { ok: true, command: { name, topic, count } };
    }
    case "leaderboard": {
      // "/leaderboard", "/leaderboard month", "/leaderboard streak", "/leaderboard all accuracy", either order
      let period: "week" | "month" | "all" | undefined;
      let metric: "xp" | "streak" | "reviews" | "accuracy" | undefined;
      for (const w of words.map((x) => x.toLowerCase())) {
        if ((w === "week" || w === "month" || w === "all") && period === undefined) period = w;
        else if ((w === "xp" || w === "streak" || w === "reviews" || w === "accuracy") && metric === undefined) metric = w;
        else return invalid(w.slice(0, 20), (t) => t.optionNotLeaderboardWord);
      }
      return { ok: true, command: { name, period, metric } };
    }
    case "remind": {
      // "/remind", "/remind off", "/remind 07:30 [Asia/Tokyo] [when due|not-studied]"
      const o: { time?: string; timeZone?: string; off?: boolean; when?: string } = {};
      for (let i = 0; i < words.length; i++) {
        const w = words[i] as string;
        if (w.toLowerCase() === "off" && i === 0) o.off = true;
        else if (w.toLowerCase() === "when") o.when = (words[++i] ?? "").toLowerCase();
        else if (/^\d{1,2}:\d{2}$/.test(w) && o.time === undefined) o.time = w;
        else if (o.timeZone === undefined && /\/|^utc$/i.test(w)) o.timeZone = w;
        else if (o.time === undefined) o.time = w;
        else return invalid(w.slice(0, 40), (t) => t.optionNotRemindWord);
      }
      return { ok: true, command: { name, ...o } };
    }
    case "vacation":
      return words.length > 1 ? tooMany("duration") : { ok: true, command: { name, duration: words[0] } };
    case "team": {
      if (words.length === 0) return { ok: true, command: { name, changes: {} } };
      const [key, value, ...rest] = words;
      const setting = (key ?? "").toLowerCase();
      if (!["channel", "qotd", "timezone", "language", "recap", "milestones"].includes(setting)) {
        return invalid(setting.slice(0, 40), (t) => t.optionNotTeamSetting);
      }
      if (value === undefined || rest.length > 0) return invalid(setting, (t) => t.optionNeedsOneValue);
      return { ok: true, command: { name, changes: { [setting]: value } } };
    }
    case "deck": {
      // "/deck list", "/deck rename <id> <name...>", "/deck retire <id>", "/deck export <id>", "/deck reports"; importing needs a file (adapters).
      const [action, id, ...rest] = words;
      if (action === undefined || action === "list") return { ok: true, command: { name, action: "list" } };
      if (action === "reports" && id === undefined) return { ok: true, command: { name, action: "reports" } };
      // A typed line cannot carry a file: the adapters import from an attachment, a dialog or a path.
      if (action === "import") return invalid("import", (t) => t.optionDeckImportFile);
      if ((action === "retire" || action === "export") && id !== undefined && rest.length === 0)
        return { ok: true, command: { name, action, deckId: id } };
      if (action === "rename" && id !== undefined && rest.length > 0)
        return { ok: true, command: { name, action, deckId: id, deckName: rest.join(" ") } };
      return invalid((action ?? "").slice(0, 20), (t) => t.optionDeckAction);
    }
    case "game":
      return parseGame(words);
    case "settings": {
      if (words.length === 0) return { ok: true, command: { name, changes: {} } };
      const [key, ...rest] = words;
      if (key?.toLowerCase() === "optimize" && rest.length === 0) return { ok: true, command: { name, changes: {}, optimize: true } };
      const setting = normalizeSettingName(key ?? "");
      if (!setting) return invalid((key ?? "").slice(0, 40), (t) => t.optionNotASetting(SETTING_NAMES.join(", ")));
      // Parameters are 21 numbers, with spaces or commas as Anki shows them.
      if (setting === "parameters" && rest.length > 0) return { ok: true, command: { name, changes: { parameters: rest.join(" ") } } };
      if (rest.length !== 1) return invalid(setting, (t) => t.optionNeedsOneValue);
      const changes: SettingsInput = { [setting]: rest[0] };
      return { ok: true, command: { name, changes } };
    }
    default:
      return words.length > 0 ? invalid(name, (t) => t.optionTakesNone) : { ok: true, command: { name } as Command };
  }
}

/** "/game start [topic] [questions=N] [seconds=N] [mode=mixed|weak|due]" (a bare number is the question count, a bare mode its mode), "/game stop". */
function parseGame(words: string[]): ParsedLine {
  const gameInvalid = (option: string, say: (t: GameMessages) => string): ParsedLine => ({
    ok: false,
    error: { kind: "invalid-option", option, problem: gameInBoth(say) },
  });
  const [action, ...rest] = words.map((w) => w.toLowerCase());
  if (action === "stop")
    return rest.length > 0 ? invalid("stop", (t) => t.optionTakesNone) : { ok: true, command: { name: "game", action: "stop" } };
  if (action !== "start") return gameInvalid((action ?? "").slice(0, 20), (t) => t.optionAction);
  const o: { topic?: string; questions?: number; seconds?: number; mode?: GameMode } = {};
  for (const w of rest) {
    const eq = w.indexOf("=");
    const key = eq >= 0 ? w.slice(0, eq) : /^[-+.\d]+$/.test(w) ? "questions" : GAME_MODES.includes(w as GameMode) ? "mode" : "topic";
    const value = eq >= 0 ? w.slice(eq + 1) : w;
    if (key === "questions" || key === "seconds") {
      const bounds = key === "questions" ? GAME_QUESTIONS : GAME_SECONDS;
      const n = /^\d{1,6}$/.test(value) ? Number(value) : Number.NaN;
      if (o[key] !== undefined) return gameInvalid(key, (t) => t.optionTwice);
      if (Number.isNaN(n) || outOfRange({ [key]: n })) return invalid(key, (t) => t.optionWholeNumber(bounds.min, bounds.max));
      o[key] = n;
    } else if (key === "mode") {
      const mode = gameModeSchema.safeParse(value);
      if (!mode.success) return gameInvalid("mode", (t) => t.optionMode);
      if (o.mode !== undefined) return gameInvalid(key, (t) => t.optionTwice);
      o.mode = mode.data;
    } else if (key === "topic" && o.topic === undefined && value.length > 0) {
      o.topic = value;
    } else {
      return gameInvalid(w.slice(0, 20), (t) => t.optionWord);
    }
  }
  return { ok: true, command: { name: "game", action: "start", ...o } };
}

function tooMany(option: string): ParsedLine {
  return invalid(option, (t) => t.optionTakesOneWord);
}

const ALIASES: Record<string, (typeof SETTING_NAMES)[number]> = {
  language: "language",
  lang: "language",
  locale: "language",
  timezone: "timezone",
  tz: "timezone",
  retention: "retention",
  new: "new",
  "new-per-day": "new",
  reviews: "reviews",
  "reviews-per-day": "reviews",
  // Named in replies ("/settings hidden off") and in the list of settings a mistyped name gets.
  team: "team",
  hidden: "hidden",
  images: "images",
  pictures: "images",
  parameters: "parameters",
  params: "parameters",
};

function normalizeSettingName(key: string): (typeof SETTING_NAMES)[number] | undefined {
  return ALIASES[key.toLowerCase()];
}
