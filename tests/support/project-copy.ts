// A working directory that looks like a checkout (package.json, src, content, prisma and
// node_modules linked from this one) but has its own files beside them: a .env, a data folder.
// `npm start` run there reads that directory's .env without touching the real checkout's.
import { mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export interface ProjectCopy {
  dir: string;
  remove(): void;
}

export function projectCopy(prefix = "study-bot-project-"): ProjectCopy {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  for (const entry of ["package.json", "tsconfig.json", "src", "content", "prisma", "node_modules"])
    symlinkSync(path.join(process.cwd(), entry), path.join(dir, entry));
  return { dir, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
