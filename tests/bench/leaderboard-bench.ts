// "The leaderboard of a team with 10,000 members and 5,000,000 review logs, target <= 50 ms": a
// SQLite file seeded with raw statements (the review logs of the last 180 days, the MemberPeriod
// counters those reviews would have produced, and everyone's streak), then /leaderboard through
// the real Bot and store, which renders the view, for each period and metric people ask for.
import Database from "better-sqlite3";
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { LeaderboardMetric } from "../../src/core/ports/leaderboard-store.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { monthKey, weekKey, type PeriodName } from "../../src/core/time/periods.ts";
import { studyDayOf } from "../../src/core/time/study-day.ts";
import { addDays } from "../../src/core/time/zoned-time.ts";
import { XP_RULES } from "../../src/core/leaderboard/xp.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { summarize, type BenchRow } from "./bench-table.ts";
import { migratedSqliteFile, sqliteDateTime, seededReviewJson } from "./migrated-sqlite-file.ts";
import { timedStores } from "./timed-store.ts";

export interface LeaderboardBenchOptions {
  members: number;
  reviewLogs: number;
  /** Measured calls per board (after a warm-up). */
  calls: number;
}

const TEAM = "bench:team";
const TEAM_ZONE = "Asia/Tokyo";
/** A Friday evening in Tokyo: the week board holds almost five days. */
const NOW = new Date("2026-11-20T09:00:00Z");
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const HISTORY_DAYS = 180;
/** Members' own zones (study days and streaks); every offset here is whole hours. */
const MEMBER_ZONES = ["Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo", "Asia/Tokyo", "UTC", "America/Los_Angeles"];
const TARGET_MS = 50;

const BOARDS: { period: PeriodName; metric: LeaderboardMetric }[] = [
  { period: "week", metric: "xp" },
  { period: "month", metric: "xp" },
  { period: "all", metric: "xp" },
  { period: "all", metric: "reviews" },
  { period: "week", metric: "accuracy" },
  { period: "all", metric: "streak" },
];

/**
 * A key of an instant (study day, week, month) cached per UTC hour: in zones with whole-hour
 * offsets, where days start at midnight or 4 AM, no such key changes within a UTC hour.
 */
function perHour(key: (instant: Date) => string): (ms: number) => string {
  const cache = new Map<number, string>();
  return (ms) => {
    const hour = Math.floor(ms / HOUR_MS);
    let k = cache.get(hour);
    if (k === undefined) {
      k = key(new Date(hour * HOUR_MS));
      cache.set(hour, k);
    }
    return k;
  };
}

/** How many review logs each member gets: lognormal activity, summing exactly to `total`. */
function logCounts(members: number, total: number, random: () => number): number[] {
  const gaussian = () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
  const weights = Array.from({ length: members }, () => Math.exp(gaussian()));
  const sum = weights.reduce((a, b) => a + b, 0);
  const counts = weights.map((w) => Math.floor((total * w) / sum));
  let missing = total - counts.reduce((a, b) => a + b, 0);
  for (let u = 0; missing > 0; u = (u + 1) % members, missing--) counts[u] = (counts[u] ?? 0) + 1;
  return counts;
}

/** Fills a migrated SQLite file with one team, its members, their review logs, periods and streaks. */
function seedSqlite(file: string, itemIds: string[], o: LeaderboardBenchOptions): { periods: number } {
  const db = new Database(file);
  // Nothing reads the file while it is seeded. One transaction this size would be written twice in
  // WAL mode (the log, then the checkpoint): a rollback journal in memory writes it once. No
  // syncs, and a cache that holds the indexes being filled. The bot's connection turns WAL back on.
  // The schema's indexes stay in place: 5,000,000 logs take about 75 s so (about 37 s with the
  // log indexes built afterwards, measured), and the indexes grow the way they do in production.
  db.pragma("journal_mode = DELETE");
  db.pragma("journal_mode = MEMORY");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -1048576");
  const random = seededRandom("leaderboard-seed");
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id","timeZone","hidden","counterDay","xpToday","lastReviewAt","streakDays","streakLastDay","bestStreak","createdAt") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertMember = db.prepare(`INSERT INTO "Member" ("teamId","userId","joinedAt","lastSeenAt") VALUES (?, ?, ?, ?)`);
  const insertLog = db.prepare(
    `INSERT INTO "ReviewLog" ("userId","itemId","teamId","version","rating","source","reviewedAt","studyDay","stateBefore","before","after","xp") VALUES (?, ?, ?, ?, ?, 'study', ?, ?, 2, NULL, ?, ?)`,
  );
  const insertPeriod = db.prepare(
    `INSERT INTO "MemberPeriod" ("teamId","userId","period","xp","reviews","correct") VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const after = seededReviewJson(NOW);
  const created = new Date(NOW.getTime() - (HISTORY_DAYS + 10) * DAY_MS);
  db.prepare(`INSERT INTO "Team" ("id","timeZone","createdAt") VALUES (?, ?, ?)`).run(TEAM, TEAM_ZONE, sqliteDateTime(created));
  const weekOf = perHour((d) => weekKey(d, TEAM_ZONE));
  const monthOf = perHour((d) => monthKey(d, TEAM_ZONE));
  const studyDayIn = new Map(MEMBER_ZONES.map((zone) => [zone, perHour((d) => studyDayOf(d, zone))]));
  const counts = logCounts(o.members, o.reviewLogs, random);
  let periodRows = 0;

  db.transaction(() => {
    for (let u = 0; u < o.members; u++) {
      const userId = `bench:u${u}`;
      const zone = MEMBER_ZONES[Math.floor(random() * MEMBER_ZONES.length)] ?? "UTC";
      const studyDayOfMs = studyDayIn.get(zone) ?? perHour((d) => studyDayOf(d, zone));
      const hidden = random() < 0.01 ? 1 : 0;
      // A third of the team stopped studying some time ago; the rest study on some of their days.
      const stoppedDaysAgo = random() < 0.35 ? 1 + Math.floor(random() * 150) : 0;
      const startedDaysAgo = stoppedDaysAgo + 1 + Math.floor((1 - random() ** 2) * (HISTORY_DAYS - stoppedDaysAgo - 1));
      const studyChance = 0.25 + random() * 0.7;
      const days: number[] = [];
      for (let d = stoppedDaysAgo; d < startedDaysAgo; d++) if (random() < studyChance) days.push(d);
      if (days.length === 0) days.push(stoppedDaysAgo);
      const n = counts[u] ?? 0;
      const times = new Float64Array(n);
      for (let l = 0; l < n; l++) {
        const daysAgo = days[Math.floor(random() * days.length)] ?? 0;
        times[l] = Math.floor(NOW.getTime() - (daysAgo + 1) * DAY_MS + random() * DAY_MS);
      }
      times.sort();

      const logs: [number, number, string, number][] = [];
      const periods = new Map<string, [number, number, number]>();
      const count = (period: string, xp: number, correct: number) => {
        const p = periods.get(period);
        if (p) {
          p[0] += xp;
          p[1] += 1;
          p[2] += correct;
        } else periods.set(period, [xp, 1, correct]);
      };
      let streak = { days: 0, last: "", best: 0 };
      let xpToday = 0;
      let previous = -Infinity;
      for (const at of times) {
        const r = random();
        const rating = r < 0.1 ? 1 : r < 0.25 ? 2 : r < 0.85 ? 3 : 4;
        const studyDay = studyDayOfMs(at);
        if (studyDay !== streak.last) {
          const days = streak.last !== "" && addDays(streak.last, 1) === studyDay ? streak.days + 1 : 1;
          streak = { days, last: studyDay, best: Math.max(streak.best, days) };
          xpToday = 0;
        }
        // The XP rules as they apply to reviews that were due (src/core/leaderboard/xp.ts).
        const earned = rating === 1 ? Math.ceil(XP_RULES.dueReview * XP_RULES.wrongShare) : XP_RULES.dueReview;
        const xp =
          at - previous < XP_RULES.minSecondsBetweenRatings * 1000 ? 0 : Math.max(0, Math.min(earned, XP_RULES.dailyCap - xpToday));
        xpToday += xp;
        previous = at;
        const correct = rating > 1 ? 1 : 0;
        count("all", xp, correct);
        count(weekOf(at), xp, correct);
        count(monthOf(at), xp, correct);
        logs.push([at, rating, studyDay, xp]);
      }

      const joined = sqliteDateTime(new Date(NOW.getTime() - startedDaysAgo * DAY_MS - DAY_MS));
      const last = times.length > 0 ? sqliteDateTime(new Date(times[times.length - 1] ?? 0)) : null;
      insertUser.run(userId, zone, hidden, streak.last, xpToday, last, streak.days, streak.last, streak.best, joined);
      insertMember.run(TEAM, userId, joined, last ?? joined);
      logs.forEach(([at, rating, studyDay, xp], l) => {
        // Versions far above the cards' own keep the seeded history clear of live ratings.
        insertLog.run(userId, itemIds[l % itemIds.length], TEAM, 1_000_000 + l, rating, sqliteDateTime(new Date(at)), studyDay, after, xp);
      });
      for (const [period, [xp, reviews, correct]] of periods) insertPeriod.run(TEAM, userId, period, xp, reviews, correct);
      periodRows += periods.size;
    }
  })();
  db.close();
  return { periods: periodRows };
}

export async function benchLeaderboard(o: LeaderboardBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const target = await migratedSqliteFile(NOW);
  try {
    const seedStart = performance.now();
    const { periods } = seedSqlite(target.file, target.itemIds, o);
    log(
      `leaderboard: seeded ${o.members} members, ${o.reviewLogs} review logs and ${periods} period rows in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );

    let statements = 0;
    const opened = await openDatabase(target.url, { onStatement: () => (statements += 1) });
    const timed = timedStores(openStores(opened.db));
    const bot = new Bot({
      stores: timed.stores,
      catalog: new Catalog(target.library.topics, target.library.sections),
      random: seededRandom("bench"),
      defaultTimeZone: () => TEAM_ZONE,
    });
    const callers = seededRandom("leaderboard-callers");
    const rows: BenchRow[] = [];
    try {
      for (const { period, metric } of BOARDS) {
        const warmup = Math.min(20, Math.floor(o.calls / 10));
        const samples: number[] = [];
        let wall = 0;
        for (let i = 0; i < warmup + o.calls; i++) {
          // Whoever asks: anyone in the team, so most callers are not in the store's recent-members cache.
          const actor: Actor = { userId: `bench:u${Math.floor(callers() * o.members)}`, teamId: TEAM, clientLocale: "en" };
          if (i === warmup) {
            timed.reset();
            statements = 0;
          }
          const t0 = performance.now();
          const reply = await bot.command(actor, { name: "leaderboard", period, metric }, NOW);
          const elapsed = performance.now() - t0;
          if (i === 0 && !reply.view.body[0]?.startsWith("1. "))
            throw new Error(`empty ${period}/${metric} board: ${reply.view.body.join(" ")}`);
          if (i >= warmup) {
            samples.push(elapsed);
            wall += elapsed;
          }
        }
        const s = summarize(samples, wall);
        rows.push({
          benchmark: `leaderboard: ${period}/${metric}, ${o.members.toLocaleString("en")} members, ${o.reviewLogs.toLocaleString("en")} logs`,
          p50Ms: s.p50,
          p99Ms: s.p99,
          opsPerSec: s.opsPerSec,
          callsPerOp: `${(statements / samples.length).toFixed(1)} SQL`,
          value: timed.perOperation(samples.length, 2),
          target: `p99 <= ${TARGET_MS} ms`,
          met: s.p99 <= TARGET_MS,
        });
      }
    } finally {
      await opened.close();
    }
    return rows;
  } finally {
    target.remove();
  }
}
