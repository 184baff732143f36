// "/stats with a picture for a learner with 100,000 reviews": a SQLite file seeded with a year of
// that learner's review logs and their cards, then /stats through the real Bot and store, text only
// (images off) and with the picture drawn on the worker thread, in the same run; then the resident
// memory of the process over 1,000 pictures (the worker thread's native memory is in it; its
// JavaScript heap is read from the thread), with the time of each of those pictures.
import Database from "better-sqlite3";
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import type { Actor } from "../../src/core/identity.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { studyDayOf } from "../../src/core/time/study-day.ts";
import { withNames } from "../../src/adapters/shared/attached-picture.ts";
import { boardPicture } from "../../src/core/leaderboard/board-picture.ts";
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
const P99_BOUND_MS = 1000;
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
      // The bound a picture's drawing is held to: within a second at the 99th percentile, on a loaded
      // machine. /stats with its picture is not held to it: its text answers first, the picture follows.
      const bound = (name: string, p99: number) =>
        /drawn alone|in a row/.test(name) ? { target: "p99 <= 1000 ms", met: p99 <= P99_BOUND_MS } : {};
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
        rows.push({
          benchmark: name,
          p50Ms: s.p50,
          p99Ms: s.p99,
          opsPerSec: s.opsPerSec,
          value: `${o.reviews} reviews`,
          ...bound(name, s.p99),
        });
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

      // A board as /leaderboard draws it (ten people, a Japanese name among them), beside the stats picture.
      const board = boardPicture(
        {
          title: "リーダーボード · 今週 · XP",
          top: Array.from({ length: 10 }, (_, i) => ({ userId: `bench:${i}`, value: 500 - i * 37, rank: i + 1 })),
          self: "bench:3",
          format: (v) => `${v} XP`,
          own: "あなた：4位（389 XP）",
        },
        "ja",
      );
      const named = withNames(
        board,
        (id) => ["田中 愛子", "Ren Sato", "佐々木", "Mia", "鈴木 蒼", "Noah", "山本", "Emma", "伊藤 陽", "Kai"][Number(id.slice(6))],
      );
      await measure("board picture drawn alone (worker)", true, () => pictures.draw(named));

      // Memory over many pictures, stats and boards alternating: after a warm-up (the threads' heaps
      // and the allocator's arenas grown to their working size), then at each quarter.
      const mb = (n: number) => (n / 1024 / 1024).toFixed(0);
      let rss = 0;
      const memory = async () => {
        const m = process.memoryUsage();
        rss = m.rss;
        return `RSS ${mb(m.rss)}, heap ${mb(m.heapUsed)} + threads ${mb(await pictures.heapUsed())}`;
      };
      const warmUp = Math.min(100, o.memoryPictures);
      for (let i = 0; i < warmUp; i++) await pictures.draw(i % 2 === 0 ? picture : named);
      const marks = [`after ${warmUp} warm-up: ${await memory()}`];
      const warmRss = rss;
      const samples: number[] = [];
      for (let i = 1; i <= o.memoryPictures; i++) {
        const t = performance.now();
        await pictures.draw(i % 2 === 0 ? picture : named);
        samples.push(performance.now() - t);
        if (i % Math.max(1, Math.floor(o.memoryPictures / 4)) === 0) marks.push(`${i}: ${await memory()}`);
      }
      const s = summarize(
        samples,
        samples.reduce((a, b) => a + b, 0),
      );
      rows.push({
        benchmark: `${o.memoryPictures} pictures in a row (worker)`,
        p50Ms: s.p50,
        p99Ms: s.p99,
        opsPerSec: s.opsPerSec,
        ...bound("in a row", s.p99),
      });
      const growth = (100 * (rss - warmRss)) / warmRss;
      rows.push({
        benchmark: `memory MB over ${o.memoryPictures} pictures`,
        value: `${marks.join("; ")}; RSS growth after warm-up ${growth.toFixed(1)}%`,
        target: "RSS growth <= 10%",
        met: growth <= 10,
      });
    } finally {
      await opened.close();
    }
    return rows;
  } finally {
    await pictures.close();
    target.remove();
  }
}
