// The PostgreSQL schema must be the SQLite schema with only its datasource and output changed.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
// @ts-expect-error: a plain .mjs script without type declarations
import { derivePostgresSchema } from "../../prisma/derive-postgres-schema.mjs";

describe("prisma/schema.postgres.prisma", () => {
  it("is derived from prisma/schema.prisma (run `npm run db:schema` after a schema change)", () => {
    const sqlite = readFileSync("prisma/schema.prisma", "utf8");
    const postgres = readFileSync("prisma/schema.postgres.prisma", "utf8");
    expect(postgres).toBe((derivePostgresSchema as (s: string) => string)(sqlite));
  });

  it("has one migrations folder per provider with the same migration names", async () => {
    const { readdirSync } = await import("node:fs");
    const names = (dir: string) =>
      readdirSync(dir, { withFileTypes: true })
        .filter((e) => e.isDirectory())
        .map((e) => e.name)
        .sort();
    expect(names("prisma/migrations-postgres")).toEqual(names("prisma/migrations"));
  });
});
