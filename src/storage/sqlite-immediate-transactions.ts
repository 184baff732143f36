// Several processes may share one SQLite file (instances, Discord shards). Prisma's adapter opens
// transactions with a plain BEGIN, which takes no lock until the first write: a transaction that
// reads and then writes must then upgrade its lock, and when another connection is writing SQLite
// refuses the upgrade at once with SQLITE_BUSY ("database is locked"), without waiting out the busy
// timeout (waiting could deadlock). BEGIN IMMEDIATE takes the write lock up front, so a second
// writer waits its turn instead of failing the user's click. Within one process the adapter already
// runs one transaction at a time, so this costs nothing there.
import type { Database } from "better-sqlite3";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

export function withImmediateTransactions(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client?: Database }).client;
    if (!client || typeof client.prepare !== "function")
      throw new Error("the SQLite adapter no longer exposes its connection; remove withImmediateTransactions");
    const prepare = client.prepare.bind(client) as (sql: string) => unknown;
    (client as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) =>
      prepare(sql === "BEGIN" ? "BEGIN IMMEDIATE" : sql);
    return adapter;
  };
  return factory;
}
