// A real Bot on a real, fresh database, with a controllable clock and seeded randomness.
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import type { Library } from "../../src/core/deck/item.ts";
import type { Actor } from "../../src/core/identity.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { timeZoneForLocale } from "../../src/core/time/default-time-zone.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase, type Db } from "../../src/storage/open-database.ts";
import { PrismaReportStore } from "../../src/storage/prisma-report-store.ts";
import { PrismaStudyStore } from "../../src/storage/prisma-study-store.ts";
import { freshDatabase, type DatabaseKind } from "./databases.ts";

export interface TestBot {
  bot: Bot;
  db: Db;
  store: PrismaStudyStore;
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
  const store = new PrismaStudyStore(opened.db);
  const bot = new Bot({
    store,
    reports: new PrismaReportStore(opened.db),
    catalog: new Catalog(library.topics, library.sections),
    random: seededRandom("test"),
    defaultTimeZone: (l) => timeZoneForLocale(l),
  });
  return {
    bot,
    db: opened.db,
    store,
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
