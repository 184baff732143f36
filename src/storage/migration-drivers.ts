// Direct driver connections for the migration runner: migrations are plain SQL files, run before
// Prisma Client opens the database.
import Database from "better-sqlite3";
import pg from "pg";
import type { MigrationDriver } from "./migrations.ts";

/** The lock Prisma Migrate itself takes on PostgreSQL, so the app and the CLI never migrate at once. */
const PRISMA_ADVISORY_LOCK = 72707369;

export function sqliteMigrationDriver(file: string): MigrationDriver & { close(): void } {
  const db = new Database(file, { timeout: 10_000 });
  db.pragma("journal_mode = WAL");
  return {
    provider: "sqlite",
    async exec(sql) {
      db.exec(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      const stmt = db.prepare(sql);
      return (stmt.reader ? stmt.all(...params) : (stmt.run(...params), [])) as T[];
    },
    async exclusive(fn) {
      // SQLite's way to change tables (what Prisma's migrations do: create, copy, drop, rename)
      // needs foreign keys off, and that only takes effect outside a transaction; with them on,
      // dropping the old table would cascade-delete every row that refers to it. Integrity is
      // checked before the commit instead.
      db.pragma("foreign_keys = OFF");
      db.exec("BEGIN IMMEDIATE");
      try {
        const result = await fn();
        const broken = db.pragma("foreign_key_check") as unknown[];
        if (broken.length > 0) throw new Error(`a migration left ${broken.length} rows with broken references`);
        db.exec("COMMIT");
        return result;
      } catch (e) {
        db.exec("ROLLBACK");
        throw e;
      } finally {
        db.pragma("foreign_keys = ON");
      }
    },
    close() {
      db.close();
    },
  };
}

export async function postgresMigrationDriver(
  url: string,
  connectionTimeoutMillis = 0,
): Promise<MigrationDriver & { close(): Promise<void> }> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis });
  // A connection that fails after connecting (the server goes away) must not crash the process from an unheld event.
  client.on("error", () => undefined);
  await client.connect();
  return {
    provider: "postgres",
    async exec(sql) {
      await client.query(sql);
    },
    async query<T>(sql: string, params: unknown[] = []) {
      return (await client.query(sql, params)).rows as T[];
    },
    async exclusive(fn) {
      await client.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK]);
      try {
        await client.query("BEGIN");
        try {
          const result = await fn();
          await client.query("COMMIT");
          return result;
        } catch (e) {
          await client.query("ROLLBACK");
          throw e;
        }
      } finally {
        await client.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK]);
      }
    },
    async close() {
      await client.end();
    },
  };
}
