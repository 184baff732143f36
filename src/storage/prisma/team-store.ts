// TeamStore on Prisma: team settings, cached for a minute in each instance.
import type { TeamSettings } from "../../core/ports/records.ts";
import type { TeamPatch, TeamStore } from "../../core/ports/team-store.ts";
import type { Db } from "../open-database.ts";
import { toTeamSettings } from "./rows.ts";

export const TEAM_SETTINGS_TTL_MS = 60_000;

export class PrismaTeamStore implements TeamStore {
  private readonly teams = new Map<string, { settings: TeamSettings; at: number }>();

  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  /** Team settings change rarely (an admin command): trusted for a minute, dropped at once when changed here. */
  async teamSettings(teamId: string): Promise<TeamSettings> {
    const cached = this.teams.get(teamId);
    if (cached && Date.now() - cached.at < TEAM_SETTINGS_TTL_MS) return cached.settings;
    const row = await this.db.team.findUnique({ where: { id: teamId } });
    const settings: TeamSettings = row
      ? toTeamSettings(row)
      : {
          id: teamId,
          timeZone: "UTC",
          locale: "en" as const,
          channelId: null,
          qotdMinute: null,
          recapEnabled: true,
          milestones: false,
          adminIds: [],
        };
    if (this.teams.size > 10_000) this.teams.clear();
    this.teams.set(teamId, { settings, at: Date.now() });
    return settings;
  }

  async updateTeam(teamId: string, patch: TeamPatch): Promise<TeamSettings> {
    const { adminIds, ...rest } = patch;
    const data = { ...rest, ...(adminIds ? { adminIds: JSON.stringify(adminIds) } : {}) };
    const row = await this.db.team.upsert({ where: { id: teamId }, create: { id: teamId, ...data }, update: data });
    this.teams.delete(teamId);
    return toTeamSettings(row);
  }
}
