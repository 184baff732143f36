// A throwaway SQLite file for a benchmark: migrated by the bot's own openDatabase and holding the
// built-in deck, so raw seeding statements only add people and their history.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Library } from "../../src/core/deck/item.ts";
import { cardStateToJson } from "../../src/core/scheduler/card-state.ts";
import { loadLibrary } from "../../src/content-files/load-library.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase } from "../../src/storage/open-database.ts";

export interface MigratedSqliteFile {
  file: string;
  url: string;
  library: Library;
  /** The deck's item ids, in deck order. */
  itemIds: string[];
  remove(): void;
}

export async function migratedSqliteFile(now: Date): Promise<MigratedSqliteFile> {
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-bench-"));
  const file = path.join(dir, "bench.db");
  const remove = () => rmSync(dir, { recursive: true, force: true });
  try {
    const library = await loadLibrary("content");
    const setup = await openDatabase(`file:${file}`);
    try {
      await syncLibrary(setup.db, library, now);
      const itemIds = (await setup.db.item.findMany({ orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
      return { file, url: `file:${file}`, library, itemIds, remove };
    } finally {
      await setup.close();
    }
  } catch (e) {
    remove();
    throw e;
  }
}

/** SQLite's DateTime text as Prisma writes it: `2026-11-20T09:00:00.000+00:00`. */
export const sqliteDateTime = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** The "after" state of the seeded review logs: a card in review, reviewed at `at` (the content does not matter to the benchmarks). */
export function seededReviewJson(at: Date): string {
  return cardStateToJson({
    state: 2,
    due: at,
    stability: 10,
    difficulty: 5,
    scheduledDays: 10,
    learningStep: 0,
    reps: 5,
    lapses: 0,
    lastReview: at,
  });
}
