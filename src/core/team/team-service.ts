// Team settings (/team): the team channel, its time zone and language, the question of the day,
// the weekly recap, streak milestones, and the FSRS parameters members without their own start
// from (fitted from the team's reviews when an admin asks). Anyone may look; only admins may change them.
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import type { Actor } from "../identity.ts";
import { localeSchema } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import { schedulingMessages } from "../i18n/scheduling-messages.ts";
import { teamParameterLines } from "../stats/scheduling-lines.ts";
import type { TeamSettings } from "../ports/records.ts";
import type { TeamPatch } from "../ports/team-store.ts";
import { formatClockTime, nextOccurrence, parseClockTime } from "../reminders/reminder-schedule.ts";
import { canonicalTimeZone } from "../time/zoned-time.ts";
import { nextRecapAt } from "./recap-schedule.ts";
import { update, view, type Reply } from "../views/view.ts";

export interface TeamInput {
  /** "here" (the channel the command came from), "off", or a platform channel id. */
  channel?: string | undefined;
  qotd?: string | undefined;
  timezone?: string | undefined;
  language?: string | undefined;
  recap?: string | boolean | undefined;
  milestones?: string | boolean | undefined;
  /** "fit": fit the team's default parameters from its members' reviews (queued); "reset": back to FSRS's defaults. */
  parameters?: string | undefined;
}

function onOff(value: string | boolean): boolean | undefined {
  if (typeof value === "boolean") return value;
  const v = value.trim().toLowerCase();
  return v === "on" || v === "yes" || v === "true" ? true : v === "off" || v === "no" || v === "false" ? false : undefined;
}

export function isTeamAdmin(actor: Actor, team: TeamSettings): boolean {
  return actor.isAdmin === true || team.adminIds.includes(actor.userId);
}

/** The ports and inputs TeamService uses. */
export type TeamDeps = Pick<CoreStores, "profiles" | "teams" | "teamParameters"> & Pick<CoreDeps, "defaultTimeZone">;

export class TeamService {
  private readonly deps: TeamDeps;

  constructor(deps: TeamDeps) {
    this.deps = deps;
  }

  async settings(actor: Actor, input: TeamInput, now: Date): Promise<Reply> {
    const { profiles, teams, teamParameters } = this.deps;
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const s = schedulingMessages(locale);
    let done: string | null = null;
    let team = await teams.teamSettings(actor.teamId);
    const changes = Object.values(input).some((v) => v !== undefined);
    if (changes) {
      if (!isTeamAdmin(actor, team)) return update(view({ body: [t.notAdmin], tone: "error" }));
      const fail = (problem: string) => update(view({ body: [t.invalidSetting(problem), t.teamHint], tone: "error" }));
      const patch: TeamPatch = {};
      const parameters = input.parameters?.trim().toLowerCase();
      if (parameters !== undefined && parameters !== "fit" && parameters !== "reset") return fail(s.teamParametersChoice);
      if (input.channel !== undefined) {
        const c = input.channel.trim();
        if (c === "off" || c === "none") patch.channelId = null;
        else if (c === "here") {
          if (!actor.channelId) return fail(t.noChannelHere);
          patch.channelId = actor.channelId;
        } else if (/^[A-Za-z0-9_-]{1,40}$/.test(c)) patch.channelId = c;
        else return fail(t.notAChannel(c.slice(0, 40)));
      }
      if (input.timezone !== undefined) {
        const zone = canonicalTimeZone(input.timezone.trim());
        if (!zone) return fail(t.badTimeZone(input.timezone.slice(0, 64)));
        patch.timeZone = zone;
      }
      if (input.language !== undefined) {
        const l = localeSchema.safeParse(input.language.trim().toLowerCase());
        if (!l.success) return fail(t.teamLanguageChoices);
        patch.locale = l.data;
      }
      if (input.qotd !== undefined) {
        if (input.qotd.trim().toLowerCase() === "off") patch.qotdMinute = null;
        else {
          const minute = parseClockTime(input.qotd);
          if (minute === undefined) return fail(t.badClockTime(input.qotd.slice(0, 20)));
          patch.qotdMinute = minute;
        }
      }
      for (const key of ["recap", "milestones"] as const) {
        const raw = input[key];
        if (raw === undefined) continue;
        const v = onOff(raw);
        if (v === undefined) return fail(t.onOrOff(key));
        if (key === "recap") patch.recapEnabled = v;
        else patch.milestones = v;
      }
      const next = { ...team, ...patch };
      patch.nextQotdAt = next.qotdMinute !== null && next.channelId ? nextOccurrence(next.qotdMinute, next.timeZone, now).at : null;
      patch.nextRecapAt = next.recapEnabled && next.channelId ? nextRecapAt(now, next.timeZone) : null;
      if (Object.entries(input).some(([key, value]) => key !== "parameters" && value !== undefined)) {
        team = await teams.updateTeam(actor.teamId, patch);
      }
      if (parameters === "fit") {
        done = (await teamParameters.requestTeamFit(actor.teamId, actor.userId, now)) ? s.teamFitQueued : s.teamFitAlreadyQueued;
      } else if (parameters === "reset") {
        await teamParameters.resetTeamParameters(actor.teamId);
        done = s.teamParametersReset;
      }
    }
    const [defaults, lastFit] = await Promise.all([teamParameters.teamParameters(actor.teamId), teamParameters.lastTeamFit(actor.teamId)]);
    return update(
      view({
        title: t.teamTitle,
        body: [
          ...(changes ? [done ?? t.settingsSaved] : []),
          t
            .teamLines({
              channel: team.channelId ? `#${team.channelId}` : t.noChannel,
              timeZone: team.timeZone,
              language: t.languageName[team.locale],
              qotd: team.qotdMinute === null ? t.off : formatClockTime(team.qotdMinute),
              recap: team.recapEnabled,
              milestones: team.milestones,
            })
            .concat(teamParameterLines(defaults, lastFit, locale))
            .join("\n"),
          t.teamHint,
        ],
        tone: changes ? "success" : "neutral",
      }),
    );
  }
}
