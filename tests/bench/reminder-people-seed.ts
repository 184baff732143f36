// People with a daily reminder and cards due, written into a migrated SQLite file with raw
// statements in one transaction: what the reminder benchmarks dispatch from.
import Database from "better-sqlite3";
import { sqliteDateTime } from "./migrated-sqlite-file.ts";

export interface ReminderPerson {
  id: string;
  timeZone: string;
  /** Local minutes after midnight. */
  remindMinute: number;
  nextReminderAt: Date;
  /** The local date that reminder belongs to. */
  nextReminderDay: string;
  teamId: string;
}

export function seedReminderPeople(
  file: string,
  o: { people: Iterable<ReminderPerson>; itemIds: string[]; cardsPerPerson: number; dueCardsPerPerson: number; now: Date },
): number {
  const db = new Database(file);
  // As in the leaderboard seed: one big transaction, journaled in memory, no syncs.
  db.pragma("journal_mode = DELETE");
  db.pragma("journal_mode = MEMORY");
  db.pragma("synchronous = OFF");
  db.pragma("cache_size = -524288");
  const created = sqliteDateTime(new Date(o.now.getTime() - 100 * 86_400_000));
  const insertTeam = db.prepare(`INSERT OR IGNORE INTO "Team" ("id","timeZone","createdAt") VALUES (?, 'UTC', ?)`);
  const insertUser = db.prepare(
    `INSERT INTO "User" ("id","timeZone","remindMinute","remindWhen","remindTeamId","nextReminderAt","nextReminderDay","nextReminderSlot","createdAt") VALUES (?, ?, ?, 'due', ?, ?, ?, 0, ?)`,
  );
  const insertMember = db.prepare(`INSERT INTO "Member" ("teamId","userId","joinedAt","lastSeenAt") VALUES (?, ?, ?, ?)`);
  const insertCard = db.prepare(
    `INSERT INTO "CardState" ("userId","itemId","state","due","stability","difficulty","scheduledDays","learningStep","reps","lapses","lastReview","version") VALUES (?, ?, 2, ?, 12, 5, 12, 0, 4, 0, ?, 4)`,
  );
  let count = 0;
  db.transaction(() => {
    for (const p of o.people) {
      insertTeam.run(p.teamId, created);
      insertUser.run(p.id, p.timeZone, p.remindMinute, p.teamId, sqliteDateTime(p.nextReminderAt), p.nextReminderDay, created);
      insertMember.run(p.teamId, p.id, created, created);
      for (let c = 0; c < o.cardsPerPerson; c++) {
        // The first cards fell due a few hours ago, the others come later.
        const due = new Date(o.now.getTime() + (c < o.dueCardsPerPerson ? -(c + 1) * 3_600_000 : (c + 1) * 86_400_000));
        const last = new Date(due.getTime() - 12 * 86_400_000);
        insertCard.run(p.id, o.itemIds[c % o.itemIds.length], sqliteDateTime(due), sqliteDateTime(last));
      }
      count += 1;
    }
  })();
  db.close();
  return count;
}
