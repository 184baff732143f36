// What goes wrong opening the database at start-up, said in one sentence that names DATABASE_URL
// (or the file) and what to do, instead of a driver's stack trace. Never shows a password.
import type { DatabaseTarget } from "./database-url.ts";

export class DatabaseStartError extends Error {
  override name = "DatabaseStartError";
}

/** How long PostgreSQL gets to accept a connection (and answer its start-up) before start-up fails. */
export const POSTGRES_CONNECT_TIMEOUT_MS = 10_000;

const codeOf = (e: unknown): string => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === "string" ? code : "";
};
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** The SQLite file could not be created, opened, read or migrated. Unknown failures come back undefined (they keep their stack). */
export function explainSqliteError(e: unknown, file: string): DatabaseStartError | undefined {
  const code = codeOf(e);
  const where = `the SQLite database ${file} (DATABASE_URL)`;
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT" || code.startsWith("SQLITE_CORRUPT_"))
    return new DatabaseStartError(
      `${where} is not an SQLite database, or is damaged. Restore it from a backup, or move it away and start again to create an empty one.`,
    );
  if (
    code.startsWith("SQLITE_READONLY") ||
    code === "SQLITE_PERM" ||
    code === "SQLITE_AUTH" ||
    code === "EACCES" ||
    code === "EPERM" ||
    code === "EROFS"
  )
    return new DatabaseStartError(
      `${where} cannot be written: the bot's user needs to write the file and its folder (SQLite adds -wal and -shm files beside it). Fix the permissions, or set DATABASE_URL to a writable place.`,
    );
  if (
    code === "SQLITE_CANTOPEN" ||
    code.startsWith("SQLITE_CANTOPEN_") ||
    code === "ENOTDIR" ||
    code === "EEXIST" ||
    code === "EISDIR" ||
    /directory does not exist/.test(messageOf(e))
  )
    return new DatabaseStartError(
      `${where} cannot be opened or created there: check that its folder exists or can be created, and that the path names a file, not a folder.`,
    );
  if (code === "SQLITE_FULL" || code === "ENOSPC")
    return new DatabaseStartError(`${where} cannot grow: the disk is full. Free some space and start again.`);
  if (code.startsWith("SQLITE_IOERR"))
    return new DatabaseStartError(
      `${where} could not be read or written (an I/O error from the disk). Check the disk and the file, then start again.`,
    );
  return undefined;
}

/** PostgreSQL refused, could not be reached, or did not answer. Unknown failures come back undefined. */
export function explainPostgresError(
  e: unknown,
  target: Extract<DatabaseTarget, { provider: "postgres" }>,
): DatabaseStartError | undefined {
  let server = "the server";
  let database = "";
  let user = "";
  try {
    const url = new URL(target.url);
    server = `${url.hostname}:${url.port || "5432"}`;
    database = decodeURIComponent(url.pathname.replace(/^\//, ""));
    user = decodeURIComponent(url.username);
  } catch {
    // parseDatabaseUrl accepted it; a URL the WHATWG parser refuses still gets the general messages
  }
  const where = `PostgreSQL at ${server} (DATABASE_URL)`;
  const code = codeOf(e);
  const message = messageOf(e);
  if (code === "ECONNREFUSED")
    return new DatabaseStartError(`${where} refused the connection: is the server running, and are the host and port right?`);
  if (code === "ENOTFOUND" || code === "EAI_AGAIN")
    return new DatabaseStartError(`${where}: the host name cannot be resolved. Check the host in DATABASE_URL.`);
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH" || code === "ECONNRESET" || code === "ETIMEDOUT")
    return new DatabaseStartError(
      `${where} cannot be reached (${code}): check the address and the network between the bot and the server.`,
    );
  if (/timeout|timed out/i.test(message))
    return new DatabaseStartError(
      `${where} did not answer within ${POSTGRES_CONNECT_TIMEOUT_MS / 1000} s: check that the address is a PostgreSQL server and that it is not overloaded.`,
    );
  if (code === "3D000")
    return new DatabaseStartError(
      `${where} has no database ${JSON.stringify(database)}: create it (createdb ${database}, or CREATE DATABASE) or fix the name in DATABASE_URL.`,
    );
  if (code === "28P01" || code === "28000")
    return new DatabaseStartError(`${where} refused the user ${JSON.stringify(user)}: check the user name and password in DATABASE_URL.`);
  if (code === "42501")
    return new DatabaseStartError(
      `${where}: the user ${JSON.stringify(user)} may not create tables in ${JSON.stringify(database)}; grant it (or use the database's owner) so that the bot can migrate it.`,
    );
  if (code === "53300" || code === "57P03")
    return new DatabaseStartError(
      `${where} is not accepting connections now (${code === "53300" ? "too many connections" : "starting up or shutting down"}); try again shortly.`,
    );
  if (/SSL|certificate/i.test(message))
    return new DatabaseStartError(`${where}: the TLS connection failed. Check sslmode in DATABASE_URL and the server's certificate.`);
  return undefined;
}
