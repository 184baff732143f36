// DATABASE_URL decides the database: a Prisma-style `file:` URL for SQLite (the default, relative
// to the working directory or absolute), or postgres:// / postgresql:// for PostgreSQL.
import path from "node:path";

export type DatabaseTarget = { provider: "sqlite"; url: string; file: string } | { provider: "postgres"; url: string };

export const DEFAULT_DATABASE_URL = "file:./data/study-bot.db";

export function parseDatabaseUrl(url: string): DatabaseTarget {
  if (/^postgres(ql)?:\/\//.test(url)) return { provider: "postgres", url };
  if (url.startsWith("file:")) {
    // Prisma's form: file:./dev.db, file:/abs/dev.db, optionally with ?options (ignored here).
    const raw = decodeURIComponent(
      url
        .slice("file:".length)
        .replace(/^\/\/(?=\/)/, "")
        .split("?")[0] ?? "",
    );
    if (raw === "") throw new Error("DATABASE_URL: a file: URL needs a path, like file:./data/study-bot.db");
    if (raw === ":memory:")
      throw new Error(
        "DATABASE_URL: an in-memory SQLite database would lose everything at exit; name a file, like file:./data/study-bot.db",
      );
    return { provider: "sqlite", url, file: path.resolve(raw) };
  }
  throw new Error("DATABASE_URL must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)");
}

/** The URL with any password hidden, for logs. */
export function redactDatabaseUrl(url: string): string {
  return url.replace(/(\/\/[^:/@]+:)[^@]*@/, "$1***@");
}
