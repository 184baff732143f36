// Names of topics and sections in both languages, as the core shows them. Built from the content
// library at start-up; team decks may add topics that only have an id.
import type { Locale } from "../i18n/locale.ts";
import { inBoth } from "../i18n/messages.ts";
import type { Section, Topic } from "./item.ts";

/** Items of a team's own decks name this as their source. */
export const TEAM_DECK_SECTION: Section = { id: "team-deck", heading: "", name: inBoth((t) => t.teamDeckSection) };
/**
 * The topic of a team deck's cards that have no tags of their own. It is not in the library, so its
 * name is in the message catalog (the English name is its id, as English replies have always shown it).
 */
export const TEAM_DECK_TOPIC: Topic = { id: "team", name: inBoth((t) => t.teamDeckTopic) };

export class Catalog {
  private readonly topics: Map<string, Topic>;
  private readonly sections: Map<string, Section>;

  constructor(topics: Topic[], sections: Section[]) {
    this.topics = new Map(topics.map((t) => [t.id, t]));
    this.sections = new Map([TEAM_DECK_SECTION, ...sections].map((s) => [s.id, s]));
  }

  topicIds(): string[] {
    return [...this.topics.keys()];
  }

  hasTopic(id: string): boolean {
    return this.topics.has(id);
  }

  /** A topic's name; a topic only a team's deck has is named by its id, except the team decks' own topic. */
  topicName(id: string, locale: Locale): string {
    return (this.topics.get(id) ?? (id === TEAM_DECK_TOPIC.id ? TEAM_DECK_TOPIC : undefined))?.name[locale] ?? id;
  }

  sectionName(id: string, locale: Locale): string {
    return this.sections.get(id)?.name[locale] ?? id;
  }
}
