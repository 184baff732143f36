// "next card + rate" on a seeded database of 10,000 users x 200 cards and 1,000,000 review logs:
// the bot's own path (Bot -> the Prisma stores) beside the same operations written as raw
// better-sqlite3 statements (the floor), in one run.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import type { Actor } from "../../src/core/identity.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { cardStateToJson, RATINGS } from "../../src/core/scheduler/card-state.ts";
import { rate } from "../../src/core/scheduler/fsrs.ts";
import { studyDayOf } from "../../src/core/time/study-day.ts";
import { loadLibrary } from "../../src/content-files/load-library.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase, SQLITE_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from "../../src/storage/open-database.ts";
import { ALL_SQLITE_PATCHES, type SqlitePatches } from "../../src/storage/sqlite-patches/index.ts";
import { startCheckpointer } from "../../src/storage/sqlite-checkpointer.ts";
import { openStores, type PrismaStores } from "../../src/storage/prisma/open-stores.ts";
import { seededReviewJson } from "./migrated-sqlite-file.ts";
import { summarize, type BenchRow } from "./bench-table.ts";
import { countPlanCompilations } from "./plan-compilations.ts";
import { timedStores, wrapEach } from "./timed-store.ts";

export interface StudyBenchOptions {
  users: number;
  cardsPerUser: number;
  reviewLogs: number;
  operations: number;
}

const TEAM = "bench:team";
const NOW = new Date("2026-11-20T09:00:00Z");
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

/** Fills a migrated SQLite file with users, card states and review logs, using raw statements. */
function seedSqlite(file: string, itemIds: string[], o: StudyBenchOptions): void {
  const db = new Database(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const random = seededRandom("bench-seed");
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id","timeZone","desiredRetention","newPerDay","reviewsPerDay","counterDay","newToday","reviewsToday","createdAt") VALUES (?, 'UTC', 0.9, 20, 9999, '', 0, 0, ?)`,
  );
  const insertMember = db.prepare(`INSERT INTO "Member" ("teamId","userId","joinedAt","lastSeenAt") VALUES (?, ?, ?, ?)`);
  const insertCard = db.prepare(
    `INSERT INTO "CardState" ("userId","itemId","state","due","stability","difficulty","scheduledDays","learningStep","reps","lapses","lastReview","version") VALUES (?, ?, 2, ?, ?, ?, ?, 0, ?, ?, ?, ?)`,
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" ("userId","itemId","teamId","version","rating","source","reviewedAt","studyDay","stateBefore","before","after") VALUES (?, ?, ?, ?, ?, 'study', ?, ?, 2, NULL, ?)`,
  );
  const created = iso(new Date(NOW.getTime() - 400 * 86_400_000));
  db.prepare(`INSERT INTO "Team" ("id","timeZone","createdAt") VALUES (?, 'UTC', ?)`).run(TEAM, created);
  const logsPerUser = Math.floor(o.reviewLogs / o.users);
  const fakeAfter = seededReviewJson(NOW);
  db.transaction(() => {
    for (let u = 0; u < o.users; u++) {
      const userId = `bench:u${u}`;
      insertUser.run(userId, created);
      insertMember.run(TEAM, userId, created, created);
      for (let c = 0; c < o.cardsPerUser; c++) {
        const stability = 1 + random() * 60;
        const due = new Date(NOW.getTime() + (random() * 70 - 10) * 86_400_000);
        const last = new Date(due.getTime() - stability * 86_400_000);
        const reps = 1 + Math.floor(random() * 8);
        insertCard.run(
          userId,
          itemIds[c],
          iso(due),
          stability,
          1 + random() * 9,
          Math.round(stability),
          reps,
          Math.floor(random() * 2),
          iso(last),
          reps,
        );
      }
      for (let l = 0; l < logsPerUser; l++) {
        const at = new Date(NOW.getTime() - random() * 365 * 86_400_000);
        // Versions far above the cards' own keep the seeded history clear of the live ratings.
        insertLog.run(
          userId,
          itemIds[l % o.cardsPerUser],
          TEAM,
          1_000_000 + l,
          1 + Math.floor(random() * 4),
          iso(at),
          at.toISOString().slice(0, 10),
          fakeAfter,
        );
      }
    }
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.close();
}

/** The floor: the same reads and writes as one rating plus the next card, as raw prepared statements. */
function rawFloor(file: string) {
  // The same connection settings and checkpoint policy as the bot's own (src/storage/open-database.ts).
  const db = new Database(file, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = NORMAL");
  db.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  db.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
  const checkpointer = startCheckpointer(file, (m) => process.stderr.write(`checkpoint failed: ${m}\n`));
  const user = db.prepare(`SELECT * FROM "User" WHERE "id" = ?`);
  const itemWithCard = db.prepare(
    `SELECT i."id", i."teamId", i."retiredAt", i."content", c.* FROM "Item" i LEFT JOIN "CardState" c ON c."itemId" = i."id" AND c."userId" = ? WHERE i."id" = ?`,
  );
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" ("userId","itemId","teamId","version","rating","source","reviewedAt","studyDay","stateBefore","before","after") VALUES (?, ?, ?, ?, ?, 'study', ?, ?, ?, ?, ?)`,
  );
  const updateCard = db.prepare(
    `UPDATE "CardState" SET "state"=?, "due"=?, "stability"=?, "difficulty"=?, "scheduledDays"=?, "learningStep"=?, "reps"=?, "lapses"=?, "lastReview"=?, "version"=? WHERE "userId"=? AND "itemId"=?`,
  );
  const bumpUser = db.prepare(`UPDATE "User" SET "reviewsToday" = "reviewsToday" + 1 WHERE "id" = ?`);
  const firstDue = db.prepare(
    `SELECT c.*, i."content" FROM "CardState" c JOIN "Item" i ON i."id" = c."itemId" WHERE c."userId" = ? AND c."state" > 0 AND i."retiredAt" IS NULL AND (i."teamId" IS NULL OR i."teamId" = ?) ORDER BY c."due" LIMIT 1`,
  );
  const firstNew = db.prepare(
    `SELECT i.* FROM "Item" i WHERE i."retiredAt" IS NULL AND (i."teamId" IS NULL OR i."teamId" = ?) AND NOT EXISTS (SELECT 1 FROM "CardState" c WHERE c."userId" = ? AND c."itemId" = i."id" AND c."state" > 0) ORDER BY i."position" LIMIT 1`,
  );
  const write = db.transaction(
    (userId: string, itemId: string, version: number, before: string, after: ReturnType<typeof rate>, now: Date) => {
      insertLog.run(userId, itemId, TEAM, version, 3, iso(now), studyDayOf(now, "UTC"), 2, before, cardStateToJson(after.card));
      const c = after.card;
      updateCard.run(
        c.state,
        iso(c.due),
        c.stability,
        c.difficulty,
        c.scheduledDays,
        c.learningStep,
        c.reps,
        c.lapses,
        c.lastReview ? iso(c.lastReview) : null,
        version + 1,
        userId,
        itemId,
      );
      bumpUser.run(userId);
    },
  );
  return {
    nextCard(userId: string) {
      return firstDue.get(userId, TEAM) as { itemId: string; version: number; due: string } | undefined;
    },
    rateAndNext(userId: string, itemId: string, version: number, now: Date) {
      user.get(userId);
      const row = itemWithCard.get(userId, itemId) as {
        state: number;
        due: string;
        stability: number;
        difficulty: number;
        scheduledDays: number;
        learningStep: number;
        reps: number;
        lapses: number;
        lastReview: string | null;
        content: string;
      };
      JSON.parse(row.content);
      const before = {
        state: 2 as const,
        due: new Date(row.due),
        stability: row.stability,
        difficulty: row.difficulty,
        scheduledDays: row.scheduledDays,
        learningStep: row.learningStep,
        reps: row.reps,
        lapses: row.lapses,
        lastReview: row.lastReview ? new Date(row.lastReview) : null,
      };
      const after = rate(before, RATINGS.good, now, { retention: 0.9, parameters: null }, `${userId}|${itemId}`);
      write(userId, itemId, version, cardStateToJson(before), after, now);
      const next = firstDue.get(userId, TEAM) as { due: string; content: string } | undefined;
      if (!next || new Date(next.due) > now) firstNew.get(TEAM, userId);
      else JSON.parse(next.content);
    },
    close: async () => {
      db.close();
      await checkpointer.stop();
    },
  };
}

/** Counts store calls (one Prisma call each) made through them, across every store. */
function countingStores(stores: PrismaStores): { stores: PrismaStores; calls: () => number; reset: () => void } {
  let calls = 0;
  const counted = <S extends object>(store: S): S =>
    new Proxy(store, {
      get(target, key, receiver) {
        const value = Reflect.get(target, key, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          calls += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      },
    });
  return { stores: wrapEach(stores, counted), calls: () => calls, reset: () => (calls = 0) };
}

export async function benchStudyLoopSqlite(o: StudyBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-bench-"));
  const file = path.join(dir, "bench.db");
  try {
    const library = await loadLibrary("content");
    const setup = await openDatabase(`file:${file}`);
    await syncLibrary(setup.db, library, NOW);
    const itemIds = (await setup.db.item.findMany({ orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
    await setup.close();
    if (itemIds.length < o.cardsPerUser)
      throw new Error(`the deck has ${itemIds.length} items, fewer than ${o.cardsPerUser} cards per user`);
    const seedStart = performance.now();
    seedSqlite(file, itemIds, o);
    log(
      `seeded ${o.users} users, ${o.users * o.cardsPerUser} card states, ${o.reviewLogs} review logs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    const seeded = path.join(dir, "seeded.db");
    copyFileSync(file, seeded);
    const rows = await measure(`file:${file}`, o, "SQLite", () => rawFloor(file));
    // Each patch of Prisma's SQLite adapter, weighed by leaving it out on the same data. Runs go
    // all, A, B, B, A, all, and each variant's throughput is the mean of its two runs, so that the
    // order (a warmer process, a fuller database) favours no variant.
    const variants = [
      { name: "without the statement cache", patches: { ...ALL_SQLITE_PATCHES, statementCache: false } },
      { name: "without BEGIN IMMEDIATE", patches: { ...ALL_SQLITE_PATCHES, immediateTransactions: false } },
    ];
    // Every run starts from a copy of the seeded database as it was before the first.
    const onCopy = async (run: (url: string) => Promise<BenchRow[]>) => {
      const copy = path.join(dir, "run.db");
      copyFileSync(seeded, copy);
      try {
        return await run(`file:${copy}`);
      } finally {
        for (const suffix of ["", "-wal", "-shm"]) rmSync(`${copy}${suffix}`, { force: true });
      }
    };
    const runs = new Map<string, BenchRow[]>();
    for (const v of [...variants, ...[...variants].reverse()]) {
      const [row] = await onCopy((url) => measure(url, o, `SQLite ${v.name}`, undefined, v.patches));
      if (row) runs.set(v.name, [...(runs.get(v.name) ?? []), row]);
    }
    const [allAgain] = await onCopy((url) => measure(url, o, "SQLite"));
    const meanOps = (rs: (BenchRow | undefined)[]) => rs.reduce((sum, r) => sum + (r?.opsPerSec ?? 0), 0) / rs.length;
    const all = meanOps([rows[0], allAgain]);
    for (const v of variants) {
      const [row] = runs.get(v.name) ?? [];
      if (!row) continue;
      const ops = meanOps(runs.get(v.name) ?? []);
      rows.push({
        ...row,
        opsPerSec: ops,
        target: "a patch stays if it buys >= 25% throughput, or fixes correctness",
        met: undefined,
        vsBaseline: `all patches: ${(all / ops).toFixed(2)}x this throughput (means of 2 runs each)`,
      });
    }
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Runs the bot's own path (and the floor, when given) on an already seeded database. */
export async function measure(
  url: string,
  o: StudyBenchOptions,
  label: string,
  floorFactory?: () => ReturnType<typeof rawFloor>,
  sqlitePatches?: SqlitePatches,
): Promise<BenchRow[]> {
  const library = await loadLibrary("content");
  const plans = await countPlanCompilations(url.startsWith("file:") ? "sqlite" : "postgresql");
  let statements = 0;
  const opened = await openDatabase(url, { onStatement: () => (statements += 1), ...(sqlitePatches ? { sqlitePatches } : {}) });
  const timed = timedStores(openStores(opened.db));
  const counting = countingStores(timed.stores);
  const bot = new Bot({
    stores: counting.stores,
    catalog: new Catalog(library.topics, library.sections),
    random: seededRandom("bench"),
    defaultTimeZone: () => "UTC",
  });
  const random = seededRandom("bench-ops");
  const pickUser = () => `bench:u${Math.floor(random() * o.users)}`;

  const samples: number[] = [];
  let calls = 0;
  let sqls = 0;
  let maxCalls = 0;
  let compiledAtStart: number | null = null;
  const warmup = Math.min(200, Math.floor(o.operations / 5));
  let measuredWall = 0;
  for (let i = 0; i < o.operations + warmup; i++) {
    const actor: Actor = { userId: pickUser(), teamId: TEAM, clientLocale: "en" };
    timed.record(false); // only the measured click: the rating and the next card
    const front = await bot.command(actor, { name: "study" }, NOW);
    timed.record(true);
    const show = front.view.buttons.flat().find((b) => b.action.startsWith("sa:"));
    if (!show) continue;
    const [, itemId, version] = show.action.split(":");
    counting.reset();
    if (i === warmup) {
      timed.reset();
      compiledAtStart = plans.count();
    }
    statements = 0;
    const t0 = performance.now();
    const reply = await bot.click(actor, `rt:${itemId}:${version}:3:`, NOW);
    const elapsed = performance.now() - t0;
    if (reply.mode !== "update") throw new Error(`rating was not recorded: ${reply.view.body.join(" ")}`);
    if (i >= warmup) {
      samples.push(elapsed);
      measuredWall += elapsed;
      calls += counting.calls();
      sqls += statements;
      maxCalls = Math.max(maxCalls, counting.calls());
    }
  }

  const bot_ = summarize(samples, measuredWall);
  const compiledNow = plans.count();
  const compiled = compiledAtStart === null || compiledNow === null ? "n/a" : ((compiledNow - compiledAtStart) / samples.length).toFixed(2);
  const timing = timed.perOperation(samples.length, 4);
  await opened.close();

  const rows: BenchRow[] = [];
  let floorRow: BenchRow | undefined;
  if (floorFactory) {
    const floor = floorFactory();
    const fSamples: number[] = [];
    let fWall = 0;
    for (let i = 0; i < o.operations + warmup; i++) {
      const userId = pickUser();
      const next = floor.nextCard(userId);
      if (!next) continue;
      const t0 = performance.now();
      floor.rateAndNext(userId, next.itemId, next.version, NOW);
      const elapsed = performance.now() - t0;
      if (i >= warmup) {
        fSamples.push(elapsed);
        fWall += elapsed;
      }
    }
    await floor.close();
    const f = summarize(fSamples, fWall);
    floorRow = {
      benchmark: `study: rate + next card, raw better-sqlite3 (floor)`,
      p50Ms: f.p50,
      p99Ms: f.p99,
      opsPerSec: f.opsPerSec,
      callsPerOp: "7 statements",
    };
  }
  rows.push({
    benchmark: `study: rate + next card, bot on ${label}`,
    p50Ms: bot_.p50,
    p99Ms: bot_.p99,
    opsPerSec: bot_.opsPerSec,
    callsPerOp: `${(calls / samples.length).toFixed(2)} (max ${maxCalls}); ${(sqls / samples.length).toFixed(1)} SQL; ${compiled} plan compilations`,
    value: timing,
    vsBaseline: floorRow?.p50Ms
      ? `${(bot_.p50 / floorRow.p50Ms).toFixed(1)}x floor p50, ${(bot_.p99 / (floorRow.p99Ms ?? 1)).toFixed(1)}x p99`
      : undefined,
    target: "p99 <= 5 ms, <= 4 calls",
    met: bot_.p99 <= 5 && maxCalls <= 4,
  });
  if (floorRow) rows.push(floorRow);
  return rows;
}
