// The one place where Prisma's better-sqlite3 adapter is changed from the outside. Each patch
// reaches the adapter's private connection (connection-hook.ts), so each is measured and tested:
// - immediate-transactions.ts: BEGIN IMMEDIATE, a correctness fix for several processes on one
//   file (without it a second writer fails with "database is locked" instead of waiting).
// - statement-cache.ts: prepared statements reused, small LIMIT/OFFSET written into the SQL. Kept
//   because it buys more than a quarter of the study loop's throughput (the README's Benchmarks
//   section has the with/without rows of `npm run bench -- --only study`).
// tests/storage/sqlite-patches.test.ts fails, naming the patch, when an adapter release stops
// routing its statements and transactions through the connection these patches change.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { withImmediateTransactions } from "./immediate-transactions.ts";
import { withStatementCache } from "./statement-cache.ts";

export interface SqlitePatches {
  immediateTransactions: boolean;
  statementCache: boolean;
}

export const ALL_SQLITE_PATCHES: SqlitePatches = { immediateTransactions: true, statementCache: true };

/** The adapter factory with the patches applied (all of them, unless a benchmark leaves one out). */
export function patchSqliteAdapter(factory: PrismaBetterSqlite3, patches: SqlitePatches = ALL_SQLITE_PATCHES): PrismaBetterSqlite3 {
  let patched = factory;
  if (patches.statementCache) patched = withStatementCache(patched);
  if (patches.immediateTransactions) patched = withImmediateTransactions(patched);
  return patched;
}
