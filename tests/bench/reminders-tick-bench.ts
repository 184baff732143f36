// "One tick selecting and claiming reminders among 100,000 users (target <= 1 s)": 100,000 people
// with a daily reminder, a tenth of them due in the same minute; the dispatcher's own steps (the
// due query, then one claim per person, pooled as ReminderDispatcher pools them) through the real
// store, beside the same select and inserts as raw better-sqlite3 statements (the floor).
import Database from "better-sqlite3";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import type { ReminderStore } from "../../src/core/ports/reminder-store.ts";
import { dueReminder, localDate, nextOccurrence } from "../../src/core/reminders/reminder-schedule.ts";
import { openDatabase, SQLITE_CACHE_KIB, WAL_AUTOCHECKPOINT_PAGES } from "../../src/storage/open-database.ts";
import { PrismaReminderStore } from "../../src/storage/prisma/reminder-store.ts";
import { summarize, type BenchRow } from "./bench-table.ts";
import { migratedSqliteFile, sqliteDateTime } from "./migrated-sqlite-file.ts";
import { seedReminderPeople, type ReminderPerson } from "./reminder-people-seed.ts";

export interface RemindersTickOptions {
  users: number;
  /** How many of them are due in the measured minute. */
  due: number;
  cardsPerUser: number;
  /** Measured selects, and measured select + claim rounds (the claims are removed between rounds). */
  selects: number;
  rounds: number;
}

const NOW = new Date("2026-11-20T09:00:00Z");
const TARGET_MS = 1000;
/** ReminderDispatcher's defaults (src/jobs/reminder-dispatcher.ts). */
/** The dispatcher's default claimChunk. */
const CLAIM_CHUNK = 200;
const LEASE_MS = 120_000;
/** Zones, with the local minute that is 09:00 UTC on NOW in each. */
const ZONES: { zone: string; dueMinute: number }[] = [
  { zone: "Asia/Tokyo", dueMinute: 18 * 60 },
  { zone: "UTC", dueMinute: 9 * 60 },
  { zone: "Europe/Berlin", dueMinute: 10 * 60 },
  { zone: "America/New_York", dueMinute: 4 * 60 },
];

/** Everyone's reminder: `due` people at NOW, the others at quarter hours (so many share a minute) after it. */
function* people(o: RemindersTickOptions): Generator<ReminderPerson> {
  const random = seededRandom("reminders-seed");
  const step = Math.floor(o.users / o.due);
  const upcoming = new Map<string, { at: Date; day: string }>();
  for (let u = 0; u < o.users; u++) {
    const { zone, dueMinute } = ZONES[Math.floor(random() * ZONES.length)] ?? { zone: "UTC", dueMinute: 540 };
    const isDue = u % step === 0 && u / step < o.due;
    const minute = isDue ? dueMinute : 15 * Math.floor(random() * 96);
    let next = isDue ? { at: NOW, day: localDate(NOW, zone) } : upcoming.get(`${zone}|${minute}`);
    if (!next) {
      next = nextOccurrence(minute, zone, NOW);
      upcoming.set(`${zone}|${minute}`, next);
    }
    yield {
      id: `discord:${100_000_000_000_000_000n + BigInt(u)}`,
      timeZone: zone,
      remindMinute: minute,
      nextReminderAt: next.at,
      nextReminderDay: next.day,
      teamId: `discord:${200_000_000_000_000_000n + BigInt(u % 50)}`,
    };
  }
}

/** Latencies of one-off runs: the wall time is their sum. */
const summary = (samples: number[]) =>
  summarize(
    samples,
    samples.reduce((a, b) => a + b, 0),
  );

/** One dispatcher tick up to its claims: the due query, then the claims in the dispatcher's chunks (one statement per chunk). */
async function selectAndClaim(store: ReminderStore, limit: number): Promise<number> {
  const due = await store.dueReminders(NOW, limit);
  const sends: { userId: string; day: string; slot: number }[] = [];
  for (const profile of due) {
    if (profile.remindMinute === null) continue;
    const decision = dueReminder(
      { day: profile.nextReminderDay ?? "", slot: profile.nextReminderSlot },
      profile.remindMinute,
      profile.timeZone,
      NOW,
    );
    if ("send" in decision) sends.push({ userId: profile.id, ...decision.send });
  }
  let claimed = 0;
  for (let i = 0; i < sends.length; i += CLAIM_CHUNK) {
    const answers = await store.claimReminders(sends.slice(i, i + CLAIM_CHUNK), {
      now: NOW,
      leaseUntil: new Date(NOW.getTime() + LEASE_MS),
      owner: "bench",
    });
    claimed += answers.filter((a) => a.status === "claimed").length;
  }
  return claimed;
}

/** The floor: the same select and one autocommitted insert per claim, on a connection set up like the bot's. */
function rawSelectAndClaim(db: Database.Database, limit: number): number {
  const select = db.prepare(
    `SELECT * FROM "User" WHERE "nextReminderAt" <= ? AND "remindMinute" IS NOT NULL ORDER BY "nextReminderAt" LIMIT ?`,
  );
  const claim = db.prepare(
    `INSERT INTO "ReminderDelivery" ("userId","day","slot","claimedAt","leaseUntil","claimedBy","attempts") VALUES (?, ?, ?, ?, ?, 'bench', 1)`,
  );
  const now = sqliteDateTime(NOW);
  const lease = sqliteDateTime(new Date(NOW.getTime() + LEASE_MS));
  const rows = select.all(now, limit) as { id: string; nextReminderDay: string; nextReminderSlot: number }[];
  for (const r of rows) claim.run(r.id, r.nextReminderDay, r.nextReminderSlot, now, lease);
  return rows.length;
}

export async function benchRemindersTick(o: RemindersTickOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const target = await migratedSqliteFile(NOW);
  try {
    const seedStart = performance.now();
    seedReminderPeople(target.file, {
      people: people(o),
      itemIds: target.itemIds,
      cardsPerPerson: o.cardsPerUser,
      dueCardsPerPerson: 3,
      now: NOW,
    });
    log(
      `reminders-tick: seeded ${o.users} people with reminders and ${o.users * o.cardsPerUser} cards in ${((performance.now() - seedStart) / 1000).toFixed(1)} s`,
    );
    // The bench's own connection, to remove claims between rounds and for the floor.
    const raw = new Database(target.file, { timeout: 10_000 });
    raw.pragma("journal_mode = WAL");
    raw.pragma("synchronous = NORMAL");
    raw.pragma(`wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
    raw.pragma(`cache_size = -${SQLITE_CACHE_KIB}`);
    const clearClaims = () => raw.prepare(`DELETE FROM "ReminderDelivery"`).run();

    let statements = 0;
    const opened = await openDatabase(target.url, { onStatement: () => (statements += 1) });
    const store = new PrismaReminderStore(opened.db);
    const selectSamples: number[] = [];
    const tickSamples: number[] = [];
    let claimStatements = 0;
    try {
      for (let i = 0; i < o.selects + 2; i++) {
        const t0 = performance.now();
        const due = await store.dueReminders(NOW, o.due);
        if (i >= 2) selectSamples.push(performance.now() - t0);
        if (due.length !== o.due) throw new Error(`${due.length} reminders due, expected ${o.due}`);
      }
      const batchStart = performance.now();
      await store.dueReminders(NOW, 1000);
      log(
        `reminders-tick: the dispatcher's own batch (1,000 of ${o.due} due) selects in ${(performance.now() - batchStart).toFixed(1)} ms`,
      );
      for (let round = 0; round < o.rounds; round++) {
        clearClaims();
        statements = 0;
        const t0 = performance.now();
        const claimed = await selectAndClaim(store, o.due);
        tickSamples.push(performance.now() - t0);
        claimStatements = statements;
        if (claimed !== o.due) throw new Error(`claimed ${claimed} of ${o.due} reminders`);
      }
    } finally {
      await opened.close();
    }
    const floorSamples: number[] = [];
    for (let round = 0; round < o.rounds; round++) {
      clearClaims();
      const t0 = performance.now();
      const claimed = rawSelectAndClaim(raw, o.due);
      floorSamples.push(performance.now() - t0);
      if (claimed !== o.due) throw new Error(`the floor claimed ${claimed} of ${o.due} reminders`);
    }
    raw.close();

    const select = summary(selectSamples);
    const tick = summary(tickSamples);
    const floor = summary(floorSamples);
    const users = o.users.toLocaleString("en");
    const due = o.due.toLocaleString("en");
    return [
      {
        benchmark: `reminders-tick: select ${due} due among ${users}`,
        p50Ms: select.p50,
        p99Ms: select.p99,
        callsPerOp: "1 SQL",
        value: `${select.count} selects`,
        target: `<= ${TARGET_MS} ms`,
        met: select.p99 <= TARGET_MS,
      },
      {
        benchmark: `reminders-tick: select + claim ${due} among ${users}`,
        p50Ms: tick.p50,
        p99Ms: tick.p99,
        opsPerSec: (o.due / tick.p50) * 1000,
        callsPerOp: `${((claimStatements - 1) / o.due).toFixed(3)} SQL/claim`,
        value: `${tick.count} rounds, claims ${CLAIM_CHUNK} per statement`,
        vsBaseline: `${(tick.p50 / floor.p50).toFixed(1)}x floor p50`,
        target: `<= ${TARGET_MS} ms`,
        met: tick.p99 <= TARGET_MS,
      },
      {
        benchmark: `reminders-tick: select + claim ${due}, raw better-sqlite3 (floor)`,
        p50Ms: floor.p50,
        p99Ms: floor.p99,
        opsPerSec: (o.due / floor.p50) * 1000,
        callsPerOp: "1 INSERT/claim",
      },
    ];
  } finally {
    target.remove();
  }
}
