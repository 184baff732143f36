// ProfileStore on Prisma: meeting people (one batch of upserts, skipped for someone seen moments
// ago), their profile and their own settings.
import type { Actor } from "../../core/identity.ts";
import type { ProfileStore, SettingsPatch } from "../../core/ports/profile-store.ts";
import type { PersonalParameters, UserProfile } from "../../core/ports/records.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";
import { fromTeamColumns, personalParameterColumns, toProfile, toTeamParameters } from "./rows.ts";

/** How long a membership is trusted without writing it again (lastSeenAt is this precise). */
export const ENTER_REFRESH_MS = 5 * 60_000;

export class PrismaProfileStore implements ProfileStore {
  private readonly recentlyEntered = new Map<string, number>();

  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async enter(actor: Actor, defaults: { timeZone: string }, now: Date): Promise<UserProfile> {
    const clientLocale = actor.clientLocale ?? null;
    // Someone active moments ago is already a member: read their settings and skip the three
    // upserts, refreshing lastSeenAt at most every few minutes.
    const key = `${actor.teamId}|${actor.userId}|${clientLocale ?? ""}`;
    const seen = this.recentlyEntered.get(key);
    if (seen !== undefined && now.getTime() - seen < ENTER_REFRESH_MS && now.getTime() >= seen) {
      const row = await this.db.user.findUnique({ where: { id: actor.userId } });
      if (row) return toProfile(row);
    }
    const upserts = () =>
      this.db.$transaction([
        this.db.team.upsert({
          where: { id: actor.teamId },
          // A new team starts in its first member's language, as in their time zone (admins change both with /team).
          create: { id: actor.teamId, timeZone: defaults.timeZone, locale: clientLocale ?? "en", createdAt: now },
          update: {},
        }),
        this.db.user.upsert({
          where: { id: actor.userId },
          create: { id: actor.userId, timeZone: defaults.timeZone, clientLocale, createdAt: now },
          update: clientLocale ? { clientLocale } : {},
        }),
        this.db.member.upsert({
          where: { teamId_userId: { teamId: actor.teamId, userId: actor.userId } },
          create: { teamId: actor.teamId, userId: actor.userId, joinedAt: now, lastSeenAt: now },
          update: { lastSeenAt: now },
        }),
      ]);
    let team, user;
    try {
      [team, user] = await upserts();
    } catch (e) {
      // Two first interactions at once (two people in a new team, one person's double click) can
      // both try to insert the same row: the loser finds it there on a second try.
      if (!isUniqueViolation(e)) throw e;
      [team, user] = await upserts();
    }
    // Someone without parameters of their own starts from the team's defaults, when it has them.
    const teamDefaults = user.fsrsParameters === null ? toTeamParameters(team) : null;
    if (teamDefaults) {
      // Only if still without parameters: another copy of this first interaction (a double click, a
      // retry, another instance) may have copied them since, or a fit landed. A missed filter is not
      // an error here (update() would throw P2025); the row is read back as it now stands.
      await this.db.user.updateMany({
        where: { id: actor.userId, fsrsParameters: null },
        data: fromTeamColumns(actor.teamId, teamDefaults),
      });
      user = await this.db.user.findUniqueOrThrow({ where: { id: actor.userId } });
    }
    if (this.recentlyEntered.size >= 100_000) this.recentlyEntered.clear();
    this.recentlyEntered.set(key, now.getTime());
    return toProfile(user);
  }

  async profile(userId: string): Promise<UserProfile | null> {
    const row = await this.db.user.findUnique({ where: { id: userId } });
    return row ? toProfile(row) : null;
  }

  async updateSettings(userId: string, patch: SettingsPatch): Promise<UserProfile> {
    const { personalParameters, ...rest } = patch;
    const data = personalParameters === undefined ? rest : { ...rest, ...(await this.parameterColumns(userId, personalParameters)) };
    return toProfile(await this.db.user.update({ where: { id: userId }, data }));
  }

  /** Personal parameters given up (reset) fall back to the defaults of the team the person studied in last that has some. */
  private async parameterColumns(userId: string, p: PersonalParameters | null) {
    if (p) return personalParameterColumns(p);
    const member = await this.db.member.findFirst({
      where: { userId, team: { fsrsParameters: { not: null } } },
      orderBy: { lastSeenAt: "desc" },
      select: {
        team: { select: { id: true, fsrsParameters: true, fsrsReviews: true, fsrsMembers: true, fsrsFittedAt: true, fsrsLogLoss: true } },
      },
    });
    const team = member ? toTeamParameters(member.team) : null;
    return member && team ? fromTeamColumns(member.team.id, team) : personalParameterColumns(null);
  }

  async memberships(userId: string): Promise<string[]> {
    const rows = await this.db.member.findMany({ where: { userId }, orderBy: { lastSeenAt: "desc" }, select: { teamId: true }, take: 100 });
    return rows.map((r) => r.teamId);
  }

  /** Forgets that the person was seen (they were deleted): their next interaction meets them again. */
  forgetEntered(userId: string): void {
    for (const key of [...this.recentlyEntered.keys()]) if (key.split("|")[1] === userId) this.recentlyEntered.delete(key);
  }
}
