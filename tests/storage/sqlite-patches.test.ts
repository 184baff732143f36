// The patches of Prisma's SQLite adapter (src/storage/sqlite-patches/): each must still be in
// effect on the installed adapter, naming itself when an adapter release routes around it; and the
// statement cache, which writes small LIMIT/OFFSET values into the SQL (a bound LIMIT makes SQLite
// recompile the statement on every run), must not change any result.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../src/generated/sqlite/client.ts";
import { openDatabase, type OpenDatabase } from "../../src/storage/open-database.ts";
import { parseDatabaseUrl } from "../../src/storage/database-url.ts";
import { onEachConnection } from "../../src/storage/sqlite-patches/connection-hook.ts";
import { patchSqliteAdapter } from "../../src/storage/sqlite-patches/index.ts";
import { inlineLimit } from "../../src/storage/sqlite-patches/statement-cache.ts";
import { freshDatabase } from "../support/databases.ts";

describe("inlineLimit", () => {
  const sql = 'SELECT "id" FROM "User" WHERE "id" = ? LIMIT ? OFFSET ?';

  it("writes Prisma's findUnique/findFirst limit and offset into the SQL", () => {
    expect(inlineLimit(sql, ["u1", 1, 0n])).toEqual({ sql: 'SELECT "id" FROM "User" WHERE "id" = ? LIMIT 1 OFFSET 0', args: ["u1"] });
  });

  it("keeps Prisma's -1 (no limit) as written", () => {
    expect(inlineLimit(sql, ["u1", -1, 0n])?.sql).toMatch(/LIMIT -1 OFFSET 0$/);
  });

  it("leaves anything else bound", () => {
    expect(inlineLimit(sql, ["u1", 1, 20_000])).toBeNull(); // a deep page
    expect(inlineLimit(sql, ["u1", 1.5, 0])).toBeNull();
    expect(inlineLimit(sql, ["u1", "1", 0])).toBeNull();
    expect(inlineLimit(sql, ["u1", -2, 0])).toBeNull();
    expect(inlineLimit('SELECT "id" FROM "User" WHERE "id" = ?', ["u1"])).toBeNull();
    expect(inlineLimit('SELECT "id" FROM "User" LIMIT ?', [5])).toBeNull();
  });
});

describe("queries through the statement cache", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let opened: OpenDatabase;

  beforeAll(async () => {
    database = await freshDatabase("sqlite");
    opened = await openDatabase(database.url);
    await opened.db.user.createMany({ data: Array.from({ length: 40 }, (_, i) => ({ id: `u${String(i).padStart(2, "0")}` })) });
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it("pages, single rows and whole tables come back as without the cache", async () => {
    const ids = async (take?: number, skip?: number) =>
      (
        await opened.db.user.findMany({
          orderBy: { id: "asc" },
          select: { id: true },
          ...(take ? { take } : {}),
          ...(skip ? { skip } : {}),
        })
      ).map((r) => r.id);
    expect(await ids(5, 10)).toEqual(["u10", "u11", "u12", "u13", "u14"]);
    expect(await ids(5, 12)).toEqual(["u12", "u13", "u14", "u15", "u16"]); // same SQL shape, other numbers
    expect(await ids(3, 20_000)).toEqual([]); // beyond what is written into the SQL: stays bound
    expect(await ids()).toHaveLength(40);
    expect((await opened.db.user.findUnique({ where: { id: "u07" } }))?.id).toBe("u07");
    expect((await opened.db.user.findFirst({ where: { id: { gt: "u30" } }, orderBy: { id: "asc" } }))?.id).toBe("u31");
    expect(await opened.db.user.findUnique({ where: { id: "nobody" } })).toBeNull();
  });

  it("a row's columns are read correctly by every query that shares a cached statement", async () => {
    await opened.db.user.update({ where: { id: "u03" }, data: { timeZone: "Asia/Tokyo", newPerDay: 7 } });
    for (let i = 0; i < 3; i++) {
      const row = await opened.db.user.findUnique({ where: { id: "u03" } });
      expect(row).toMatchObject({ id: "u03", timeZone: "Asia/Tokyo", newPerDay: 7, locale: null });
    }
  });
});

describe("each patch is still in effect on the installed adapter", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let client: PrismaClient;
  /** Every SQL text that reaches the real connection's prepare, beneath the patches. */
  const prepared: string[] = [];

  beforeAll(async () => {
    database = await freshDatabase("sqlite");
    await (await openDatabase(database.url)).close();
    const target = parseDatabaseUrl(database.url);
    if (target.provider !== "sqlite") throw new Error("expected SQLite");
    const recording = onEachConnection(new PrismaBetterSqlite3({ url: target.file }), "the test's recorder", (db) => {
      const prepare = db.prepare.bind(db);
      (db as unknown as { prepare: (sql: string) => unknown }).prepare = (sql: string) => {
        prepared.push(sql);
        return prepare(sql);
      };
    });
    client = new PrismaClient({ adapter: patchSqliteAdapter(recording) });
  });

  afterAll(async () => {
    await client.$disconnect();
    await database.drop();
  });

  it("withImmediateTransactions: the transactions the adapter opens begin IMMEDIATE", async () => {
    prepared.length = 0;
    await client.$transaction(async (tx) => {
      await tx.user.findUnique({ where: { id: "t1" } });
      await tx.user.create({ data: { id: "t1" } });
    });
    await client.$transaction([client.user.update({ where: { id: "t1" }, data: { newPerDay: 3 } })]);
    const begins = prepared.filter((sql) => /^BEGIN\b/i.test(sql));
    // The statement cache sits between: the second transaction reuses the first one's statement.
    expect(begins, "withImmediateTransactions: the adapter no longer begins its transactions through prepare('BEGIN')").toEqual([
      "BEGIN IMMEDIATE",
    ]);
  });

  it("withStatementCache: a query asked again is not prepared again", async () => {
    prepared.length = 0;
    for (let i = 0; i < 5; i++) await client.user.findFirst({ where: { timeZone: "Asia/Tokyo" } });
    const lookups = prepared.filter((sql) => sql.includes("`timeZone` = ?"));
    expect(lookups.length, `withStatementCache: the adapter prepared ${lookups.length} statements for 5 identical queries`).toBe(1);
    expect(lookups[0], "withStatementCache: the limit is no longer written into the SQL").toMatch(/LIMIT 1 OFFSET 0$/);
  });
});
