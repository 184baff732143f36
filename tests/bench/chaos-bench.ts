// "Every promise under faults, at scale": the chaos test's run (tests/support/chaos-run.ts) with
// 5,000 learners due in the same minute and 20 questions closing, on SQLite and on PostgreSQL:
// three instances, one SIGKILLed and restarted every few seconds, the local Discord answering with
// 429s, 500s, connection resets and 20-second stalls at random. Prints its own table.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { runChaos, type ChaosResult } from "../support/chaos-run.ts";
import type { BenchRow } from "./bench-table.ts";
import { postgresBenchDatabase } from "./postgres-bench-database.ts";

export interface ChaosBenchOptions {
  learners: number;
  teams: number;
}

const RATES = { "429": 0.03, "500": 0.03, reset: 0.03, stall: 0.01 };

function rowsOf(database: string, r: ChaosResult): BenchRow[] {
  return [
    {
      benchmark: `chaos ${database}: ${r.learners.toLocaleString("en")} learners, reminders sent (duplicates, lost)`,
      value: `${r.reached} (${r.duplicates} duplicates, ${r.lost} lost)`,
      target: "every learner once",
      met: r.duplicates === 0 && r.lost === 0 && r.reached === r.learners,
    },
    {
      benchmark: `chaos ${database}: question-of-the-day results posts`,
      value: `${r.resultsPosts} posts, ${r.resultsOnce} of ${r.questions} questions once`,
      target: "each once",
      met: r.resultsOnce === r.questions && r.resultsPosts === r.questions,
    },
    {
      benchmark: `chaos ${database}: faults`,
      value: `${r.kills} kills; ${r.faults["429"]} 429s, ${r.faults["500"]} 500s, ${r.faults.reset} resets, ${r.faults.stall} stalls; ${r.nonceRepeats} repeats refused by nonce; ${r.seconds.toFixed(0)} s`,
    },
  ];
}

export async function benchChaos(o: ChaosBenchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const results: { database: string; r: ChaosResult }[] = [];
  const run = (databaseUrl: string, seed: string) =>
    runChaos({
      databaseUrl,
      learners: o.learners,
      teams: o.teams,
      seed,
      stallMs: 20_000,
      rates: RATES,
      killEveryMs: 6000,
      timeoutMs: 900_000,
      log,
    });
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-chaos-"));
  try {
    results.push({ database: "SQLite", r: await run(`file:${path.join(dir, "chaos.db")}`, "chaos-bench-sqlite") });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const postgres = await postgresBenchDatabase();
  if ("unavailable" in postgres) log(`chaos: PostgreSQL not run: ${postgres.unavailable}`);
  else {
    try {
      results.push({ database: "PostgreSQL", r: await run(postgres.url, "chaos-bench-postgres") });
    } finally {
      await postgres.drop();
    }
  }
  const lines = [
    "| database | learners | reminders sent | duplicates | lost | results posts (questions) | kills | faults (429/500/reset/stall) | repeats refused by nonce | seconds |",
    "|---|---|---|---|---|---|---|---|---|---|",
    ...results.map(
      ({ database, r }) =>
        `| ${database} | ${r.learners} | ${r.reached} | ${r.duplicates} | ${r.lost} | ${r.resultsPosts} (${r.questions}, ${r.resultsOnce} once) | ${r.kills} | ${r.faults["429"]}/${r.faults["500"]}/${r.faults.reset}/${r.faults.stall} | ${r.nonceRepeats} | ${r.seconds.toFixed(0)} |`,
    ),
  ];
  console.log(lines.join("\n"));
  return results.flatMap(({ database, r }) => rowsOf(database, r));
}
