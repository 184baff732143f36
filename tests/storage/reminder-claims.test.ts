// Reminder claims on every database: a batch of sends is claimed in one statement per batch, whether
// the rows are new, held by another instance, already sent, or left behind by one whose lease ran out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/storage/open-database.ts";
import { PrismaReminderStore } from "../../src/storage/prisma/reminder-store.ts";
import { DATABASES, freshDatabase, type TestDatabase } from "../support/databases.ts";

const NOW = new Date("2026-11-20T09:00:00Z");
const LEASE_MS = 120_000;
const PEOPLE = 300;

describe.each(DATABASES)("reminder claims on %s", (kind) => {
  let database: TestDatabase;
  let opened: OpenDatabase;
  let store: PrismaReminderStore;
  let statements = 0;
  const sends = Array.from({ length: PEOPLE }, (_, i) => ({
    userId: `discord:${100_000_000_000_000_000n + BigInt(i)}`,
    day: "2026-11-20",
    slot: 0,
  }));
  const lease = (at: Date, owner: string) => ({ now: at, leaseUntil: new Date(at.getTime() + LEASE_MS), owner });

  beforeEach(async () => {
    database = await freshDatabase(kind);
    opened = await openDatabase(database.url, { onStatement: () => (statements += 1) });
    store = new PrismaReminderStore(opened.db);
    await opened.db.user.createMany({ data: sends.map((s) => ({ id: s.userId })) });
  });
  afterEach(async () => {
    await opened.close();
    await database.drop();
  });

  it("claims a batch held by an instance whose lease ran out in one statement, and no other instance wins any of it", async () => {
    expect((await store.claimReminders(sends, lease(NOW, "a"))).every((c) => c.status === "claimed")).toBe(true);
    // Instance a sent the first ten and died holding the rest; b and c come after the lease.
    for (const s of sends.slice(0, 10)) {
      await store.finishReminder({ ...s, outcome: "sent", now: NOW, expected: { day: s.day, slot: 0 }, next: null });
    }
    const later = new Date(NOW.getTime() + LEASE_MS + 1000);
    statements = 0;
    const b = await store.claimReminders(sends, lease(later, "b"));
    expect(statements).toBe(1);
    const c = await store.claimReminders(sends, lease(later, "c"));
    expect(b.slice(0, 10).every((x) => x.status === "taken")).toBe(true);
    expect(b.slice(10)).toEqual(sends.slice(10).map(() => ({ status: "claimed", attempts: 2 })));
    expect(c.every((x) => x.status === "taken")).toBe(true);
    const rows = await opened.db.reminderDelivery.findMany({ where: { claimedBy: "b" } });
    expect(rows).toHaveLength(PEOPLE - 10);
  });

  it("answers new, held and expired claims in the order given, in one statement", async () => {
    await store.claimReminders(sends.slice(0, 2), lease(NOW, "a"));
    const later = new Date(NOW.getTime() + 30_000);
    await store.claimReminders(sends.slice(2, 4), lease(later, "a"));
    // At NOW + lease + 1 s: the first two have expired, the next two are still held, the rest are new.
    statements = 0;
    const answers = await store.claimReminders(sends.slice(0, 6), lease(new Date(NOW.getTime() + LEASE_MS + 1000), "b"));
    expect(statements).toBe(1);
    expect(answers).toEqual([
      { status: "claimed", attempts: 2 },
      { status: "claimed", attempts: 2 },
      { status: "taken" },
      { status: "taken" },
      { status: "claimed", attempts: 1 },
      { status: "claimed", attempts: 1 },
    ]);
    expect(await store.claimReminder({ ...sends[2]!, ...lease(new Date(later.getTime() + LEASE_MS + 1), "c") })).toEqual({
      status: "claimed",
      attempts: 2,
    });
  });
});
