// The migration runner: applies committed SQL once, records it as Prisma Migrate does, refuses a
// tampered migration; and the SQLite connection runs with WAL, synchronous=NORMAL and a busy timeout.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../../src/storage/open-database.ts";
import { MigrationError, migrationsDir, readMigrations } from "../../src/storage/migrations.ts";
import { DATABASES, freshDatabase, type TestDatabase } from "../support/databases.ts";

describe.each(DATABASES)("migrations on %s", (kind) => {
  let database: TestDatabase;
  afterEach(async () => {
    await database.drop();
  });

  it("are applied once and recorded with Prisma's checksums", async () => {
    database = await freshDatabase(kind);
    const first = await openDatabase(database.url);
    const expected = await readMigrations(migrationsDir(kind));
    expect(first.appliedMigrations).toEqual(expected.map((m) => m.name));
    await first.close();
    const second = await openDatabase(database.url);
    expect(second.appliedMigrations).toEqual([]);
    const rows = await second.db.$queryRawUnsafe<
      { migration_name: string; checksum: string; applied_steps_count: unknown; finished_at: unknown; id: string }[]
    >(
      `SELECT "id", "migration_name", "checksum", "applied_steps_count", "finished_at" FROM "_prisma_migrations" ORDER BY "migration_name"`,
    );
    expect(rows).toHaveLength(expected.length);
    rows.forEach((row, i) => {
      const file = readFileSync(path.join(migrationsDir(kind), row.migration_name, "migration.sql"));
      expect(row.migration_name).toBe(expected[i]?.name);
      expect(row.checksum).toBe(createHash("sha256").update(file).digest("hex"));
      expect(Number(row.applied_steps_count)).toBe(1);
      expect(row.finished_at).not.toBeNull();
      expect(row.id).toMatch(/^[0-9a-f-]{36}$/);
    });
    await second.close();
  });

  it("refuse to start when an applied migration was changed", async () => {
    database = await freshDatabase(kind);
    const root = mkdtempSync(path.join(tmpdir(), "study-bot-migrations-"));
    try {
      cpSync(path.join(process.cwd(), "prisma"), path.join(root, "prisma"), { recursive: true });
      await (await openDatabase(database.url, { root })).close();
      const [first] = await readMigrations(migrationsDir(kind, root));
      const file = path.join(migrationsDir(kind, root), first!.name, "migration.sql");
      writeFileSync(file, `${readFileSync(file, "utf8")}\n-- edited after it was applied\n`);
      await expect(openDatabase(database.url, { root })).rejects.toThrow(MigrationError);
      await expect(openDatabase(database.url, { root })).rejects.toThrow(/was changed after it was applied/);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});

describe.each(DATABASES)("later migrations on %s", (kind) => {
  it("keep every row of tables they rebuild", async () => {
    const database = await freshDatabase(kind);
    const root = mkdtempSync(path.join(tmpdir(), "study-bot-migrations-"));
    try {
      cpSync(path.join(process.cwd(), "prisma"), path.join(root, "prisma"), { recursive: true });
      const all = await readMigrations(migrationsDir(kind, root));
      // The database as the first migration left it, with a learner's history in it.
      for (const later of all.slice(1)) rmSync(path.join(migrationsDir(kind, root), later.name), { recursive: true });
      const old = await openDatabase(database.url, { root });
      const now = kind === "sqlite" ? "'2026-01-01T00:00:00.000+00:00'" : "'2026-01-01T00:00:00Z'";
      for (const sql of [
        `INSERT INTO "Team" ("id", "timeZone", "createdAt") VALUES ('t', 'UTC', ${now})`,
        `INSERT INTO "User" ("id", "timeZone", "desiredRetention", "newPerDay", "reviewsPerDay", "counterDay", "newToday", "reviewsToday", "createdAt") VALUES ('u', 'Asia/Tokyo', 0.85, 7, 70, '2026-01-01', 1, 0, ${now})`,
        `INSERT INTO "Member" ("teamId", "userId", "joinedAt", "lastSeenAt") VALUES ('t', 'u', ${now}, ${now})`,
        `INSERT INTO "Deck" ("id", "nameEn", "nameJa", "createdAt") VALUES ('d', 'D', 'D', ${now})`,
        `INSERT INTO "Item" ("id", "deckId", "kind", "section", "content", "contentHash", "position") VALUES ('i', 'd', 'flashcard', 's', '{}', 'h', 0)`,
        `INSERT INTO "CardState" ("userId", "itemId", "state", "due", "stability", "difficulty", "scheduledDays", "learningStep", "reps", "lapses", "version") VALUES ('u', 'i', 2, ${now}, 3.5, 5.25, 3, 0, 2, 0, 2)`,
        `INSERT INTO "ReviewLog" ("userId", "itemId", "teamId", "version", "rating", "source", "reviewedAt", "studyDay", "stateBefore", "after") VALUES ('u', 'i', 't', 1, 3, 'study', ${now}, '2026-01-01', 1, '{}')`,
      ]) {
        await old.db.$executeRawUnsafe(sql);
      }
      await old.close();
      rmSync(path.join(root, "prisma"), { recursive: true });
      cpSync(path.join(process.cwd(), "prisma"), path.join(root, "prisma"), { recursive: true });
      const upgraded = await openDatabase(database.url, { root });
      expect(upgraded.appliedMigrations).toEqual(all.slice(1).map((m) => m.name));
      expect(await upgraded.db.user.findUniqueOrThrow({ where: { id: "u" } })).toMatchObject({
        timeZone: "Asia/Tokyo",
        desiredRetention: 0.85,
        newPerDay: 7,
      });
      expect(await upgraded.db.member.count()).toBe(1);
      expect(await upgraded.db.cardState.findUniqueOrThrow({ where: { userId_itemId: { userId: "u", itemId: "i" } } })).toMatchObject({
        stability: 3.5,
        version: 2,
      });
      expect(await upgraded.db.reviewLog.count()).toBe(1);
      await upgraded.close();
    } finally {
      rmSync(root, { recursive: true, force: true });
      await database.drop();
    }
  });
});

describe("the SQLite connection", () => {
  it("uses WAL, synchronous=NORMAL and a busy timeout", async () => {
    const database = await freshDatabase("sqlite");
    const { db, close } = await openDatabase(database.url);
    try {
      const [mode] = await db.$queryRawUnsafe<{ journal_mode: string }[]>("PRAGMA journal_mode");
      const [sync] = await db.$queryRawUnsafe<{ synchronous: bigint | number }[]>("PRAGMA synchronous");
      const [busy] = await db.$queryRawUnsafe<{ timeout: bigint | number }[]>("PRAGMA busy_timeout");
      expect(mode?.journal_mode).toBe("wal");
      expect(Number(sync?.synchronous)).toBe(1); // NORMAL
      expect(Number(busy?.timeout)).toBeGreaterThanOrEqual(5000);
    } finally {
      await close();
      await database.drop();
    }
  });
});
