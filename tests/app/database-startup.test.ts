// Start-up against a database that cannot be used: each fault gets one sentence naming
// DATABASE_URL (or the file) and what to do, and exit 1, never a stack trace and never a password;
// PostgreSQL that accepts a connection and never answers fails after its connection timeout instead
// of hanging. A SQLite file that DATABASE_URL names but that is not there is created, and said so.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROCESS_TEST_MS, startChild, type RunningChild } from "../support/child-process.ts";

const main = [process.execPath, "--import", "tsx", "src/main.ts"];

describe("npm start on a database it cannot use", () => {
  let dir: string;
  let bot: RunningChild | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-db-start-"));
    chmodSync(dir, 0o755);
  });
  afterEach(() => {
    bot?.killAll();
    bot = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  async function refused(env: Record<string, string>, as?: { uid: number; gid: number }) {
    bot = startChild(main, { LOG_LEVEL: "warn", ...env }, process.cwd(), as);
    bot.child.stdin!.end("/quit\n");
    const exit = await bot.exited;
    const stderr = bot.stderr();
    expect(exit, stderr).toEqual({ code: 1, signal: null });
    expect(stderr).toMatch(/^Cannot start: /);
    expect(stderr).toContain("DATABASE_URL");
    expect(stderr, "no stack trace").not.toMatch(/\n\s+at /);
    return stderr;
  }

  it(
    "a corrupt SQLite file: names it, says to restore or move it away",
    async () => {
      const file = path.join(dir, "bot.db");
      writeFileSync(file, randomBytes(8192));
      const stderr = await refused({ DATABASE_URL: `file:${file}` });
      expect(stderr).toContain(`the SQLite database ${file} (DATABASE_URL) is not an SQLite database, or is damaged`);
      expect(stderr).toContain("Restore it from a backup");
    },
    PROCESS_TEST_MS,
  );

  it(
    "a SQLite path whose folder cannot be created (a file is in the way)",
    async () => {
      writeFileSync(path.join(dir, "not-a-folder"), "");
      const file = path.join(dir, "not-a-folder", "bot.db");
      const stderr = await refused({ DATABASE_URL: `file:${file}` });
      expect(stderr).toContain(`the SQLite database ${file} (DATABASE_URL) cannot be opened or created there`);
    },
    PROCESS_TEST_MS,
  );

  it(
    "a read-only SQLite file and folder: says the bot's user must write both",
    async () => {
      // Root ignores file permissions: run the bot as nobody then.
      const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : undefined;
      const file = path.join(dir, "bot.db");
      writeFileSync(file, "");
      chmodSync(file, 0o444);
      chmodSync(dir, 0o555);
      try {
        const stderr = await refused({ DATABASE_URL: `file:${file}`, HOME: dir }, as);
        expect(stderr).toContain(`the SQLite database ${file} (DATABASE_URL) cannot be written`);
        expect(stderr).toContain("Fix the permissions");
      } finally {
        chmodSync(dir, 0o755);
      }
    },
    PROCESS_TEST_MS,
  );

  it(
    "PostgreSQL refusing connections: says to check that it runs, without the password",
    async () => {
      const port = await new Promise<number>((resolve) => {
        const probe = createServer().listen(0, "127.0.0.1", () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      });
      const stderr = await refused({ DATABASE_URL: `postgresql://study:hunter2-password@127.0.0.1:${port}/study` });
      expect(stderr).toContain(`PostgreSQL at 127.0.0.1:${port} (DATABASE_URL) refused the connection`);
      expect(stderr).not.toContain("hunter2");
    },
    PROCESS_TEST_MS,
  );

  it(
    "PostgreSQL that accepts the connection and never answers: fails after the connection timeout instead of hanging",
    async () => {
      const sockets = new Set<Socket>();
      const silent = createServer((s) => sockets.add(s));
      await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
      const { port } = silent.address() as { port: number };
      try {
        const stderr = await refused({ DATABASE_URL: `postgresql://study:hunter2-password@127.0.0.1:${port}/study` });
        expect(stderr).toContain(`PostgreSQL at 127.0.0.1:${port} (DATABASE_URL) did not answer within 10 s`);
        expect(stderr).not.toContain("hunter2");
      } finally {
        for (const s of sockets) s.destroy();
        await new Promise((resolve) => silent.close(resolve));
      }
    },
    PROCESS_TEST_MS,
  );

  it.skipIf(!process.env.TEST_POSTGRES_URL)(
    "a PostgreSQL database that does not exist: says to create it",
    async () => {
      const url = new URL(process.env.TEST_POSTGRES_URL!);
      url.pathname = "/no_such_study_db";
      const stderr = await refused({ DATABASE_URL: url.toString() });
      expect(stderr).toContain('has no database "no_such_study_db": create it');
    },
    PROCESS_TEST_MS,
  );
});

describe("npm start on a SQLite file DATABASE_URL names but that is not there", () => {
  let dir: string;
  let bot: RunningChild | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-db-gone-"));
  });
  afterEach(() => {
    bot?.killAll();
    bot = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "creates it and says so in the console banner",
    async () => {
      const file = path.join(dir, "volume", "bot.db");
      bot = startChild(main, { DATABASE_URL: `file:${file}` });
      bot.child.stdin!.end("/quit\n");
      expect(await bot.exited, bot.stderr()).toEqual({ code: 0, signal: null });
      expect(bot.stdout()).toContain(`DATABASE_URL names ${file}, which did not exist, so a new, empty database was created there.`);
    },
    PROCESS_TEST_MS,
  );

  it(
    "creates it and warns in the log when running as a service",
    async () => {
      const file = path.join(dir, "volume", "bot.db");
      mkdirSync(path.dirname(file));
      bot = startChild(main, { DATABASE_URL: `file:${file}`, CONSOLE: "off", LOG_LEVEL: "warn" });
      await bot.waitForOutput(/No Discord or Slack is configured/);
      expect(bot.stderr()).toMatch(/"level":40,.*"database":".*volume\/bot\.db","msg":"DATABASE_URL names a file that did not exist/);
      bot.child.kill("SIGTERM");
      expect(await bot.exited).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_MS,
  );
});
