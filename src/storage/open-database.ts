// Opens the database named by DATABASE_URL: applies pending migrations, then returns a Prisma
// Client on the right driver adapter. SQLite runs in WAL mode with synchronous=NORMAL and a busy
// timeout, so several processes can share the file and writes stay fast.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as SqliteClient } from "../generated/sqlite/client.ts";
import { PrismaClient as PostgresClient } from "../generated/postgres/client.ts";
import { parseDatabaseUrl, type DatabaseTarget } from "./database-url.ts";
import { postgresMigrationDriver, sqliteMigrationDriver } from "./migration-drivers.ts";
import { applyMigrations, migrationsDir, readMigrations } from "./migrations.ts";

/**
 * The client type the storage code is written against. Both generated clients come from one
 * schema (prisma/schema.postgres.prisma is derived from prisma/schema.prisma and a test keeps them
 * identical), so the PostgreSQL client has the same API.
 */
export type Db = SqliteClient;

export interface OpenDatabase {
  db: Db;
  target: DatabaseTarget;
  appliedMigrations: string[];
  close(): Promise<void>;
}

export const BUSY_TIMEOUT_MS = 10_000;

export async function openDatabase(url: string, options: { root?: string } = {}): Promise<OpenDatabase> {
  const target = parseDatabaseUrl(url);
  const migrations = await readMigrations(migrationsDir(target.provider, options.root));
  if (target.provider === "sqlite") {
    mkdirSync(path.dirname(target.file), { recursive: true });
    const driver = sqliteMigrationDriver(target.file);
    let appliedMigrations: string[];
    try {
      appliedMigrations = await applyMigrations(driver, migrations);
    } finally {
      driver.close();
    }
    const db = new SqliteClient({ adapter: new PrismaBetterSqlite3({ url: target.file, timeout: BUSY_TIMEOUT_MS }) });
    // journal_mode is stored in the file; synchronous and foreign_keys belong to this connection.
    await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
    await db.$executeRawUnsafe("PRAGMA synchronous = NORMAL");
    await db.$executeRawUnsafe("PRAGMA foreign_keys = ON");
    return { db, target, appliedMigrations, close: () => db.$disconnect() };
  }
  const driver = await postgresMigrationDriver(target.url);
  let appliedMigrations: string[];
  try {
    appliedMigrations = await applyMigrations(driver, migrations);
  } finally {
    await driver.close();
  }
  const pgClient = new PostgresClient({ adapter: new PrismaPg({ connectionString: target.url }) });
  return { db: pgClient as unknown as Db, target, appliedMigrations, close: () => pgClient.$disconnect() };
}
