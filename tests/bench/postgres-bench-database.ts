// A fresh PostgreSQL database for a benchmark, on the server TEST_POSTGRES_URL names, else on the
// throwaway local server tests/support/postgres-server.sh starts (or finds running). Without any
// PostgreSQL the benchmark gets the reason instead, so the run goes on.
import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { promisify } from "node:util";
import pg from "pg";

export interface PostgresBenchDatabase {
  url: string;
  drop(): Promise<void>;
}

/** Whether this run started the local server (then `stopStartedPostgres` stops it at the end). */
let startedServer = false;

async function serverUrl(): Promise<string> {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  try {
    const { stdout, stderr } = await promisify(execFile)("bash", ["tests/support/postgres-server.sh"], {
      encoding: "utf8",
      timeout: 120_000,
    });
    if (/^started PostgreSQL/m.test(stderr)) startedServer = true;
    return stdout.trim();
  } catch (e) {
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || (e instanceof Error ? e.message : String(e)));
  }
}

async function onAdmin<T>(admin: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new empty database `bench_<random>`, or why there is none. */
export async function postgresBenchDatabase(): Promise<PostgresBenchDatabase | { unavailable: string }> {
  let admin: string;
  try {
    admin = await serverUrl();
    const name = `bench_${randomBytes(6).toString("hex")}`;
    await onAdmin(admin, (c) => c.query(`CREATE DATABASE ${name}`));
    const url = new URL(admin);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: () => onAdmin(admin, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  } catch (e) {
    return { unavailable: (e instanceof Error ? e.message : String(e)).split("\n")[0] ?? "unknown error" };
  }
}

/** Stops the local PostgreSQL server if this run started it; a server that was already running is left alone. */
export async function stopStartedPostgres(): Promise<void> {
  if (!startedServer) return;
  startedServer = false;
  await promisify(execFile)("bash", ["tests/support/postgres-server.sh", "stop"], { encoding: "utf8", timeout: 60_000 });
}
