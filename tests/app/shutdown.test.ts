// `npm start` stops within 10 seconds of SIGTERM and exits 0 whatever has become unreachable: the
// Discord gateway, Slack, or the database; and a SIGTERM while a platform is still connecting stops
// it too, as does one while a learner's parameters are being fitted. Each case runs the real entry
// point as a child process against the local fakes.
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server, type Socket } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import { FakeSlack } from "../fakes/slack/fake-slack.ts";
import { PROCESS_TEST_MS, startChild, type RunningChild } from "../support/child-process.ts";
import { freshDatabase, type TestDatabase } from "../support/databases.ts";
import { APPLICATION_ID, FAKE_DISCORD_TOKEN } from "../support/discord-harness.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { parametersAround, simulateLearner, storeHistory } from "../support/simulated-learner.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { PrismaParameterStore } from "../../src/storage/prisma/parameter-store.ts";

/** The promise is 10 s; the test waits a little longer so that a loaded machine does not fail it spuriously. */
const EXIT_WAIT_MS = 15_000;

async function exitAfterSigterm(bot: RunningChild): Promise<{ code: number | null; signal: NodeJS.Signals | null } | "still running"> {
  bot.child.kill("SIGTERM");
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"still running">((resolve) => {
    timer = setTimeout(() => resolve("still running"), EXIT_WAIT_MS);
  });
  try {
    return await Promise.race([bot.exited, late]);
  } finally {
    clearTimeout(timer);
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** A TCP server that accepts connections and never answers (a peer that has gone silent). */
async function silentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}/api`,
    close: () => {
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

/** Forwards TCP to PostgreSQL until told to go silent: then every connection stays open and nothing more passes. */
async function postgresProxy(target: URL): Promise<{ port: number; silence(): void; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  let silent = false;
  const server: Server = createServer((client) => {
    const upstream = new (client.constructor as typeof Socket)();
    upstream.connect(Number(target.port || 5432), target.hostname);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on("close", () => sockets.delete(s));
      s.on("error", () => undefined);
    }
    client.on("data", (d) => silent || upstream.write(d));
    upstream.on("data", (d) => silent || client.write(d));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    silence: () => {
      silent = true;
    },
    close: () => {
      for (const s of sockets) s.destroy();
      return new Promise((resolve) => server.close(() => resolve()));
    },
  };
}

describe("SIGTERM stops the bot and exits 0 whatever is unreachable", () => {
  let dir: string;
  let bot: RunningChild | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-shutdown-"));
  });
  afterEach(() => {
    bot?.killAll();
    bot = undefined;
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    "exits 0 after SIGTERM when the Discord gateway has gone away",
    async () => {
      const discord = await FakeDiscord.start({ applicationId: APPLICATION_ID });
      try {
        bot = startChild(["npm", "start", "--silent"], {
          DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
          DISCORD_APPLICATION_ID: APPLICATION_ID,
          DISCORD_API_URL: discord.restUrl,
          DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
          LOG_LEVEL: "info",
        });
        await bot.waitForOutput(/study bot running/);
      } finally {
        await discord.stop();
      }
      await bot.waitForOutput(/discord shard reconnecting/);
      expect(await exitAfterSigterm(bot), bot.stderr()).toEqual({ code: 0, signal: null });
      expect(bot.stderr()).toContain('"msg":"stopped"');
    },
    PROCESS_TEST_MS,
  );

  it(
    "exits 0 after SIGTERM when Slack (Socket Mode and its Web API) has gone away",
    async () => {
      const slack = await FakeSlack.start();
      try {
        bot = startChild(["npm", "start", "--silent"], {
          SLACK_BOT_TOKEN: "xoxb-fake-bot-token",
          SLACK_APP_TOKEN: "xapp-fake-app-token",
          SLACK_API_URL: slack.apiUrl,
          DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
          LOG_LEVEL: "info",
        });
        await bot.waitForOutput(/study bot running/);
      } finally {
        await slack.stop();
      }
      expect(await exitAfterSigterm(bot), bot.stderr()).toEqual({ code: 0, signal: null });
      expect(bot.stderr()).toContain('"msg":"stopped"');
    },
    PROCESS_TEST_MS,
  );

  it(
    "exits 0 after SIGTERM while Discord's API accepts the connection but never answers at start-up",
    async () => {
      const silent = await silentServer();
      try {
        bot = startChild(["npm", "start", "--silent"], {
          DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
          DISCORD_APPLICATION_ID: APPLICATION_ID,
          DISCORD_API_URL: silent.url,
          DATABASE_URL: `file:${path.join(dir, "bot.db")}`,
          LOG_LEVEL: "info",
        });
        await bot.waitForOutput(/database ready/);
        expect(await exitAfterSigterm(bot), bot.stderr()).toEqual({ code: 0, signal: null });
        expect(bot.stderr()).toContain("shutting down while starting");
      } finally {
        await silent.close();
      }
    },
    PROCESS_TEST_MS,
  );

  it(
    "exits 0 after SIGTERM with a parameter fit under way: its process ends too, the claim is given back, nothing is written",
    async () => {
      const url = `file:${path.join(dir, "bot.db")}`;
      const learner = "discord:900000000000000001";
      // A long history (several sets of cards), so the fit is still running when the signal comes.
      const seeded = await openDatabase(url);
      try {
        const sets = Array.from({ length: 4 }, (_, s) => Array.from({ length: 300 }, (_, i) => `fit-${s}-${i}`));
        await syncLibrary(seeded.db, aLibrary(sets.flat().map((id) => aFlashcard(id))), new Date());
        for (const [s, itemIds] of sets.entries()) {
          const history = simulateLearner({
            seed: `shutdown-${s}`,
            trueParameters: parametersAround(`shutdown-${s}`),
            itemIds,
            days: 365,
            newPerDay: 4,
            start: new Date("2025-01-01T00:00:00Z"),
          });
          await storeHistory(seeded.db, learner, "discord:800000000000000001", history);
        }
        expect(await new PrismaParameterStore(seeded.db).requestFit(learner, new Date())).toBe(true);
      } finally {
        await seeded.close();
      }
      const discord = await FakeDiscord.start({ applicationId: APPLICATION_ID });
      try {
        bot = startChild(["npm", "start", "--silent"], {
          DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
          DISCORD_APPLICATION_ID: APPLICATION_ID,
          DISCORD_API_URL: discord.restUrl,
          DATABASE_URL: url,
          JOBS_CRON: "* * * * * *",
          LOG_LEVEL: "info",
        });
        await bot.waitForOutput(/"msg":"parameter fit started"/);
        const pid = Number(/"fitPid":(\d+)[^\n]*"msg":"parameter fit started"/.exec(bot.stderr())?.[1]);
        expect(pid).toBeGreaterThan(0);
        expect(await exitAfterSigterm(bot), bot.stderr()).toEqual({ code: 0, signal: null });
        expect(bot.stderr()).toContain('"msg":"stopped"');
        // The fitting process went with the bot (signal 0 only asks whether it is still there).
        await expect.poll(() => isRunning(pid), { timeout: EXIT_WAIT_MS, interval: 50 }).toBe(false);
      } finally {
        await discord.stop();
      }
      const after = await openDatabase(url);
      try {
        // No attempt recorded, no parameters adopted, the claim given back: the learner is due for the next instance.
        expect(await after.db.parameterFit.findUnique({ where: { userId: learner } })).toMatchObject({
          attemptedAt: null,
          outcome: null,
          claimedUntil: null,
          requestedAt: expect.any(Date),
        });
        expect(await after.db.user.findUnique({ where: { id: learner } })).toMatchObject({ fsrsParameters: null, fsrsSource: null });
      } finally {
        await after.close();
      }
    },
    PROCESS_TEST_MS,
  );

  it.skipIf(!process.env.TEST_POSTGRES_URL)(
    "exits 0 after SIGTERM when PostgreSQL has gone silent",
    async () => {
      const database: TestDatabase = await freshDatabase("postgres");
      const discord = await FakeDiscord.start({ applicationId: APPLICATION_ID });
      const target = new URL(database.url);
      const proxy = await postgresProxy(target);
      const viaProxy = new URL(database.url);
      viaProxy.host = `127.0.0.1:${proxy.port}`;
      try {
        bot = startChild(["npm", "start", "--silent"], {
          DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
          DISCORD_APPLICATION_ID: APPLICATION_ID,
          DISCORD_API_URL: discord.restUrl,
          DATABASE_URL: viaProxy.toString(),
          LOG_LEVEL: "info",
        });
        await bot.waitForOutput(/study bot running/);
        proxy.silence();
        expect(await exitAfterSigterm(bot), bot.stderr()).toEqual({ code: 0, signal: null });
        expect(bot.stderr()).toContain('"msg":"stopped"');
      } finally {
        bot?.killAll();
        await proxy.close();
        await discord.stop();
        await database.drop();
      }
    },
    PROCESS_TEST_MS,
  );
});
