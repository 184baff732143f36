// Ids carry their platform, as the core names people and teams: the one place that builds them from
// a platform's payload and reads the platform's own id back out of them.
import { personalTeamId } from "../../core/identity.ts";

const DISCORD_SNOWFLAKE = /^discord:(\d{15,22})$/;
const SLACK_USER = /^slack:[A-Z0-9]+:([UW][A-Z0-9]+)$/;

export const CONSOLE_USER = "console:local";
export const CONSOLE_TEAM = "console:local";

export function discordUserId(userId: string): string {
  return `discord:${userId}`;
}

/** A Discord server is a team. */
export function discordTeamId(guildId: string): string {
  return `discord:${guildId}`;
}

/** A Discord user's direct messages form a personal team of one. */
export function discordPersonalTeamId(userId: string): string {
  return personalTeamId("discord", userId);
}

/** The snowflake in a Discord user or server id; undefined for anything else (a personal team, another platform). */
export function discordSnowflakeOf(id: string): string | undefined {
  return DISCORD_SNOWFLAKE.exec(id)?.[1];
}

// On Slack the team is the workspace where the interaction happens (leaderboards and team decks are
// per workspace). The person is keyed by their Enterprise Grid org when there is one (Grid user ids
// are org-wide, so one person in several workspaces of an org is one learner), else by their home
// team (Slack Connect users keep theirs).
export function slackTeamId(workspaceTeamId: string): string {
  return `slack:${workspaceTeamId}`;
}

export function slackUserId(o: { enterpriseId?: string | null | undefined; homeTeamId: string; userId: string }): string {
  return `slack:${o.enterpriseId || o.homeTeamId}:${o.userId}`;
}

/** The Slack user id (U…, W…) in a Slack person id; undefined for anything else. */
export function slackUserOf(id: string): string | undefined {
  return SLACK_USER.exec(id)?.[1];
}
