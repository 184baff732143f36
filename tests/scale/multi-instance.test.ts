// Several bot processes on one database, ticking together: every due reminder goes out once (counted
// by the local Discord), also when a process is killed with SIGKILL between claiming a reminder and
// sending it. On SQLite (two processes, one file) and on PostgreSQL (three processes).
import { afterEach, describe, expect, it } from "vitest";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import { moreTicks, startChild, type RunningChild } from "../support/child-process.ts";
import { DATABASES, type DatabaseKind } from "../support/databases.ts";
import { APPLICATION_ID, FAKE_DISCORD_TOKEN } from "../support/discord-harness.ts";
import { learnersWithDueReminders } from "../support/due-reminders.ts";
import type { TestBot } from "../support/test-bot.ts";

const LEARNERS = 12;

interface Setup {
  fake: FakeDiscord;
  t: TestBot;
  userIds: string[];
}

async function setup(kind: DatabaseKind): Promise<Setup> {
  const fake = await FakeDiscord.start({ applicationId: APPLICATION_ID, heartbeatIntervalMs: 5_000 });
  return { fake, ...(await learnersWithDueReminders(fake, kind, LEARNERS)) };
}

function startBot(s: Setup, name: string): RunningChild {
  return startChild([process.execPath, "--import", "tsx", "src/main.ts"], {
    DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
    DISCORD_APPLICATION_ID: APPLICATION_ID,
    DISCORD_API_URL: s.fake.restUrl,
    DATABASE_URL: s.t.url,
    JOBS_CRON: "* * * * * *",
    REMINDER_LEASE_SECONDS: "3",
    // debug: each job tick is logged, the signal that more ticks have happened.
    LOG_LEVEL: "debug",
    BOT_NAME: name,
  });
}

const dmsTo = (s: Setup) => s.userIds.map((id) => s.fake.dmMessages(id).length);

describe.each(DATABASES)("several instances on %s", (kind) => {
  const processes = kind === "sqlite" ? 2 : 3;
  let s: Setup | undefined;
  let bots: RunningChild[] = [];
  afterEach(async () => {
    for (const b of bots) b.killAll();
    bots = [];
    if (s) {
      await s.fake.stop();
      await s.t.close();
    }
  });

  it(`${processes} processes ticking together send each due reminder once`, async () => {
    s = await setup(kind);
    bots = Array.from({ length: processes }, (_, i) => startBot(s!, `bot-${i}`));
    await Promise.all(bots.map((b) => b.waitForOutput(/study bot running/, 40_000)));
    await s.fake.waitFor(() => dmsTo(s!).every((n) => n >= 1), 20_000, "every learner reminded");
    await moreTicks(bots, 3); // more ticks, from every process
    expect(dmsTo(s)).toEqual(new Array(LEARNERS).fill(1));
    const deliveries = await s.t.db.reminderDelivery.findMany({ select: { outcome: true, claimedBy: true } });
    expect(deliveries.map((d) => d.outcome)).toEqual(new Array(LEARNERS).fill("sent"));
  }, 90_000);

  it("sends a reminder once when the process that claimed it is killed before sending", async () => {
    s = await setup(kind);
    // The first process claims a reminder, then hangs opening the DM: it is killed there.
    s.fake.slowNext({ method: "POST", path: "/users/@me/channels", ms: 60_000 });
    const doomed = startBot(s, "doomed");
    bots.push(doomed);
    // Claimed and not sent: the process is inside its send (held by the slow DM open) when it dies.
    const claimed = await s.fake.waitFor(
      async () => {
        const rows = await s!.t.db.reminderDelivery.findMany({ where: { sentAt: null } });
        return rows.length >= 1 ? rows : undefined;
      },
      40_000,
      "a claimed reminder",
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(claimed.length).toBeGreaterThanOrEqual(1);
    doomed.child.kill("SIGKILL");
    await doomed.exited;
    const survivors = Array.from({ length: processes - 1 }, (_, i) => startBot(s!, `survivor-${i}`));
    bots.push(...survivors);
    await s.fake.waitFor(() => dmsTo(s!).every((n) => n >= 1), 40_000, "every learner reminded after the lease");
    await moreTicks(survivors, 3);
    expect(dmsTo(s)).toEqual(new Array(LEARNERS).fill(1));
  }, 120_000);
});
