// "/stats with a picture for a learner with 100,000 reviews": a SQLite file seeded with a year of
// that learner's review logs and their cards, then /stats through the real Bot and store, text only
// (images off) and with the picture drawn on the worker thread, in the same run; then the resident
// memory of the process over 1,000 pictures (the worker thread's memory is in it).
import Database from "better-sqlite3";
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import type { Actor } from "../../src/core/identity.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { studyDayOf } from "../../src/core/time/study-day.ts";
import { PictureWorkers } from "../../src/pictures/picture-drawer.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { summarize, type BenchRow } from "./bench-table.ts";
import { migratedSqliteFile, seededReviewJson, sqliteDateTime } from "./migrated-sqlite-file.ts";

export interface PicturesBenchOptions {
  reviews: number;
  calls: number;
  memoryPictures: number;
}

const NOW = new Date("2026-12-03T09:00:00Z");
const ZONE = "Asia/Tokyo";
const DAY_MS = 86_400_000;
const USER = "bench:learner";
const TEAM = "bench:team";

function seed(file: string, itemIds: string[], reviews: number): void {
  const db = new Database(file);
  db.pragma("journal_mode = MEMORY");
  db.pragma("synchronous = OFF");
  const random = seededRandom("pictures-seed");
  db.prepare(`INSERT INTO "Team" ("id","timeZone","createdAt") VALUES (?, ?, ?)`).run(
    TEAM,
    ZONE,
    sqliteDateTime(new Date(NOW.getTime() - 400 * DAY_MS)),
  );
  db.prepare(`INSERT INTO "User" ("id","timeZone","createdAt") VALUES (?, ?, ?)`).run(
    USER,
    ZONE,
    sqliteDateTime(new Date(NOW.getTime() - 400 * DAY_MS)),
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" ("userId","itemId","teamId","version","rating","source","reviewedAt","studyDay","stateBefore","before","after","xp") VALUES (?, ?, ?, ?, ?, 'study', ?, ?, ?, NULL, ?, 0)`,
  );
  const insertCard = db.prepare(
    `INSERT INTO "CardState" ("userId","itemId","state","due","stability","difficulty","scheduledDays","learningStep","reps","lapses","lastReview","version") VALUES (?, ?, 2, ?, 10, 5, 10, 0, 5, 0, ?, 1)`,
  );
  const after = seededReviewJson(NOW);
  db.transaction(() => {
    for (let i = 0; i < reviews; i++) {
      const at = new Date(NOW.getTime() - Math.floor(random() * 365 * DAY_MS));
      const rating = random() < 0.1 ? 1 : 3;
      insertLog.run(
        USER,
        itemIds[i % itemIds.length],
        TEAM,
        1_000_000 + i,
        rating,
        sqliteDateTime(at),
        studyDayOf(at, ZONE),
        random() < 0.7 ? 2 : 1,
        after,
      );
    }
    for (const id of itemIds)
      insertCard.run(USER, id, sqliteDateTime(new Date(NOW.getTime() + Math.floor(random() * 40 * DAY_MS))), sqliteDateTime(NOW));
  })();
  db.close();
}

export async function benchPictures(o: PicturesBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const target = await migratedSqliteFile(NOW);
  const pictures = new PictureWorkers();
  try {
    seed(target.file, target.itemIds, o.reviews);
    log(`pictures: seeded ${o.reviews} reviews and ${target.itemIds.length} cards for one learner`);
    const opened = await openDatabase(target.url);
    const bot = new Bot({
      stores: openStores(opened.db),
      catalog: new Catalog(target.library.topics, target.library.sections),
      random: seededRandom("bench"),
      defaultTimeZone: () => ZONE,
    });
    const actor: Actor = { userId: USER, teamId: TEAM, clientLocale: "ja", isAdmin: false };
    const rows: BenchRow[] = [];
    try {
      const measure = async (name: string, images: boolean, call: () => Promise<unknown>) => {
        await bot.command(actor, { name: "settings", changes: { images: images ? "on" : "off" } }, NOW);
        for (let i = 0; i < 5; i++) await call();
        const samples: number[] = [];
        const started = performance.now();
        for (let i = 0; i < o.calls; i++) {
          const t = performance.now();
          await call();
          samples.push(performance.now() - t);
        }
        const s = summarize(samples, performance.now() - started);
        rows.push({ benchmark: name, p50Ms: s.p50, p99Ms: s.p99, opsPerSec: s.opsPerSec, value: `${o.reviews} reviews` });
      };
      await measure("/stats text only (images off)", false, () => bot.command(actor, { name: "stats" }, NOW));
      let bytes = 0;
      await measure("/stats with its picture (worker)", true, async () => {
        const reply = await bot.command(actor, { name: "stats" }, NOW);
        if (!reply.picture) throw new Error("no picture");
        bytes = (await pictures.draw(reply.picture.picture)).length;
      });
      const reply = await bot.command(actor, { name: "stats" }, NOW);
      const picture = reply.picture?.picture;
      if (!picture) throw new Error("no picture");
      await measure("stats picture drawn alone (worker)", true, () => pictures.draw(picture));
      rows.push({ benchmark: "stats picture size", value: `${bytes} bytes PNG` });

      const rss = () => process.memoryUsage().rss / 1024 / 1024;
      const marks: string[] = [];
      const before = rss();
      for (let i = 1; i <= o.memoryPictures; i++) {
        await pictures.draw(picture);
        if (i === Math.min(100, o.memoryPictures) || i === Math.floor(o.memoryPictures / 2) || i === o.memoryPictures)
          marks.push(`${i}: ${rss().toFixed(0)}`);
      }
      rows.push({ benchmark: `RSS MB over ${o.memoryPictures} pictures`, value: `start ${before.toFixed(0)}; ${marks.join("; ")}` });
    } finally {
      await opened.close();
    }
    return rows;
  } finally {
    await pictures.close();
    target.remove();
  }
}
