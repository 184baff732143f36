// Every row of every table, as JSON text: for tests that must see the whole database (nothing left
// mentioning a person, nothing of another team changed), whatever tables the schema grows.
import type { DatabaseKind } from "./databases.ts";
import type { TestBot } from "./test-bot.ts";

export async function allRows(t: TestBot, kind: DatabaseKind): Promise<{ table: string; text: string }[]> {
  const tables =
    kind === "sqlite"
      ? (
          await t.db.$queryRawUnsafe<{ name: string }[]>(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`)
        ).map((r) => r.name)
      : (
          await t.db.$queryRawUnsafe<{ table_name: string }[]>(
            `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`,
          )
        ).map((r) => r.table_name);
  const rows: { table: string; text: string }[] = [];
  for (const table of tables.sort()) {
    for (const row of await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}"`)) {
      rows.push({ table, text: JSON.stringify(row, (_k, v) => (typeof v === "bigint" ? String(v) : v)) });
    }
  }
  return rows;
}
