// Every slash command the bot registers, by name.
import type { DiscordCommand } from "./command-module.ts";
import { help } from "./help.ts";
import { deck } from "./deck.ts";
import { exportData } from "./export.ts";
import { forgetMe } from "./forget-me.ts";
import { leaderboard } from "./leaderboard.ts";
import { remind } from "./remind.ts";
import { team } from "./team.ts";
import { vacation } from "./vacation.ts";
import { quiz } from "./quiz.ts";
import { game } from "./game.ts";
import { settings } from "./settings.ts";
import { stats } from "./stats.ts";
import { study } from "./study.ts";
import { topics } from "./topics.ts";
import { undo } from "./undo.ts";

export const COMMANDS: DiscordCommand[] = [
  study,
  quiz,
  game,
  stats,
  topics,
  leaderboard,
  remind,
  vacation,
  settings,
  team,
  deck,
  exportData,
  forgetMe,
  undo,
  help,
];

export const COMMANDS_BY_NAME = new Map(COMMANDS.map((c) => [c.data.name, c]));
