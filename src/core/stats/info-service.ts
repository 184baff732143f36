// The read-only commands: stats, topics, settings and help.
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import type { Actor } from "../identity.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import { schedulingMessages } from "../i18n/scheduling-messages.ts";
import type { FitRecord, TeamParameters } from "../ports/parameter-store.ts";
import type { UserProfile } from "../ports/records.ts";
import type { CardState } from "../scheduler/card-state.ts";
import { parseSettings, type SettingName, type SettingsInput } from "../settings/settings.ts";
import { studyDayFor, zoneChangePatch } from "../time/study-day.ts";
import { update, view, type Reply, type View } from "../views/view.ts";
import { actionId } from "../actions/action-id.ts";
import { vacationOf } from "../study/review-effects.ts";
import { currentStreak } from "./streak.ts";
import { historySince, statsPicture } from "./stats-picture.ts";
import { altText } from "../views/alt-text.ts";
import { forecastLines, parametersShown, schedulingLines } from "./scheduling-lines.ts";

const RETENTION_WINDOW_MS = 30 * 24 * 3600_000;

/** The ports and inputs InfoService uses. */
export type InfoDeps = Pick<CoreStores, "profiles" | "cards" | "parameters" | "teamParameters"> &
  Pick<CoreDeps, "catalog" | "defaultTimeZone">;

export class InfoService {
  private readonly deps: InfoDeps;

  constructor(deps: InfoDeps) {
    this.deps = deps;
  }

  private enter(actor: Actor, now: Date): Promise<UserProfile> {
    return this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
  }

  async stats(actor: Actor, now: Date): Promise<Reply> {
    const profile = await this.enter(actor, now);
    const { shown, cards } = await this.statsView(actor, now, profile);
    if (!profile.images) return update(shown);
    const locale = localeOf(profile, actor);
    const today = studyDayFor(profile, now);
    // The due forecast reads the studied cards the text already loaded: one read of them per /stats.
    const days = await this.deps.cards.reviewDays(profile.id, historySince(today.day));
    const picture = statsPicture({ days, dues: cards.map((c) => c.due) }, today.day, profile.timeZone, locale);
    return { ...update(shown), picture: { name: `stats-${today.day}`, picture, alt: altText(shown) } };
  }

  /** The App Home page (Slack): the same numbers as /stats, with buttons to start. */
  async home(actor: Actor, now: Date): Promise<View> {
    const { shown: stats } = await this.statsView(actor, now);
    const t = messages(await this.deps.profiles.profile(actor.userId).then((p) => localeOf(p, actor)));
    return {
      ...stats,
      title: t.homeTitle,
      body: [...stats.body, t.homeHint],
      buttons: [
        [
          { action: actionId({ kind: "study", topic: undefined }), label: t.studyNow, style: "primary" },
          { action: actionId({ kind: "quiz-start", topic: undefined, count: 5 }), label: t.quizButton, style: "secondary" },
        ],
      ],
    };
  }

  /** The /stats text, and the studied cards it was computed from. */
  private async statsView(actor: Actor, now: Date, entered?: UserProfile): Promise<{ shown: View; cards: CardState[] }> {
    const profile = entered ?? (await this.enter(actor, now));
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const today = studyDayFor(profile, now);
    const s = await this.deps.cards.stats({
      userId: profile.id,
      teamId: actor.teamId,
      now,
      dayStart: today.start,
      dayEnd: today.end,
      retentionSince: new Date(now.getTime() - RETENTION_WINDOW_MS),
    });
    const retention =
      s.matureReviews === 0
        ? t.retentionNone
        : `${((100 * s.matureRecalled) / s.matureReviews).toFixed(1)}% (${s.matureRecalled}/${s.matureReviews})`;
    const [fit, cards, team] = await Promise.all([
      this.deps.parameters.lastFit(profile.id),
      this.deps.cards.studiedCards(profile.id, actor.teamId),
      this.teamDefaultsOf(profile),
    ]);
    const shown = view({
      title: t.statsTitle,
      body: [
        ...t.stats({
          dueNow: s.dueNow,
          dueToday: s.dueToday,
          reviewedToday: s.reviewedToday,
          retention,
          desired: profile.desiredRetention.toFixed(2),
          streak: currentStreak(profile, today.day, vacationOf(profile)),
          cards: s.totalCards,
        }),
        ...schedulingLines(profile, fit, locale, team),
        ...forecastLines(profile, cards, now, locale),
      ],
      buttons: [[{ action: actionId({ kind: "study", topic: undefined }), label: t.studyButton, style: "primary" }]],
    });
    return { shown, cards };
  }

  async topics(actor: Actor, now: Date): Promise<Reply> {
    const profile = await this.enter(actor, now);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    const counts = await this.deps.cards.topicCounts(actor.teamId);
    const { catalog } = this.deps;
    const ids = [...new Set([...catalog.topicIds(), ...counts.keys()])].filter((id) => (counts.get(id) ?? 0) > 0);
    return update(
      view({
        title: t.topicsTitle,
        body: [ids.map((id) => t.topicLineCount(catalog.topicName(id, locale), id, counts.get(id) ?? 0)).join("\n"), t.topicsHint],
      }),
    );
  }

  async settings(actor: Actor, changes: SettingsInput, now: Date): Promise<Reply> {
    let profile = await this.enter(actor, now);
    const hasChanges = Object.values(changes).some((v) => v !== undefined);
    if (hasChanges) {
      const locale = localeOf(profile, actor);
      const t = messages(locale);
      const parsed = parseSettings(changes);
      if (!parsed.ok) return update(view({ body: [t.invalidSetting(parsed.problem[locale]), t.settingsHint], tone: "error" }));
      if (parsed.patch.dmTeamId && !(await this.deps.profiles.memberships(profile.id)).includes(parsed.patch.dmTeamId)) {
        return update(view({ body: [t.invalidSetting(t.notAMember)], tone: "error" }));
      }
      const { timeZone } = parsed.patch;
      // A new zone keeps the current study day until it is over there too: no second day.
      const patch = timeZone === undefined ? parsed.patch : { ...parsed.patch, ...zoneChangePatch(profile, timeZone, now) };
      profile = await this.deps.profiles.updateSettings(profile.id, patch);
    }
    const [fit, team] = await Promise.all([this.deps.parameters.lastFit(profile.id), this.teamDefaultsOf(profile)]);
    return update(settingsView(profile, actor, hasChanges, fit, team));
  }

  /** The team defaults a learner's parameters came from, when they did. */
  private teamDefaultsOf(profile: UserProfile): Promise<TeamParameters | null> {
    const p = profile.personalParameters;
    return p?.source === "team" && p.teamId ? this.deps.teamParameters.teamParameters(p.teamId) : Promise.resolve(null);
  }

  /** /settings optimize: queues a fit of the person's parameters; the fitting job answers when done. */
  async optimize(actor: Actor, now: Date): Promise<Reply> {
    const profile = await this.enter(actor, now);
    const t = schedulingMessages(localeOf(profile, actor));
    const queued = await this.deps.parameters.requestFit(profile.id, now);
    return update(view({ body: [queued ? t.optimizeQueued : t.optimizeAlreadyQueued], tone: "success" }));
  }

  help(locale: Locale): Reply {
    const t = messages(locale);
    return update(view({ title: t.helpTitle, body: t.helpLines }));
  }

  async topicChoices(actor: Actor, typed: string, locale: Locale): Promise<{ value: string; name: string }[]> {
    const { catalog } = this.deps;
    const counts = await this.deps.cards.topicCounts(actor.teamId);
    const needle = typed.trim().toLowerCase();
    return [...new Set([...catalog.topicIds(), ...counts.keys()])]
      .filter((id) => (counts.get(id) ?? 0) > 0)
      .map((id) => ({ value: id, name: `${catalog.topicName(id, locale)} (${counts.get(id) ?? 0})` }))
      .filter((c) => needle === "" || c.value.includes(needle) || c.name.toLowerCase().includes(needle))
      .slice(0, 25);
  }
}

export function settingsView(
  profile: UserProfile,
  actor: Actor,
  saved: boolean,
  fit: FitRecord | null = null,
  team: TeamParameters | null = null,
): View {
  const locale = localeOf(profile, actor);
  const t = messages(locale);
  const language = profile.locale ? t.languageName[profile.locale] : t.languageAuto(t.languageName[locale]);
  // Every setting a person can change is shown (a new one fails to compile until it is).
  const shown: Record<SettingName, string> = {
    language,
    timezone: profile.timeZone,
    retention: profile.desiredRetention.toFixed(2),
    new: String(profile.newPerDay),
    reviews: String(profile.reviewsPerDay),
    team: profile.dmTeamId ? `\`${profile.dmTeamId}\`` : t.dmTeamPersonal,
    hidden: profile.hidden ? t.settingOn : t.settingOff,
    images: profile.images ? t.settingOn : t.settingOff,
    parameters: parametersShown(profile, locale, team),
  };
  const lastFit = schedulingLines(profile, fit, locale, team);
  return view({
    title: t.settingsTitle,
    body: [...(saved ? [t.settingsSaved] : []), [...t.settingsLines(shown), ...lastFit.slice(1)].join("\n"), t.settingsHint],
    tone: saved ? "success" : "neutral",
  });
}
