// Builders for the registered command JSON with Japanese names and descriptions beside English.
import { ApplicationCommandOptionType, type APIApplicationCommandOption } from "discord.js";

export interface LocalizedText {
  en: string;
  ja: string;
}

export function localized(name: LocalizedText, description: LocalizedText) {
  return {
    name: name.en,
    name_localizations: { ja: name.ja },
    description: description.en,
    description_localizations: { ja: description.ja },
  };
}

export function topicOption(required = false): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.String,
    ...localized({ en: "topic", ja: "トピック" }, { en: "Only cards from this topic", ja: "このトピックのカードだけ" }),
    required,
    autocomplete: true,
    max_length: 24,
  };
}

/** A time zone, autocompleted from the IANA names; whose zone it is goes in the description. */
export function timeZoneOption(description: LocalizedText): APIApplicationCommandOption {
  return {
    type: ApplicationCommandOptionType.String,
    ...localized({ en: "timezone", ja: "タイムゾーン" }, description),
    autocomplete: true,
    max_length: 64,
  };
}
