// Names of topics and sections in both languages, as the core shows them. Built from the content
// library at start-up; team decks may add topics that only have an id.
import type { Locale } from "../i18n/locale.ts";
import type { Section, Topic } from "./item.ts";

/** Items of a team's own decks name this as their source. */
export const TEAM_DECK_SECTION: Section = { id: "team-deck", heading: "", name: { ja: "チームのデッキ", en: "Team deck" } };

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

  topicName(id: string, locale: Locale): string {
    return this.topics.get(id)?.name[locale] ?? id;
  }

  sectionName(id: string, locale: Locale): string {
    return this.sections.get(id)?.name[locale] ?? id;
  }
}
