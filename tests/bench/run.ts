// npm run bench [-- --quick] [-- --only <name>]: runs the benchmarks and prints one table.
// Targets are checked here, never in timed tests: these machines are shared and noisy.
import { formatTable, type BenchRow } from "./bench-table.ts";
import { benchDiscordMemory, benchDiscordThroughput } from "./discord-bench.ts";
import { benchChaos } from "./chaos-bench.ts";
import { benchGame } from "./game-bench.ts";
import { benchLeaderboard } from "./leaderboard-bench.ts";
import { benchPictureRenderers } from "./picture-renderers-bench.ts";
import { benchPictures } from "./pictures-bench.ts";
import { benchRemindersClaim } from "./reminders-claim-bench.ts";
import { benchRemindersDispatch } from "./reminders-dispatch-bench.ts";
import { benchRemindersTick } from "./reminders-tick-bench.ts";
import { benchSchedulingAndForecast } from "./scheduling-bench.ts";
import { benchStudyLoopSqlite, type StudyBenchOptions } from "./study-loop-bench.ts";
import { stopStartedPostgres } from "./postgres-bench-database.ts";
import { benchStudyLoopPostgres } from "./study-postgres-bench.ts";

const args = process.argv.slice(2);
const quick = args.includes("--quick");
const only = args.includes("--only") ? args[args.indexOf("--only") + 1] : undefined;
const log = (s: string) => process.stderr.write(`${s}\n`);

/** The study benchmark's data: the same on SQLite and on PostgreSQL, whose rows sit together. */
const study: StudyBenchOptions = quick
  ? { users: 500, cardsPerUser: 200, reviewLogs: 50_000, operations: 300 }
  : { users: 10_000, cardsPerUser: 200, reviewLogs: 1_000_000, operations: 2_000 };

const benches: { name: string; run: () => Promise<BenchRow[]> }[] = [
  { name: "study", run: () => benchStudyLoopSqlite(study, log) },
  { name: "study-postgres", run: () => benchStudyLoopPostgres(study, log) },
  // The memory child reports its own peak (VmHWM), whatever this process holds by then.
  { name: "discord", run: () => benchDiscordThroughput(quick ? { users: 50, rounds: 2 } : { users: 100, rounds: 5 }, log) },
  { name: "discord-memory", run: () => benchDiscordMemory(quick ? 200 : 1000, log) },
  // 200 players answer one live-round question at once, beside the echo bot answering the same clicks.
  { name: "game", run: () => benchGame({ players: quick ? 50 : 200, spreadMs: 0 }, log) },
  {
    name: "leaderboard",
    run: () =>
      benchLeaderboard(
        quick ? { members: 1_000, reviewLogs: 200_000, calls: 200 } : { members: 10_000, reviewLogs: 5_000_000, calls: 200 },
        log,
      ),
  },
  {
    name: "reminders-tick",
    run: () =>
      benchRemindersTick(
        quick
          ? { users: 10_000, due: 1_000, cardsPerUser: 5, selects: 10, rounds: 3 }
          : { users: 100_000, due: 10_000, cardsPerUser: 10, selects: 20, rounds: 3 },
        log,
      ),
  },
  { name: "chaos", run: () => benchChaos(quick ? { learners: 1_000, teams: 10 } : { learners: 5_000, teams: 20 }, log) },
  { name: "reminders-claim", run: () => benchRemindersClaim({ reminders: 1_203 }, log) },
  {
    name: "pictures",
    run: () =>
      benchPictures(
        quick ? { reviews: 100_000, calls: 20, memoryPictures: 200 } : { reviews: 100_000, calls: 100, memoryPictures: 1_000 },
        log,
      ),
  },
  { name: "picture-renderers", run: () => benchPictureRenderers({ calls: quick ? 10 : 40 }, log) },
  { name: "reminders-dispatch", run: () => benchRemindersDispatch({ reminders: quick ? 150 : 600 }, log) },
  {
    name: "scheduling",
    run: () =>
      benchSchedulingAndForecast(
        quick
          ? { learners: 20, days: 365, studyRounds: 30, forecastCalls: 10 }
          : { learners: 200, days: 365, studyRounds: 100, forecastCalls: 30 },
        log,
      ),
  },
];

const rows: BenchRow[] = [];
try {
  for (const b of benches) {
    if (only && b.name !== only) continue;
    log(`running ${b.name}...`);
    const started = performance.now();
    rows.push(...(await b.run()));
    log(`${b.name} took ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }
} finally {
  // A PostgreSQL server the run started itself is not left running.
  await stopStartedPostgres();
}
console.log(formatTable(rows));
