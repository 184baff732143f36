// Opens the database named by DATABASE_URL: applies pending migrations, then returns a Prisma
// Client on the right driver adapter. SQLite runs in WAL mode with synchronous=NORMAL and a busy
// timeout, so several processes can share the file and writes stay fast.
import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { DatabaseStartError, explainPostgresError, explainSqliteError, POSTGRES_CONNECT_TIMEOUT_MS } from "./database-errors.ts";
import { parseDatabaseUrl, type DatabaseTarget } from "./database-url.ts";
import { postgresMigrationDriver, sqliteMigrationDriver } from "./migration-drivers.ts";
import { applyMigrations, migrationsDir, readMigrations, type Migration } from "./migrations.ts";
import { startCheckpointer } from "./sqlite-checkpointer.ts";
import { ALL_SQLITE_PATCHES, patchSqliteAdapter, type SqlitePatches } from "./sqlite-patches/index.ts";
import { countStatements } from "./statement-counter.ts";
import type { Db } from "./database-client.ts";

export type { Db };

export interface OpenDatabase {
  db: Db;
  target: DatabaseTarget;
  appliedMigrations: string[];
  /** SQLite: there was no file, so a new, empty database was created. */
  created: boolean;
  /** True when the database answers a trivial query (health checks). */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

async function ping(db: Db): Promise<boolean> {
  try {
    await db.$queryRawUnsafe("SELECT 1");
    return true;
  } catch {
    return false;
  }
}

export const BUSY_TIMEOUT_MS = 10_000;

/** Inline checkpoints only if the background checkpointer falls this far behind (pages of 4 KiB). */
export const WAL_AUTOCHECKPOINT_PAGES = 10_000;

export const SQLITE_CACHE_KIB = 65_536;

export interface OpenOptions {
  /** Project root holding prisma/ (tests use copies). */
  root?: string;
  /** Emit a `query` event for every SQL statement (TEST_SQL prints them). */
  queryEvents?: boolean;
  /** Called for every SQL statement sent (benchmarks count them, more cheaply than query events). */
  onStatement?: () => void;
  /** Where SQLite checkpoint failures are reported (they never reach a user). */
  onBackgroundError?: (message: string) => void;
  /** Which patches of the SQLite adapter to apply: all, always, but in the benchmark that weighs each. */
  sqlitePatches?: SqlitePatches;
}

export { DatabaseStartError };

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<OpenDatabase> {
  // "minimal" errors: Prisma otherwise captures a stack trace on every query to point its error
  // messages at the calling line (measured: a few percent of each interaction); our logs carry the
  // error and its stack anyway.
  const log = {
    errorFormat: "minimal" as const,
    ...(options.queryEvents ? { log: [{ emit: "event" as const, level: "query" as const }] } : {}),
  };
  const target = parseDatabaseUrl(url);
  const migrations = await readMigrations(migrationsDir(target.provider, options.root));
  if (target.provider === "sqlite") {
    try {
      return await openSqlite(target, migrations, options, log);
    } catch (e) {
      throw explainSqliteError(e, target.file) ?? e;
    }
  }
  try {
    return await openPostgres(target, migrations, options, log);
  } catch (e) {
    throw explainPostgresError(e, target) ?? e;
  }
}

type Log = { errorFormat: "minimal"; log?: { emit: "event"; level: "query" }[] };

async function openSqlite(
  target: Extract<DatabaseTarget, { provider: "sqlite" }>,
  migrations: Migration[],
  options: OpenOptions,
  log: Log,
): Promise<OpenDatabase> {
  const created = !existsSync(target.file);
  mkdirSync(path.dirname(target.file), { recursive: true });
  const driver = sqliteMigrationDriver(target.file);
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations(driver, migrations);
  } finally {
    driver.close();
  }
  const adapter = patchSqliteAdapter(
    new PrismaBetterSqlite3({ url: target.file, timeout: BUSY_TIMEOUT_MS }),
    options.sqlitePatches ?? ALL_SQLITE_PATCHES,
  );
  const client = new SqliteClient({
    adapter: options.onStatement ? countStatements(adapter, options.onStatement) : adapter,
    ...log,
  });
  const db: Db = client;
  // journal_mode is stored in the file; synchronous and foreign_keys belong to this connection.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
  await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  await db.$queryRawUnsafe(`PRAGMA wal_autocheckpoint = ${WAL_AUTOCHECKPOINT_PAGES}`);
  // A 64 MiB page cache (the default is 2 MiB) keeps the hot part of a large database in memory.
  await db.$executeRawUnsafe(`PRAGMA cache_size = -${SQLITE_CACHE_KIB}`);
  const checkpointer = startCheckpointer(target.file, options.onBackgroundError ?? (() => {}));
  return {
    db,
    target,
    appliedMigrations,
    created,
    ping: () => ping(db),
    close: async () => {
      await db.$disconnect();
      await checkpointer.stop();
    },
  };
}

async function openPostgres(
  target: Extract<DatabaseTarget, { provider: "postgres" }>,
  migrations: Migration[],
  options: OpenOptions,
  log: Log,
): Promise<OpenDatabase> {
  const driver = await postgresMigrationDriver(target.url, POSTGRES_CONNECT_TIMEOUT_MS);
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations(driver, migrations);
  } finally {
    await driver.close();
  }
  const pgAdapter = new PrismaPg({ connectionString: target.url, connectionTimeoutMillis: POSTGRES_CONNECT_TIMEOUT_MS });
  const client = new PostgresClient({
    adapter: options.onStatement ? countStatements(pgAdapter, options.onStatement) : pgAdapter,
    ...log,
  });
  const db: Db = client;
  return { db, target, appliedMigrations, created: false, ping: () => ping(db), close: () => client.$disconnect() };
}
