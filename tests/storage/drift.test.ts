// Guards against drift between the Prisma schema (its DMMF, as Prisma Client sees it) and the
// tables the committed migrations really create.
import { readFileSync } from "node:fs";
import { getDMMF } from "@prisma/get-dmmf";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase, type OpenDatabase } from "../../src/storage/open-database.ts";
import { DATABASES, freshDatabase, type TestDatabase } from "../support/databases.ts";

describe.each(DATABASES)("the migrated %s database", (kind) => {
  let database: TestDatabase;
  let opened: OpenDatabase;
  beforeAll(async () => {
    database = await freshDatabase(kind);
    opened = await openDatabase(database.url);
  });
  afterAll(async () => {
    await opened.close();
    await database.drop();
  });

  async function columnsOf(table: string): Promise<{ name: string; nullable: boolean }[]> {
    if (kind === "sqlite") {
      const rows = await opened.db.$queryRawUnsafe<{ name: string; notnull: bigint | number; pk: bigint | number }[]>(
        `PRAGMA table_info("${table}")`,
      );
      return rows.map((r) => ({ name: r.name, nullable: Number(r.notnull) === 0 && Number(r.pk) === 0 }));
    }
    const rows = await opened.db.$queryRawUnsafe<{ column_name: string; is_nullable: string }[]>(
      `SELECT column_name, is_nullable FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1`,
      table,
    );
    return rows.map((r) => ({ name: r.column_name, nullable: r.is_nullable === "YES" }));
  }

  it("has every model and scalar field of the schema, with the same nullability, and nothing else", async () => {
    const schema = readFileSync(kind === "sqlite" ? "prisma/schema.prisma" : "prisma/schema.postgres.prisma", "utf8");
    const dmmf = getDMMF({ datamodel: schema });
    if (!("datamodel" in dmmf)) throw new Error(`the schema does not parse: ${JSON.stringify(dmmf)}`);
    expect(dmmf.datamodel.models.length).toBeGreaterThan(5);
    for (const model of dmmf.datamodel.models) {
      const table = model.dbName ?? model.name;
      const actual = await columnsOf(table);
      const expected = model.fields
        .filter((f) => f.kind === "scalar" || f.kind === "enum")
        .map((f) => ({ name: f.dbName ?? f.name, nullable: !f.isRequired }));
      const sort = (cols: { name: string; nullable: boolean }[]) => [...cols].sort((a, b) => a.name.localeCompare(b.name));
      expect(sort(actual), `table ${table}`).toEqual(sort(expected));
    }
  });
});
