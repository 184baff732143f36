// Generates both Prisma clients (SQLite and PostgreSQL). Runs on `npm install` (postinstall).
// Prisma's CLI downloads its native schema engine before any command, even `generate`, which never
// runs it; pointing PRISMA_SCHEMA_ENGINE_BINARY at an existing file lets generate work offline.
import { execFileSync } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const env = { ...process.env };
env.PRISMA_SCHEMA_ENGINE_BINARY ??= process.execPath;
env.PRISMA_HIDE_UPDATE_MESSAGE = "1";
const cli = require.resolve("prisma/build/index.js");
for (const schema of ["prisma/schema.prisma", "prisma/schema.postgres.prisma"]) {
  execFileSync(process.execPath, [cli, "generate", "--schema", schema], { stdio: ["ignore", "inherit", "inherit"], env });
}
