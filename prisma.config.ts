// Configuration for the Prisma CLI (generate; migrate on hosts that have the schema engine).
// The application itself never needs it: it opens the database through a driver adapter and applies
// the committed SQL migrations on its own (src/storage/migrations.ts).
import { defineConfig } from "prisma/config";

const postgres = /^postgres(ql)?:\/\//.test(process.env.DATABASE_URL ?? "");

export default defineConfig({
  schema: postgres ? "prisma/schema.postgres.prisma" : "prisma/schema.prisma",
  migrations: { path: postgres ? "prisma/migrations-postgres" : "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "file:./data/study-bot.db" },
});
