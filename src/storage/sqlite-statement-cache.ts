// Prisma's better-sqlite3 adapter prepares every statement anew, and for the short queries an
// interaction makes, compiling the SQL costs more than running it (measured: about a fifth of all
// CPU time in the study benchmark). This wraps the adapter factory so that the connection it opens
// reuses prepared statements, keyed by their SQL text. Prisma itself is untouched: same client,
// same queries, same transactions.
import type { Database, Statement } from "better-sqlite3";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { onEachConnection } from "./sqlite-connection-hook.ts";

const CACHE_LIMIT = 500;

/** The part of a statement the adapter uses, with the parameters supplied per call. */
function bound(stmt: Statement, args: unknown[]) {
  return {
    reader: stmt.reader,
    run: () => stmt.run(args),
    columns: () => stmt.columns(),
    raw: () => ({ all: () => stmt.raw(true).all(args) }),
  };
}

function cachePreparedStatements(db: Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Statement>();
  const cached = (sql: string): Statement => {
    let stmt = cache.get(sql);
    if (stmt) {
      // Refresh its place so the least recently used statement is evicted first.
      cache.delete(sql);
    } else {
      stmt = prepare(sql);
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, stmt);
    return stmt;
  };
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
    const stmt = cached(sql);
    return { reader: stmt.reader, run: () => stmt.run(), bind: (args: unknown[]) => bound(stmt, args) };
  };
}

/** The factory, with each connection it opens caching its prepared statements. */
export function withStatementCache(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  return onEachConnection(factory, "withStatementCache", cachePreparedStatements);
}
