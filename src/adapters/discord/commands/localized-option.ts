// Builders for the registered command JSON with Japanese names and descriptions beside English; the
// words are in the command catalog (src/core/i18n/command-text.ts).
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from "discord.js";
import { COMMAND_TEXT, type CommandWords } from "../../../core/i18n/command-text.ts";
import type { LocalizedText } from "../../../core/i18n/locale.ts";

export function localized({ name, description }: CommandWords) {
  return {
    name: name.en,
    name_localizations: { ja: name.ja },
    description: description.en,
    description_localizations: { ja: description.ja },
  };
}

/** A fixed choice; a name that reads the same in both languages ("English", "XP") has no Japanese of its own. */
export function choice<V extends string>(name: LocalizedText, value: V) {
  return { name: name.en, ...(name.ja === name.en ? {} : { name_localizations: { ja: name.ja } }), value };
}

export function topicOption(required = false): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.String,
    ...localized(COMMAND_TEXT.options.topic),
    required,
    autocomplete: true,
    max_length: 24,
  };
}

/** A time zone, autocompleted from the IANA names; whose zone it is goes in the description. */
export function timeZoneOption(description: LocalizedText): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.String,
    ...localized({ name: COMMAND_TEXT.options.timezone, description }),
    autocomplete: true,
    max_length: 64,
  };
}
