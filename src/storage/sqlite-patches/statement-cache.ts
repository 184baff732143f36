// Prisma's better-sqlite3 adapter prepares every statement anew, and for the short queries an
// interaction makes, compiling the SQL costs more than running it (measured: about a fifth of all
// CPU time in the study benchmark). This wraps the adapter factory so that the connection it opens
// reuses prepared statements, keyed by their SQL text. Prisma itself is untouched: same client,
// same queries (but for the one rewrite below), same transactions.
//
// One rewrite, which changes no result: Prisma ends every findUnique, findFirst and findMany with
// `LIMIT ? OFFSET ?`, and with the limit bound a lookup costs as much as compiling the statement
// again (the cost grows with the number of columns; SQLite uses a bound LIMIT's value when it plans,
// so rebinding it on every run seems to expire the statement). Measured with better-sqlite3 on a
// 29-column user row: 23 us a lookup with the limit bound, 6 us with it written into the SQL. The
// cache therefore writes small whole-number limits and offsets into the SQL text; findUnique and
// findFirst always pass 1 and 0, and a findMany without take -1 and 0, so each query keeps one
// statement.
import type { ColumnDefinition, Database, Statement } from "better-sqlite3";
import type { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { onEachConnection } from "./connection-hook.ts";

const CACHE_LIMIT = 500;

/** The part of a statement the adapter uses, with the parameters supplied per call. */
function bound(stmt: Statement, columns: () => ColumnDefinition[], args: unknown[]) {
  return {
    reader: stmt.reader,
    run: () => stmt.run(args),
    columns,
    raw: () => ({ all: () => stmt.raw(true).all(args) }),
  };
}

const LIMIT_OFFSET = " LIMIT ? OFFSET ?";
/** Limits and offsets up to this are written into the SQL; larger ones (deep pages) stay bound. */
const MAX_INLINED = 10_000;

const smallWholeNumber = (v: unknown): v is number | bigint =>
  (typeof v === "number" && Number.isSafeInteger(v) && v >= 0 && v <= MAX_INLINED) ||
  (typeof v === "bigint" && v >= 0n && v <= BigInt(MAX_INLINED));

/** The statement with its final `LIMIT ? OFFSET ?` written out, when both values are small whole numbers. */
export function inlineLimit(sql: string, args: unknown[]): { sql: string; args: unknown[] } | null {
  if (!sql.endsWith(LIMIT_OFFSET) || args.length < 2) return null;
  const limit = args[args.length - 2];
  const offset = args[args.length - 1];
  // -1 is Prisma's "no limit" (findMany without take).
  if (!(smallWholeNumber(limit) || limit === -1 || limit === -1n) || !smallWholeNumber(offset)) return null;
  return { sql: `${sql.slice(0, -LIMIT_OFFSET.length)} LIMIT ${String(limit)} OFFSET ${String(offset)}`, args: args.slice(0, -2) };
}

interface Prepared {
  stmt: Statement;
  /** The statement's result columns, described once: the adapter asks on every query, and for a
   * row of 30 columns describing them cost several times more than running the query. */
  columns: () => ColumnDefinition[];
}

function prepared(stmt: Statement): Prepared {
  let columns: ColumnDefinition[] | undefined;
  return { stmt, columns: () => (columns ??= stmt.columns()) };
}

function cachePreparedStatements(db: Database): void {
  const prepare = db.prepare.bind(db);
  const cache = new Map<string, Prepared>();
  const cached = (sql: string): Prepared => {
    let entry = cache.get(sql);
    if (entry) {
      // Refresh its place so the least recently used statement is evicted first.
      cache.delete(sql);
    } else {
      entry = prepared(prepare(sql));
      if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
    }
    cache.set(sql, entry);
    return entry;
  };
  (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => ({
    get reader() {
      return cached(sql).stmt.reader;
    },
    run: () => cached(sql).stmt.run(),
    bind: (args: unknown[]) => {
      const literal = inlineLimit(sql, args);
      const { stmt, columns } = cached(literal?.sql ?? sql);
      return bound(stmt, columns, literal?.args ?? args);
    },
  });
}

/** The factory, with each connection it opens caching its prepared statements. */
export function withStatementCache(factory: PrismaBetterSqlite3): PrismaBetterSqlite3 {
  return onEachConnection(factory, "withStatementCache", cachePreparedStatements);
}
