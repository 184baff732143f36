// A real Bot on a real, fresh database, with a controllable clock and seeded randomness.
import { parseAction } from "../../src/core/actions/action-id.ts";
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import type { Library } from "../../src/core/deck/item.ts";
import type { Actor } from "../../src/core/identity.ts";
import { isGraded } from "../../src/core/deck/item.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { isCorrectChoice } from "../../src/core/study/choice-order.ts";
import type { Reply } from "../../src/core/views/view.ts";
import { timeZoneForLocale } from "../../src/core/time/default-time-zone.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase, type Db } from "../../src/storage/open-database.ts";
import { openStores, type PrismaStores } from "../../src/storage/prisma/open-stores.ts";
import { freshDatabase, type DatabaseKind } from "./databases.ts";

export interface TestBot {
  bot: Bot;
  db: Db;
  stores: PrismaStores;
  url: string;
  clock: { now: Date; advance(ms: number): Date; set(iso: string): Date };
  close(): Promise<void>;
}

export async function startTestBot(kind: DatabaseKind, library: Library, start = "2026-03-02T09:00:00Z"): Promise<TestBot> {
  const database = await freshDatabase(kind);
  const opened = await openDatabase(database.url, { queryEvents: !!process.env.TEST_SQL });
  const clock = {
    now: new Date(start),
    advance(ms: number) {
      this.now = new Date(this.now.getTime() + ms);
      return this.now;
    },
    set(iso: string) {
      this.now = new Date(iso);
      return this.now;
    },
  };
  await syncLibrary(opened.db, library, clock.now);
  const stores = openStores(opened.db);
  const bot = new Bot({
    stores,
    catalog: new Catalog(library.topics, library.sections),
    random: seededRandom("test"),
    defaultTimeZone: (l) => timeZoneForLocale(l),
  });
  return {
    bot,
    db: opened.db,
    stores,
    url: database.url,
    clock,
    close: async () => {
      await opened.close();
      await database.drop();
    },
  };
}

export const alice: Actor = { userId: "console:alice", teamId: "console:team", clientLocale: "en" };

/** The action id of the button whose label starts with `label` (throws when absent). */
export function button(reply: { view: { buttons: { action: string; label: string }[][] } }, label: string): string {
  const found = reply.view.buttons.flat().find((b) => b.label.startsWith(label));
  if (!found) throw new Error(`no button "${label}" in ${JSON.stringify(reply.view.buttons.flat().map((b) => b.label))}`);
  return found.action;
}

/**
 * Answers the card a reply shows, as someone who knows it that well: a flashcard is shown and
 * rated; a choice card is picked (a wrong choice for Again, which records it; the right one
 * otherwise, then rated). The rating is clicked at `rateAt` (later than now: fast ratings earn no
 * XP). Returns every reply on the way, the last one after the rating; none for a view without a card.
 */
export async function answerCard(
  t: TestBot,
  who: Actor,
  front: Reply,
  rating: "Again" | "Hard" | "Good" | "Easy",
  rateAt: Date = t.clock.now,
): Promise<Reply[]> {
  const buttons = front.view.buttons.flat();
  if (buttons.some((b) => b.label === "Show answer")) {
    const back = await t.bot.click(who, button(front, "Show answer"), t.clock.now);
    return [back, await t.bot.click(who, button(back, rating), rateAt)];
  }
  const picks = buttons.flatMap((b) => {
    const action = parseAction(b.action);
    return action?.kind === "study-pick" ? [{ ...action, id: b.action }] : [];
  });
  const [item] = await t.stores.cards.items(picks.slice(0, 1).map((p) => p.itemId));
  if (!item || !isGraded(item.content)) return [];
  const content = item.content;
  const pick = picks.find((p) => isCorrectChoice(content, p.choice) === (rating !== "Again"))!;
  if (rating === "Again") return [await t.bot.click(who, pick.id, rateAt)];
  const right = await t.bot.click(who, pick.id, t.clock.now);
  return [right, await t.bot.click(who, button(right, rating), rateAt)];
}
