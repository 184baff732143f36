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

/** Whether this process started the local server (then stopPostgresIfStarted stops it). */
let startedHere = false;

async function isRunning(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    return false;
  }
}

async function serverUrl(): Promise<string> {
  if (process.env.TEST_POSTGRES_URL) return process.env.TEST_POSTGRES_URL;
  try {
    const wasRunning = await isRunning(`postgresql://postgres@127.0.0.1:${process.env.TEST_POSTGRES_PORT ?? 55432}/postgres`);
    const { stdout } = await promisify(execFile)("bash", ["tests/support/postgres-server.sh"], { encoding: "utf8", timeout: 120_000 });
    if (!wasRunning) startedHere = true;
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

/** Stops the local PostgreSQL server if a benchmark started it. */
export async function stopPostgresIfStarted(): Promise<void> {
  if (!startedHere) return;
  startedHere = false;
  await promisify(execFile)("bash", ["tests/support/postgres-server.sh", "stop"], { encoding: "utf8", timeout: 60_000 });
}
