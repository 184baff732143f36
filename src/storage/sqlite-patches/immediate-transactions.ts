// Several processes may share one SQLite file (instances, Discord shards). Prisma's adapter opens
// transactions with a plain BEGIN, which takes no lock until the first write: a transaction that
// reads and then writes must then upgrade its lock, and when another connection is writing SQLite
// refuses the upgrade at once with SQLITE_BUSY ("database is locked"), without waiting out the busy
// timeout (waiting could deadlock). BEGIN IMMEDIATE takes the write lock up front, so a second
// writer waits its turn instead of failing the user's click. Within one process the adapter already
// runs one transaction at a time, so this costs nothing there.
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { onEachConnection } from "./connection-hook.ts";

export function withImmediateTransactions(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  return onEachConnection(factory, "withImmediateTransactions", (db) => {
    const prepare = db.prepare.bind(db) as (sql: string) => unknown;
    (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
  });
}
