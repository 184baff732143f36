// The SQLite connection caches prepared statements and writes small LIMIT/OFFSET values into the
// SQL (a bound LIMIT makes SQLite recompile the statement on every run). Results must not change.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/storage/open-database.ts";
import { inlineLimit } from "../../src/storage/sqlite-statement-cache.ts";
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
