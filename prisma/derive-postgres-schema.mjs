// Writes prisma/schema.postgres.prisma from prisma/schema.prisma: the same models, a PostgreSQL
// datasource and its own generated client. `npm run db:schema` runs it after every schema change;
// tests/storage/schema-parity.test.ts fails when the committed copy has drifted.
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export function derivePostgresSchema(sqliteSchema) {
  const out = sqliteSchema
    .replace('output       = "../src/generated/sqlite"', 'output       = "../src/generated/postgres"')
    .replace('provider = "sqlite"', 'provider = "postgresql"');
  if (out === sqliteSchema || !out.includes("src/generated/postgres") || !out.includes('"postgresql"')) {
    throw new Error("prisma/schema.prisma no longer has the generator output or datasource lines this script rewrites");
  }
  return "// Generated from schema.prisma by `npm run db:schema`: edit schema.prisma, not this file.\n" + out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = new URL(".", import.meta.url);
  const sqlite = readFileSync(new URL("schema.prisma", dir), "utf8");
  writeFileSync(new URL("schema.postgres.prisma", dir), derivePostgresSchema(sqlite));
  console.log("wrote prisma/schema.postgres.prisma");
}
