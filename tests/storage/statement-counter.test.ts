// The benchmarks print SQL statements per interaction from openDatabase's onStatement, counted at
// the driver adapter: statements run inside a transaction must be counted as well as lone ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/storage/open-database.ts";
import { DATABASES, freshDatabase } from "../support/databases.ts";

describe.each(DATABASES)("counting SQL statements on %s", (kind) => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let opened: OpenDatabase;
  let statements = 0;
  const counted = async (work: () => Promise<unknown>) => {
    statements = 0;
    await work();
    return statements;
  };

  beforeAll(async () => {
    database = await freshDatabase(kind);
    opened = await openDatabase(database.url, { onStatement: () => (statements += 1) });
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  it("counts a lone query once", async () => {
    expect(await counted(() => opened.db.user.findUnique({ where: { id: "console:nobody" } }))).toBe(1);
  });

  it("counts the statements of an interactive transaction and its commit", async () => {
    const n = await counted(() =>
      opened.db.$transaction(async (tx) => {
        await tx.user.create({ data: { id: "console:a" }, select: { id: true } });
        await tx.user.update({ where: { id: "console:a" }, data: { newPerDay: 5 }, select: { id: true } });
      }),
    );
    // The two writes and COMMIT (the adapter opens the transaction itself), as Prisma's query
    // events count them.
    expect(n).toBe(3);
    expect(await opened.db.user.findUnique({ where: { id: "console:a" }, select: { newPerDay: true } })).toEqual({ newPerDay: 5 });
  });
});
