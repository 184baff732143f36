// Who is acting, and where. Ids carry their platform ("discord:123", "slack:T1:U2",
// "console:local"), so the core routes and stores them without knowing any platform.
import type { Locale } from "./i18n/locale.ts";

export interface Actor {
  userId: string;
  teamId: string;
  /** The language the chat client reports, when it reports one. */
  clientLocale?: Locale | undefined;
  /** The platform says this person administers the team (Discord: Manage Server; Slack: workspace admin). */
  isAdmin?: boolean | undefined;
  /** The channel the command came from, when there is one. */
  channelId?: string | undefined;
}

/** A Discord user's direct messages form a personal team of one. */
export function personalTeamId(platform: string, userId: string): string {
  return `${platform}:@${userId}`;
}

export function platformOf(id: string): string {
  return id.slice(0, Math.max(0, id.indexOf(":")));
}
