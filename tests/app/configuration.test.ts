// Configuration as `npm start` sees it, from outside the process: .env is read (the environment
// winning), a malformed .env or token stops the bot with a message naming the line or variable and
// never the value, before any network call, and CONSOLE=off with nothing configured says so and
// stays up instead of exiting into a restart loop.
import { writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PROCESS_TEST_MS, startChild, type RunningChild } from "../support/child-process.ts";
import { projectCopy, type ProjectCopy } from "../support/project-copy.ts";

/** An HTTP server that counts what reaches it (none of it should). */
async function countingServer(): Promise<{ url: string; requests: () => number; close(): Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((_req, res) => {
    requests++;
    res.writeHead(500).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api`,
    requests: () => requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe("npm start's configuration", () => {
  let project: ProjectCopy;
  let bot: RunningChild | undefined;
  beforeEach(() => {
    project = projectCopy();
  });
  afterEach(() => {
    bot?.killAll();
    bot = undefined;
    project.remove();
  });

  const start = (env: Record<string, string> = {}, input?: string) => {
    bot = startChild(["npm", "start", "--silent"], env, project.dir);
    if (input !== undefined) bot.child.stdin!.end(input);
    return bot;
  };

  it(
    "reads .env from the working directory, and a variable set in the environment wins over it",
    async () => {
      writeFileSync(path.join(project.dir, ".env"), "# settings\nDATABASE_URL=file:./from-dotenv.db\nLANG=ja_JP.UTF-8\n");
      const fromFile = start({}, "/quit\n");
      expect(await fromFile.exited, fromFile.stderr()).toEqual({ code: 0, signal: null });
      expect(fromFile.stdout()).toContain("file:./from-dotenv.db");

      // startChild sets LANG=C in the environment: it wins over .env's Japanese, and so does DATABASE_URL.
      const fromEnv = start({ DATABASE_URL: "file:./from-env.db" }, "/quit\n");
      expect(await fromEnv.exited, fromEnv.stderr()).toEqual({ code: 0, signal: null });
      expect(fromEnv.stdout()).toContain("Console mode: studying as console:local in file:./from-env.db.");
    },
    2 * PROCESS_TEST_MS,
  );

  it(
    "stops on a malformed .env, naming the file and line and not its content, exit 1",
    async () => {
      writeFileSync(path.join(project.dir, ".env"), "DATABASE_URL=file:./ok.db\nxoxb-pasted-secret-value\n");
      const run = start({}, "/quit\n");
      expect(await run.exited).toEqual({ code: 1, signal: null });
      expect(run.stderr()).toContain(".env line 2: expected NAME=value");
      expect(run.stderr()).not.toContain("pasted-secret-value");
      expect(run.stderr()).not.toMatch(/\n\s+at /); // no stack trace
    },
    PROCESS_TEST_MS,
  );

  it(
    "refuses malformed Discord and Slack tokens before any network call, naming each and printing none",
    async () => {
      const api = await countingServer();
      try {
        const run = start({
          DISCORD_TOKEN: "Bot MTIzNDU2Nzg5MDEyMzQ1Njc4.secret.value",
          DISCORD_APPLICATION_ID: "123456789012345678",
          SLACK_BOT_TOKEN: "xoxb-...",
          SLACK_APP_TOKEN: '"xapp-1-A0000-secretvalue"',
          SLACK_SIGNING_SECRET: "secretvalue",
          DISCORD_API_URL: api.url,
          SLACK_API_URL: api.url,
          DATABASE_URL: "file:./bot.db",
        });
        expect(await run.exited).toEqual({ code: 1, signal: null });
        for (const name of ["DISCORD_TOKEN", "SLACK_BOT_TOKEN", "SLACK_APP_TOKEN", "SLACK_SIGNING_SECRET"])
          expect(run.stderr()).toContain(`- ${name}: must be`);
        expect(run.stderr()).not.toContain("secret");
        expect(api.requests()).toBe(0);
      } finally {
        await api.close();
      }
    },
    PROCESS_TEST_MS,
  );

  it(
    "refuses a DISCORD_APPLICATION_ID that is not 17 to 20 digits, saying so",
    async () => {
      const run = start({
        DISCORD_TOKEN: "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.fake-discord-token-for-the-local",
        DISCORD_APPLICATION_ID: "12345",
      });
      expect(await run.exited).toEqual({ code: 1, signal: null });
      expect(run.stderr()).toContain("DISCORD_APPLICATION_ID: must be the Application ID");
      expect(run.stderr()).toContain("17 to 20 digits");
    },
    PROCESS_TEST_MS,
  );

  it(
    "with CONSOLE=off and no platform, says what to set and stays up, unhealthy, until SIGTERM (exit 0)",
    async () => {
      const run = start({ CONSOLE: "off", OPS_PORT: "0", LOG_LEVEL: "info", DATABASE_URL: "file:./bot.db" });
      await run.waitForOutput(/"port":\d+,"msg":"ops endpoints listening/);
      expect(run.stderr()).toContain("No Discord or Slack is configured");
      expect(run.stderr()).toContain("DISCORD_TOKEN");
      const port = Number(/"port":(\d+),"msg":"ops endpoints listening/.exec(run.stderr())![1]);
      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(503);
      expect(await health.json()).toMatchObject({ checks: { database: true, platform: false } });
      expect(run.child.exitCode).toBeNull();
      run.child.kill("SIGTERM");
      expect(await run.exited).toEqual({ code: 0, signal: null });
    },
    PROCESS_TEST_MS,
  );
});
