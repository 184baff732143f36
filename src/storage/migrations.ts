// Applies the committed SQL migrations (prisma/migrations for SQLite, prisma/migrations-postgres
// for PostgreSQL) and records them in _prisma_migrations exactly as Prisma Migrate does, so that
// `prisma migrate status` and `migrate deploy` agree with the app on hosts that have Prisma's
// engine. An applied migration whose file changed is refused, never re-applied.
import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";

/** The few things the runner needs from a database connection. */
export interface MigrationDriver {
  readonly provider: "sqlite" | "postgres";
  exec(sql: string): Promise<void>;
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs `fn` in one transaction that also excludes other instances migrating at the same time. */
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
}

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  override name = "MigrationError";
}

export function migrationsDir(provider: "sqlite" | "postgres", root = process.cwd()): string {
  return path.join(root, "prisma", provider === "sqlite" ? "migrations" : "migrations-postgres");
}

export async function readMigrations(dir: string): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const out: Migration[] = [];
  for (const e of entries.filter((e) => e.isDirectory()).sort((a, b) => a.name.localeCompare(b.name))) {
    const bytes = await readFile(path.join(dir, e.name, "migration.sql"));
    out.push({ name: e.name, sql: bytes.toString("utf8"), checksum: createHash("sha256").update(bytes).digest("hex") });
  }
  return out;
}

const CREATE_TABLE = {
  sqlite: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`,
  postgres: `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`,
};

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

/** Applies pending migrations in order; returns the names it applied. */
export async function applyMigrations(
  driver: MigrationDriver,
  migrations: Migration[],
  now: () => Date = () => new Date(),
): Promise<string[]> {
  return driver.exclusive(async () => {
    await driver.exec(CREATE_TABLE[driver.provider]);
    const rows = await driver.query<AppliedRow>(
      `SELECT "migration_name", "checksum", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`,
    );
    const applied = new Map<string, AppliedRow>();
    for (const row of rows) {
      if (row.rolled_back_at !== null) continue;
      if (row.finished_at === null) {
        throw new MigrationError(
          `migration ${row.migration_name} failed or is still running; resolve it (prisma migrate resolve) before starting`,
        );
      }
      applied.set(row.migration_name, row);
    }
    const known = new Set(migrations.map((m) => m.name));
    for (const name of applied.keys()) {
      if (!known.has(name))
        throw new MigrationError(`the database has migration ${name}, which this version does not know: is it older than the database?`);
    }
    const done: string[] = [];
    for (const m of migrations) {
      const row = applied.get(m.name);
      if (row) {
        if (row.checksum !== m.checksum) {
          throw new MigrationError(
            `migration ${m.name} was changed after it was applied (checksum ${row.checksum.slice(0, 12)}... in the database, ${m.checksum.slice(0, 12)}... on disk); restore the original file`,
          );
        }
        continue;
      }
      const started = now();
      await driver.exec(m.sql);
      const p = driver.provider === "postgres" ? (i: number) => `$${i}` : () => "?";
      const stamp = (d: Date) => (driver.provider === "postgres" ? d : d.toISOString());
      await driver.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "finished_at", "migration_name", "logs", "rolled_back_at", "started_at", "applied_steps_count") VALUES (${p(1)}, ${p(2)}, ${p(3)}, ${p(4)}, NULL, NULL, ${p(5)}, 1)`,
        [randomUUID(), m.checksum, stamp(now()), m.name, stamp(started)],
      );
      done.push(m.name);
    }
    return done;
  });
}
