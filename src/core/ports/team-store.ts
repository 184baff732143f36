// What teams need from storage: their settings, read on most interactions and changed by admins.
import type { TeamSettings } from "./records.ts";

export type TeamPatch = Partial<Omit<TeamSettings, "id">> & { nextQotdAt?: Date | null; nextRecapAt?: Date | null };

export interface TeamStore {
  /** The team's settings (time zone, channel, question of the day...). */
  teamSettings(teamId: string): Promise<TeamSettings>;
  /** Changes the team's settings (creating the team when missing). */
  updateTeam(teamId: string, patch: TeamPatch): Promise<TeamSettings>;
}
