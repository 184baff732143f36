// Builds the core on a database: opens it (migrating it first), syncs the built-in decks from
// content/, and wires the stores, the catalog and the clock-free core together.
import { Bot } from "../core/bot.ts";
import { Catalog } from "../core/deck/catalog.ts";
import type { Library } from "../core/deck/item.ts";
import type { Locale } from "../core/i18n/locale.ts";
import { timeZoneForLocale } from "../core/time/default-time-zone.ts";
import { loadLibrary } from "../content-files/load-library.ts";
import { syncLibrary, type SyncReport } from "../storage/content-sync.ts";
import { openDatabase, type OpenDatabase } from "../storage/open-database.ts";
import { openStores, type PrismaStores } from "../storage/prisma/open-stores.ts";
import { isUniqueViolation } from "../storage/prisma/prisma-errors.ts";

export interface BotRuntime {
  bot: Bot;
  stores: PrismaStores;
  database: OpenDatabase;
  library: Library;
  sync: SyncReport;
}

/** Instances starting together may sync at the same moment: the slower one finds the rows there and syncs again. */
async function syncWithRetry(database: OpenDatabase, library: Library, now: Date): Promise<SyncReport> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await syncLibrary(database.db, library, now);
    } catch (e) {
      if (attempt >= 3 || !isUniqueViolation(e)) throw e;
    }
  }
}

export async function createBot(options: {
  databaseUrl: string;
  contentDir: string;
  /** Time zone for people whose language says nothing about it (the host's, in console mode). */
  fallbackTimeZone?: string;
  random?: () => number;
  now?: Date;
  /** Sync the built-in decks from content/ (off in Discord shard processes: their manager did it). */
  syncContent?: boolean;
}): Promise<BotRuntime> {
  const library = await loadLibrary(options.contentDir);
  const database = await openDatabase(options.databaseUrl);
  try {
    const sync =
      options.syncContent === false
        ? { added: 0, updated: 0, retired: 0, unchanged: 0 }
        : await syncWithRetry(database, library, options.now ?? new Date());
    const stores = openStores(database.db);
    const bot = new Bot({
      stores,
      catalog: new Catalog(library.topics, library.sections),
      random: options.random ?? Math.random,
      defaultTimeZone: (locale: Locale | undefined) => timeZoneForLocale(locale, options.fallbackTimeZone ?? "UTC"),
    });
    return { bot, stores, database, library, sync };
  } catch (e) {
    await database.close();
    throw e;
  }
}
