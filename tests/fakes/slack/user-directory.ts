/**
 * The users and workspaces the fake knows, answering users.info and team.info. User ids are unique
 * across Slack (also across the workspaces of a Grid org), so users are looked up by id alone; the
 * team a user is registered with is their home `team_id`.
 */

export interface FakeUser {
  name?: string;
  realName?: string;
  /** BCP 47 like Slack's ("ja-JP", "en-US"); only returned when users.info gets `include_locale`. */
  locale?: string;
  /** IANA zone ("Asia/Tokyo"); `tz_label` and `tz_offset` are derived from it. */
  tz?: string;
  isAdmin?: boolean;
  isOwner?: boolean;
  isPrimaryOwner?: boolean;
  isBot?: boolean;
  isRestricted?: boolean;
  deleted?: boolean;
}

interface RegisteredUser extends FakeUser {
  id: string;
  teamId: string;
}

export interface FakeTeam {
  id: string;
  name: string;
  domain: string;
  enterpriseId?: string;
  enterpriseName?: string;
}

/** Seconds east of UTC for a zone, now (Slack's `tz_offset`). */
function tzOffsetSeconds(timeZone: string, at = new Date()): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(at);
  const field = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(field("year"), field("month") - 1, field("day"), field("hour"), field("minute"), field("second"));
  return Math.round((asUtc - Math.floor(at.getTime() / 1000) * 1000) / 1000);
}

function tzLabel(timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "long" }).formatToParts(new Date());
  return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
}

export class UserDirectory {
  readonly #users = new Map<string, RegisteredUser>();
  readonly #teams = new Map<string, FakeTeam>();

  setUser(teamId: string, userId: string, user: FakeUser): void {
    this.#users.set(userId, { ...user, id: userId, teamId });
  }

  getUser(userId: string): (FakeUser & { id: string; teamId: string }) | undefined {
    return this.#users.get(userId);
  }

  setTeam(team: FakeTeam): void {
    this.#teams.set(team.id, team);
  }

  getTeam(teamId: string): FakeTeam | undefined {
    return this.#teams.get(teamId);
  }

  /** The `user` object of users.info, as documented by Slack. */
  usersInfoUser(userId: string, includeLocale: boolean): Record<string, unknown> | undefined {
    const user = this.#users.get(userId);
    if (user === undefined) return undefined;
    const tz = user.tz ?? "America/Los_Angeles";
    const name = user.name ?? userId.toLowerCase();
    return {
      id: user.id,
      team_id: user.teamId,
      name,
      deleted: user.deleted ?? false,
      real_name: user.realName ?? name,
      tz,
      tz_label: tzLabel(tz),
      tz_offset: tzOffsetSeconds(tz),
      profile: {
        real_name: user.realName ?? name,
        display_name: name,
        team: user.teamId,
      },
      is_admin: user.isAdmin ?? false,
      is_owner: user.isOwner ?? false,
      is_primary_owner: user.isPrimaryOwner ?? false,
      is_restricted: user.isRestricted ?? false,
      is_ultra_restricted: false,
      is_bot: user.isBot ?? false,
      is_app_user: false,
      updated: Math.floor(Date.now() / 1000),
      ...(includeLocale && { locale: user.locale ?? "en-US" }),
    };
  }
}
