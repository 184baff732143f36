// Prisma's SQLite adapter has one connection. While an interactive transaction is open on it (a
// rating), a query from another interaction must not run inside that transaction: were the rating
// then rolled back (a double click refused as a duplicate), the other person's write would vanish
// although they had been told it was saved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/storage/open-database.ts";
import { freshDatabase } from "../support/databases.ts";

describe("one SQLite connection, an open transaction and someone else's write", () => {
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  let opened: OpenDatabase;

  beforeAll(async () => {
    database = await freshDatabase("sqlite");
    opened = await openDatabase(database.url);
    await opened.db.user.createMany({ data: [{ id: "console:a" }, { id: "console:b" }] });
  });

  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  /** A transaction that changes console:a, stays open a moment, then rolls back; resolves once it is open. */
  async function openThenRollBack(newPerDay: number): Promise<{ rolledBack: Promise<unknown> }> {
    let entered!: () => void;
    const inside = new Promise<void>((resolve) => (entered = resolve));
    const rolledBack = opened.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: "console:a" }, data: { newPerDay } });
      entered();
      await new Promise((resolve) => setTimeout(resolve, 50));
      throw new Error("refused");
    });
    await inside;
    return { rolledBack };
  }

  it("a write made while another transaction is open survives that transaction's rollback", async () => {
    const { rolledBack } = await openThenRollBack(5);
    const saved = opened.db.user.update({ where: { id: "console:b" }, data: { newPerDay: 33 } });
    await expect(rolledBack).rejects.toThrow("refused");
    await saved;
    expect((await opened.db.user.findUnique({ where: { id: "console:a" } }))?.newPerDay).toBe(20);
    expect((await opened.db.user.findUnique({ where: { id: "console:b" } }))?.newPerDay).toBe(33);
  });

  it("a read made while another transaction is open does not see its uncommitted writes", async () => {
    const { rolledBack } = await openThenRollBack(7);
    const read = opened.db.user.findUnique({ where: { id: "console:a" } });
    await expect(rolledBack).rejects.toThrow("refused");
    expect((await read)?.newPerDay).toBe(20);
  });
});
