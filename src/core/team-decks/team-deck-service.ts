// Team decks: admins import their own material from a file (CSV, TSV, Anki's plain-text export or
// our YAML), list, rename, retire and export it. An import is validated in full first: a file with
// any problem imports nothing, and every problem is named with its line. Re-importing the same
// file updates the deck in place and keeps everyone's progress.
import { stringify } from "yaml";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import { TEAM_DECK_SECTION, TEAM_DECK_TOPIC } from "../deck/catalog.ts";
import type { Item } from "../deck/item.ts";
import { IMPORT_LIMITS, parseDeckFile } from "../deck-import/parse-deck-file.ts";
import type { Actor } from "../identity.ts";
import { messages } from "../i18n/messages.ts";
import { isTeamAdmin } from "../team/team-service.ts";
import { update, view, type Reply } from "../views/view.ts";
import { DECK_NAME_MAX, deckSlug, teamDeckId, teamItemId } from "./team-deck-ids.ts";

const PROBLEMS_SHOWN = 10;

/** The ports and inputs TeamDeckService uses. */
export type TeamDeckDeps = Pick<CoreStores, "profiles" | "teams" | "teamDecks"> & Pick<CoreDeps, "defaultTimeZone">;

export class TeamDeckService {
  private readonly deps: TeamDeckDeps;

  constructor(deps: TeamDeckDeps) {
    this.deps = deps;
  }

  private async admin(actor: Actor, now: Date): Promise<{ ok: true } | { ok: false; reply: Reply }> {
    const profile = await this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const team = await this.deps.teams.teamSettings(actor.teamId);
    if (isTeamAdmin(actor, team)) return { ok: true };
    return { ok: false, reply: update(view({ body: [messages(localeOf(profile, actor)).notAdmin], tone: "error" })) };
  }

  private async locale(actor: Actor) {
    return localeOf(await this.deps.profiles.profile(actor.userId), actor);
  }

  private async t(actor: Actor) {
    return messages(await this.locale(actor));
  }

  async import(
    actor: Actor,
    file: { name: string; bytes: Uint8Array; size?: number },
    deckName: string | undefined,
    now: Date,
  ): Promise<Reply> {
    const allowed = await this.admin(actor, now);
    if (!allowed.ok) return allowed.reply;
    const locale = await this.locale(actor);
    const t = messages(locale);
    if ((file.size ?? file.bytes.length) > IMPORT_LIMITS.maxBytes) {
      const mb = Math.ceil(((file.size ?? file.bytes.length) / 1_000_000) * 100) / 100;
      return update(
        view({
          title: t.importFailed,
          body: [t.importNothingWritten, t.fileTooLarge(mb, IMPORT_LIMITS.maxBytes / 1_000_000)],
          tone: "error",
        }),
      );
    }
    const name = (deckName ?? "").trim().slice(0, DECK_NAME_MAX);
    const result = parseDeckFile({
      fileName: file.name.slice(0, 200),
      bytes: file.bytes,
      defaultTopic: TEAM_DECK_TOPIC.id,
      section: TEAM_DECK_SECTION.id,
    });
    if (!result.ok) {
      const lines = result.problems
        .slice(0, PROBLEMS_SHOWN)
        .map((p) => t.problemLine([p.line ? t.lineLabel(p.line) : "", p.field ?? "", p.itemId ?? ""].filter(Boolean), p.message[locale]));
      const more = result.problems.length - PROBLEMS_SHOWN;
      return update(
        view({
          title: t.importFailed,
          body: [t.importNothingWritten, lines.join("\n"), ...(more > 0 ? [t.andMore(more)] : [])],
          tone: "error",
        }),
      );
    }
    const finalName =
      name || result.deckName?.slice(0, DECK_NAME_MAX) || file.name.replace(/\.[^.]*$/, "").slice(0, DECK_NAME_MAX) || "deck";
    const deckId = teamDeckId(actor.teamId, deckSlug(finalName));
    const items: Item[] = result.items.map(({ localId, item }) => ({ ...item, id: teamItemId(deckId, localId) }));
    const counts = await this.deps.teamDecks.importTeamDeck({ teamId: actor.teamId, deckId, name: finalName, items, now });
    return update(view({ title: t.importDone(finalName), body: [t.importCounts(counts), t.deckIdLine(deckId)], tone: "success" }));
  }

  async list(actor: Actor, now: Date): Promise<Reply> {
    const profile = await this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const t = messages(localeOf(profile, actor));
    const decks = (await this.deps.teamDecks.teamDecks(actor.teamId)).filter((d) => !d.retired);
    return update(
      view({
        title: t.teamDecksTitle,
        body: [decks.length === 0 ? t.noTeamDecks : decks.map((d) => t.teamDeckLine(d.name, d.id, d.items)).join("\n"), t.teamDecksHint],
      }),
    );
  }

  async rename(actor: Actor, deckId: string, name: string, now: Date): Promise<Reply> {
    const allowed = await this.admin(actor, now);
    if (!allowed.ok) return allowed.reply;
    const t = await this.t(actor);
    const clean = name.trim().slice(0, DECK_NAME_MAX);
    if (clean === "") return update(view({ body: [t.invalidSetting(t.deckNameNeeded)], tone: "error" }));
    const ok = await this.deps.teamDecks.renameTeamDeck(actor.teamId, deckId, clean);
    return update(view({ body: [ok ? t.settingsSaved : t.noSuchDeck(deckId.slice(0, 60))], tone: ok ? "success" : "error" }));
  }

  async retire(actor: Actor, deckId: string, now: Date): Promise<Reply> {
    const allowed = await this.admin(actor, now);
    if (!allowed.ok) return allowed.reply;
    const t = await this.t(actor);
    const ok = await this.deps.teamDecks.retireTeamDeck(actor.teamId, deckId, now);
    return update(view({ body: [ok ? t.deckRetired : t.noSuchDeck(deckId.slice(0, 60))], tone: ok ? "success" : "error" }));
  }

  /** The deck in our YAML format, which imports back as it is. */
  async export(actor: Actor, deckId: string, now: Date): Promise<Reply> {
    const allowed = await this.admin(actor, now);
    if (!allowed.ok) return allowed.reply;
    const t = await this.t(actor);
    const items = await this.deps.teamDecks.teamDeckItems(actor.teamId, deckId);
    if (!items) return update(view({ body: [t.noSuchDeck(deckId.slice(0, 60))], tone: "error" }));
    const deck = (await this.deps.teamDecks.teamDecks(actor.teamId)).find((d) => d.id === deckId);
    // Ids without the deck's prefix, so that the file imports back onto the same items.
    const prefix = teamItemId(deckId, "");
    const exported = items.map((item) => ({ ...item, id: item.id.startsWith(prefix) ? item.id.slice(prefix.length) : item.id }));
    return {
      mode: "update",
      view: view({ body: [t.deckExported(items.length)], tone: "success" }),
      files: [
        { name: `${deckId}.yaml`, contentType: "application/yaml", content: stringify({ name: deck?.name ?? deckId, items: exported }) },
      ],
    };
  }
}
