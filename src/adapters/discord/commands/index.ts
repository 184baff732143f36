// Every slash command the bot registers, by name.
import type { DiscordCommand } from "./command-module.ts";
import { help } from "./help.ts";
import { quiz } from "./quiz.ts";
import { settings } from "./settings.ts";
import { stats } from "./stats.ts";
import { study } from "./study.ts";
import { topics } from "./topics.ts";
import { undo } from "./undo.ts";

export const COMMANDS: DiscordCommand[] = [study, quiz, stats, topics, settings, undo, help];

export const COMMANDS_BY_NAME = new Map(COMMANDS.map((c) => [c.data.name, c]));
