// Generates both Prisma clients (SQLite and PostgreSQL). Runs on `npm install` (postinstall).
// Prisma's CLI downloads its native schema engine before any command, even `generate`, which never
// runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file lets generate work offline.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
let cli;
try {
  cli = require.resolve("prisma/build/index.js");
} catch {
  // A production-only install (the Docker image's last stage) has no Prisma CLI: the clients were
  // generated when the full install ran, and nothing here can generate them again.
  if (existsSync("src/generated/sqlite") && existsSync("src/generated/postgres")) process.exit(0);
  console.error(
    "The Prisma CLI (a devDependency) is not installed, and src/generated/ holds no clients: run `npm install` with dev dependencies.",
  );
  process.exit(1);
}
for (const schema of ["prisma/schema.prisma", "prisma/schema.postgres.prisma"]) {
  execFileSync(process.execPath, [cli, "generate", "--schema", schema], { stdio: ["ignore", "inherit", "inherit"], env });
}
