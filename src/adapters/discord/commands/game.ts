import { ApplicationCommandOptionType, type APIApplicationCommandStringOption } from "discord.js";
import { GAME_QUESTIONS, GAME_SECONDS, gameModeSchema } from "../../../core/game/game-options.ts";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import type { DiscordCommand } from "./command-module.ts";
import { stringOption } from "./command-module.ts";
import { choice, localized, topicOption } from "./localized-option.ts";

const words = COMMAND_TEXT.game;

/** Live quiz rounds in a server channel: start one (its options checked again by the core), or stop it. */
export const game: DiscordCommand = {
  data: {
    ...localized(words),
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(words.start),
        options: [
          // A string option with autocomplete, as /quiz has it.
          topicOption() as APIApplicationCommandStringOption,
          {
            type: ApplicationCommandOptionType.Integer,
            ...localized(words.questions),
            min_value: GAME_QUESTIONS.min,
            max_value: GAME_QUESTIONS.max,
          },
          {
            type: ApplicationCommandOptionType.Integer,
            ...localized(words.seconds),
            min_value: GAME_SECONDS.min,
            max_value: GAME_SECONDS.max,
          },
          {
            type: ApplicationCommandOptionType.String,
            ...localized(words.mode),
            choices: [choice(words.modes.mixed, "mixed"), choice(words.modes.weak, "weak"), choice(words.modes.due, "due")],
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        ...localized(words.stop),
      },
    ],
    // Rounds are played in server channels.
    contexts: [0],
    integration_types: [0],
  },
  toCommand: (interaction) => {
    if (interaction.options.getSubcommand(false) === "stop") return { name: "game", action: "stop" };
    const mode = gameModeSchema.safeParse(interaction.options.getString("mode"));
    return {
      name: "game",
      action: "start",
      topic: stringOption(interaction, "topic")?.toLowerCase(),
      questions: interaction.options.getInteger("questions") ?? undefined,
      seconds: interaction.options.getInteger("seconds") ?? undefined,
      mode: mode.success ? mode.data : undefined,
    };
  },
};
