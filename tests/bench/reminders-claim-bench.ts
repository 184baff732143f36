// "A second instance claiming the same minute's reminders": 1,203 people due at once; instance a
// claims them all, instance b asks for the same ones while a holds them (every one "taken"), then
// instance c after a's lease ran out (every one taken over). The store's own claimReminders in the
// dispatcher's chunks, on SQLite and on PostgreSQL, with the statements each round sent.
import { openDatabase } from "../../src/storage/open-database.ts";
import { PrismaReminderStore } from "../../src/storage/prisma/reminder-store.ts";
import type { BenchRow } from "./bench-table.ts";
import { migratedSqliteFile } from "./migrated-sqlite-file.ts";
import { postgresBenchDatabase } from "./postgres-bench-database.ts";

export interface RemindersClaimOptions {
  reminders: number;
}

const NOW = new Date("2026-11-20T09:00:00Z");
/** ReminderDispatcher's defaults. */
const CLAIM_CHUNK = 200;
const LEASE_MS = 120_000;

async function measureOn(label: string, url: string, o: RemindersClaimOptions, log: (s: string) => void): Promise<BenchRow[]> {
  let statements = 0;
  const opened = await openDatabase(url, { onStatement: () => (statements += 1) });
  try {
    const store = new PrismaReminderStore(opened.db);
    const sends = Array.from({ length: o.reminders }, (_, i) => ({
      userId: `discord:${100_000_000_000_000_000n + BigInt(i)}`,
      day: "2026-11-20",
      slot: 0,
    }));
    await opened.db.user.createMany({ data: sends.map((s) => ({ id: s.userId })) });
    const round = async (name: string, owner: string, at: Date, expect: "claimed" | "taken"): Promise<BenchRow> => {
      statements = 0;
      const t0 = performance.now();
      let matching = 0;
      for (let i = 0; i < sends.length; i += CLAIM_CHUNK) {
        const answers = await store.claimReminders(sends.slice(i, i + CLAIM_CHUNK), {
          now: at,
          leaseUntil: new Date(at.getTime() + LEASE_MS),
          owner,
        });
        matching += answers.filter((a) => a.status === expect).length;
      }
      const ms = performance.now() - t0;
      if (matching !== sends.length) throw new Error(`${label} ${name}: ${matching} of ${sends.length} ${expect}`);
      log(`reminders-claim, ${label}, ${name}: ${ms.toFixed(0)} ms, ${statements} statements`);
      return {
        benchmark: `reminders-claim ${label}: ${name}, ${o.reminders.toLocaleString("en")} reminders`,
        p50Ms: ms,
        opsPerSec: (sends.length / ms) * 1000,
        callsPerOp: `${(statements / sends.length).toFixed(3)} SQL/claim`,
        value: `${statements} statements`,
      };
    };
    return [
      await round("first instance claims", "a", NOW, "claimed"),
      await round("second instance, all held", "b", new Date(NOW.getTime() + 1000), "taken"),
      await round("takeover after the lease", "c", new Date(NOW.getTime() + LEASE_MS + 1000), "claimed"),
    ];
  } finally {
    await opened.close();
  }
}

export async function benchRemindersClaim(o: RemindersClaimOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const sqlite = await migratedSqliteFile(NOW);
  try {
    rows.push(...(await measureOn("SQLite", sqlite.url, o, log)));
  } finally {
    sqlite.remove();
  }
  const postgres = await postgresBenchDatabase();
  if ("unavailable" in postgres) {
    rows.push({ benchmark: "reminders-claim PostgreSQL", value: `not run: ${postgres.unavailable}` });
    return rows;
  }
  try {
    rows.push(...(await measureOn("PostgreSQL", postgres.url, o, log)));
  } finally {
    await postgres.drop();
  }
  return rows;
}
