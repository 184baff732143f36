// Prisma's better-sqlite3 adapter keeps its connection to itself. The SQLite tuning here (a
// prepared-statement cache, immediate transactions) needs that connection: this runs a setup step
// on each connection the adapter factory opens, and fails loudly if a new adapter version stops
// exposing it, rather than silently running untuned.
import type { Database } from "better-sqlite3";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";

export function onEachConnection(factory: PrismaBetterSqlite3, name: string, setup: (db: Database) => void): PrismaBetterSqlite3 {
  const connect = factory.connect.bind(factory);
  factory.connect = async () => {
    const adapter = await connect();
    const client = (adapter as unknown as { client?: Database }).client;
    if (!client || typeof client.prepare !== "function")
      throw new Error(`the SQLite adapter no longer exposes its connection; remove ${name}`);
    setup(client);
    return adapter;
  };
  return factory;
}
