// The study benchmark on PostgreSQL: the same people, cards and review logs as the SQLite run
// (study-loop-bench.ts), bulk-loaded with multi-row INSERTs (unnest over column arrays), then the
// same measurement of the bot's own path, so both rows sit side by side in one table.
import pg from "pg";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { loadLibrary } from "../../src/content-files/load-library.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import type { BenchRow } from "./bench-table.ts";
import { postgresBenchDatabase } from "./postgres-bench-database.ts";
import { measure, type StudyBenchOptions } from "./study-loop-bench.ts";

/** study-loop-bench.ts's team and clock, which its measure() studies with. */
import { seededReviewJson } from "./migrated-sqlite-file.ts";
const TEAM = "bench:team";
const NOW = new Date("2026-11-20T09:00:00Z");
const DAY_MS = 86_400_000;
const BATCH_ROWS = 20_000;
const LABEL = "PostgreSQL";

/**
 * Rows for one table, sent as one INSERT ... SELECT FROM unnest($1, $2, ...) per batch (column
 * arrays, then the constant parameters), the next batch being built while the previous one is written.
 */
class BulkInsert {
  private columns: unknown[][];
  private pending: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly client: pg.Client,
    private readonly sql: string,
    width: number,
    private readonly constants: unknown[] = [],
  ) {
    this.columns = Array.from({ length: width }, () => []);
  }

  async add(...values: unknown[]): Promise<void> {
    values.forEach((v, i) => this.columns[i]?.push(v));
    if ((this.columns[0]?.length ?? 0) >= BATCH_ROWS) await this.flush();
  }

  async flush(): Promise<void> {
    await this.pending;
    if ((this.columns[0]?.length ?? 0) === 0) return;
    const batch = this.columns;
    this.columns = batch.map(() => []);
    this.pending = this.client.query(this.sql, [...batch, ...this.constants]);
  }

  async done(): Promise<void> {
    await this.flush();
    await this.pending;
  }
}

/** The SQLite seed's people, cards and logs (the same generator and draws, in the same order), into PostgreSQL. */
async function seedPostgres(url: string, itemIds: string[], o: StudyBenchOptions): Promise<{ vacuumSeconds: number }> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const random = seededRandom("bench-seed");
    const created = new Date(NOW.getTime() - 400 * DAY_MS).toISOString();
    const userIds = Array.from({ length: o.users }, (_, u) => `bench:u${u}`);
    await client.query(`INSERT INTO "Team" ("id","timeZone","createdAt") VALUES ($1, 'UTC', $2::timestamp(3))`, [TEAM, created]);
    await client.query(
      `INSERT INTO "User" ("id","timeZone","desiredRetention","newPerDay","reviewsPerDay","counterDay","newToday","reviewsToday","createdAt")
       SELECT id, 'UTC', 0.9, 20, 9999, '', 0, 0, $2::timestamp(3) FROM unnest($1::text[]) AS t(id)`,
      [userIds, created],
    );
    await client.query(
      `INSERT INTO "Member" ("teamId","userId","joinedAt","lastSeenAt")
       SELECT $2, id, $3::timestamp(3), $3::timestamp(3) FROM unnest($1::text[]) AS t(id)`,
      [userIds, TEAM, created],
    );
    const cards = new BulkInsert(
      client,
      `INSERT INTO "CardState" ("userId","itemId","state","due","stability","difficulty","scheduledDays","learningStep","reps","lapses","lastReview","version")
       SELECT u, i, 2, d::timestamp(3), s, df, sd, 0, r, l, lr::timestamp(3), r
       FROM unnest($1::text[], $2::text[], $3::text[], $4::float8[], $5::float8[], $6::int[], $7::int[], $8::int[], $9::text[]) AS t(u, i, d, s, df, sd, r, l, lr)`,
      9,
    );
    const after = seededReviewJson(NOW);
    const logs = new BulkInsert(
      client,
      `INSERT INTO "ReviewLog" ("userId","itemId","teamId","version","rating","source","reviewedAt","studyDay","stateBefore","before","after")
       SELECT u, i, $7, v, r, 'study', a::timestamp(3), sd, 2, NULL, $8
       FROM unnest($1::text[], $2::text[], $3::int[], $4::int[], $5::text[], $6::text[]) AS t(u, i, v, r, a, sd)`,
      6,
      [TEAM, after],
    );
    const logsPerUser = Math.floor(o.reviewLogs / o.users);
    for (const userId of userIds) {
      for (let c = 0; c < o.cardsPerUser; c++) {
        const stability = 1 + random() * 60;
        const due = new Date(NOW.getTime() + (random() * 70 - 10) * DAY_MS);
        const last = new Date(due.getTime() - stability * DAY_MS);
        const reps = 1 + Math.floor(random() * 8);
        const difficulty = 1 + random() * 9;
        const lapses = Math.floor(random() * 2);
        await cards.add(
          userId,
          itemIds[c],
          due.toISOString(),
          stability,
          difficulty,
          Math.round(stability),
          reps,
          lapses,
          last.toISOString(),
        );
      }
      for (let l = 0; l < logsPerUser; l++) {
        const at = new Date(NOW.getTime() - random() * 365 * DAY_MS);
        const rating = 1 + Math.floor(random() * 4);
        // Versions far above the cards' own keep the seeded history clear of the live ratings.
        await logs.add(userId, itemIds[l % o.cardsPerUser], 1_000_000 + l, rating, at.toISOString(), at.toISOString().slice(0, 10));
      }
    }
    await cards.done();
    await logs.done();
    // Planner statistics and the visibility map, as autovacuum would leave them on a live database.
    const vacuumStart = performance.now();
    await client.query(`VACUUM (ANALYZE) "User", "Member", "CardState", "ReviewLog"`);
    return { vacuumSeconds: (performance.now() - vacuumStart) / 1000 };
  } finally {
    await client.end();
  }
}

export async function benchStudyLoopPostgres(o: StudyBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const database = await postgresBenchDatabase();
  if ("unavailable" in database) {
    log(`study-postgres: no PostgreSQL (${database.unavailable})`);
    return [{ benchmark: `study: rate + next card, bot on ${LABEL}`, value: `not run: no PostgreSQL (${database.unavailable})` }];
  }
  try {
    const library = await loadLibrary("content");
    const setup = await openDatabase(database.url);
    let itemIds: string[];
    try {
      await syncLibrary(setup.db, library, NOW);
      itemIds = (await setup.db.item.findMany({ orderBy: { position: "asc" }, select: { id: true } })).map((r) => r.id);
    } finally {
      await setup.close();
    }
    const seedStart = performance.now();
    const { vacuumSeconds } = await seedPostgres(database.url, itemIds, o);
    log(
      `study-postgres: seeded ${o.users} users, ${o.users * o.cardsPerUser} card states, ${o.reviewLogs} review logs in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (of which VACUUM ANALYZE ${vacuumSeconds.toFixed(1)} s)`,
    );
    return await measure(database.url, o, LABEL);
  } finally {
    await database.drop();
  }
}
