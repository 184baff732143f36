// Faults from outside the process, shared by the chaos test and the chaos benchmark: three bot
// instances (node on src/main.ts, as `npm start` runs it) on one database, sending through the local
// Discord, which answers with 429s, 500s, connection resets and stalls at random (seeded); every few
// seconds (once all three are up) one instance is SIGKILLed and started again. Learners due in the same minute and questions
// of the day closing are written into the database directly. The run ends when every reminder and
// every question's results are recorded, and then counts what Discord holds.
import { localDate } from "../../src/core/reminders/reminder-schedule.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import type { ChaosFault } from "../fakes/discord/chaos.ts";
import { startChild, type RunningChild } from "./child-process.ts";
import { FAKE_DISCORD_TOKEN } from "./discord-harness.ts";

const APPLICATION_ID = "1300000000000000001";

export interface ChaosRunOptions {
  databaseUrl: string;
  learners: number;
  teams: number;
  seed: string;
  /** How long a stalled request is held; discord.js gives up on an answer after 15 s and sends it again. */
  stallMs: number;
  rates: Partial<Record<ChaosFault, number>>;
  /** One instance is killed every this many milliseconds, give or take half (seeded). */
  killEveryMs: number;
  /** Give up waiting after this long. */
  timeoutMs: number;
  log?: (s: string) => void;
}

export interface ChaosResult {
  learners: number;
  /** Learners holding at least one reminder. */
  reached: number;
  /** Reminder messages beyond the first, over all learners. */
  duplicates: number;
  /** Learners holding none. */
  lost: number;
  questions: number;
  /** Questions whose channel holds exactly one results post. */
  resultsOnce: number;
  resultsPosts: number;
  kills: number;
  /** Reminder outcomes as the instances recorded them. */
  outcomes: Record<string, number>;
  faults: Record<ChaosFault, number>;
  nonceRepeats: number;
  seconds: number;
  /** The instances' error output, for a failing test to show. */
  logs: string;
}

export async function runChaos(o: ChaosRunOptions): Promise<ChaosResult> {
  const log = o.log ?? (() => undefined);
  const started = Date.now();
  const fake = await FakeDiscord.start({ applicationId: APPLICATION_ID, heartbeatIntervalMs: 20_000 });
  const instances: (RunningChild | null)[] = [null, null, null];
  const finished: RunningChild[] = [];
  let kills = 0;
  const start = (): RunningChild =>
    startChild(["node", "--max-semi-space-size=4", "--import", "tsx", "src/main.ts"], {
      DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: fake.restUrl,
      DATABASE_URL: o.databaseUrl,
      LOG_LEVEL: "info",
      // Every second, so a claim left behind is retried soon after its lease.
      JOBS_CRON: "* * * * * *",
      REMINDER_LEASE_SECONDS: "20",
    });
  const opened: { close(): Promise<void> }[] = [];
  try {
    const learners = Array.from({ length: o.learners }, () => fake.addUser());
    const guilds = Array.from({ length: o.teams }, () => fake.addGuild({ channels: 1, members: 1 }));
    // The first instance migrates the database and loads the deck; the others start after the seed.
    instances[0] = start();
    await instances[0].waitForOutput(/study bot running/, 120_000);
    const db = await openDatabase(o.databaseUrl);
    opened.push(db);
    const now = new Date();
    await seed(db.db, { now, learners: learners.map((u) => u.id), guilds: guilds.map((g) => ({ id: g.id, channelId: g.channelId(0) })) });
    log(`chaos: seeded ${o.learners} learners due at ${now.toISOString()} and ${o.teams} questions closing`);
    fake.chaos({ seed: o.seed, match: /^POST \/(channels\/\d+\/messages|users\/@me\/channels)$/, rates: o.rates, stallMs: o.stallMs });
    instances[1] = start();
    instances[2] = start();

    const random = seededRandom(`${o.seed}|kills`);
    let nextKill = Date.now() + o.killEveryMs * (0.5 + random());
    const done = async () => {
      const [sent, closed] = await Promise.all([
        db.db.reminderDelivery.count({ where: { sentAt: { not: null } } }),
        db.db.questionOfDay.count({ where: { closedAt: { not: null } } }),
      ]);
      return sent === o.learners && closed === o.teams;
    };
    let lastReport = 0;
    const up = new WeakSet<RunningChild>();
    while (!(await done())) {
      if (Date.now() - started > o.timeoutMs) throw new Error(`chaos: not done after ${o.timeoutMs} ms\n${await progress(db.db)}`);
      // The next kill once the last one's replacement is up: every instance is killed in turn, and the
      // run makes progress however slow a start-up is on a busy machine.
      for (const c of instances) if (c && !up.has(c) && /study bot running/.test(c.stderr())) up.add(c);
      const allUp = instances.every((c) => c !== null && up.has(c));
      if (Date.now() >= nextKill && allUp) {
        const k = Math.floor(random() * instances.length);
        const victim = instances[k];
        if (victim) {
          victim.killAll();
          await victim.exited;
          finished.push(victim);
          kills += 1;
        }
        instances[k] = start();
        nextKill = Date.now() + o.killEveryMs * (0.5 + random());
      }
      if (Date.now() - lastReport > 10_000) {
        lastReport = Date.now();
        log(`chaos: ${await progress(db.db)}, ${kills} kills`);
      }
      // The database is the signal: read it again shortly.
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const faults = fake.chaosCounts;
    fake.chaos(null);
    const outcomes = Object.fromEntries(
      (
        await db.db.$queryRaw<{ outcome: string | null; sends: number | bigint }[]>`
          SELECT "outcome", COUNT(*) AS "sends" FROM "ReminderDelivery" GROUP BY "outcome"`
      ).map((g) => [g.outcome ?? "none", Number(g.sends)]),
    );
    // Stop the instances; a request still held by a stall is answered when it ends, and counted.
    await Promise.all(
      instances.map(async (child) => {
        if (!child) return;
        child.child.kill("SIGTERM");
        const timer = setTimeout(() => child.killAll(), 15_000);
        await child.exited;
        clearTimeout(timer);
        finished.push(child);
      }),
    );
    instances.fill(null);
    // A request still held by a stall is answered when the stall ends (the nonce decides what it does).
    await fake.waitFor(() => fake.inFlight === 0, 60_000, "no request held");
    const perLearner = learners.map((u) => fake.dmMessages(u.id).length);
    const perQuestion = guilds.map((g) => fake.messagesIn(g.channelId(0)).length);
    return {
      learners: o.learners,
      reached: perLearner.filter((n) => n > 0).length,
      duplicates: perLearner.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
      lost: perLearner.filter((n) => n === 0).length,
      questions: o.teams,
      resultsOnce: perQuestion.filter((n) => n === 1).length,
      resultsPosts: perQuestion.reduce((a, b) => a + b, 0),
      kills,
      outcomes,
      faults,
      nonceRepeats: fake.nonceRepeats,
      seconds: (Date.now() - started) / 1000,
      logs: finished
        .map((c) => c.stderr())
        .join("\n")
        .slice(-20_000),
    };
  } finally {
    for (const child of instances) child?.killAll();
    for (const db of opened) await db.close();
    await fake.stop();
  }
}

type Db = Awaited<ReturnType<typeof openDatabase>>["db"];

async function progress(db: Db): Promise<string> {
  const [sent, claimed, closed] = await Promise.all([
    db.reminderDelivery.count({ where: { sentAt: { not: null } } }),
    db.reminderDelivery.count(),
    db.questionOfDay.count({ where: { closedAt: { not: null } } }),
  ]);
  return `${sent} reminders recorded sent (${claimed} claimed), ${closed} questions closed`;
}

/** Learners with cards due and a reminder due now, in UTC; teams with a posted question that closes in a few seconds. */
async function seed(db: Db, s: { now: Date; learners: string[]; guilds: { id: string; channelId: string }[] }): Promise<void> {
  const items = await db.item.findMany({ where: { teamId: null, retiredAt: null }, orderBy: { position: "asc" }, take: 200 });
  const graded = items.find((i) => ["multiple-choice", "true-false", "scenario"].includes(i.kind));
  if (!graded || items.length < 2) throw new Error("the deck has no graded item");
  const day = localDate(s.now, "UTC");
  const minute = s.now.getUTCHours() * 60 + s.now.getUTCMinutes();
  const yesterday = new Date(s.now.getTime() - 86_400_000);
  await db.team.createMany({
    data: s.guilds.map((g) => ({ id: `discord:${g.id}`, channelId: g.channelId, recapEnabled: false })),
  });
  const teamOf = (i: number) => `discord:${s.guilds[i % s.guilds.length]!.id}`;
  const chunk = 500;
  for (let i = 0; i < s.learners.length; i += chunk) {
    const ids = s.learners.slice(i, i + chunk);
    await db.user.createMany({
      data: ids.map((id, j) => ({
        id: `discord:${id}`,
        locale: "en",
        remindMinute: minute,
        remindWhen: "due",
        remindTeamId: teamOf(i + j),
        // Due only once everything is written (a running instance ticks meanwhile).
        nextReminderAt: null,
        nextReminderDay: day,
        nextReminderSlot: 0,
      })),
    });
    await db.member.createMany({ data: ids.map((id, j) => ({ teamId: teamOf(i + j), userId: `discord:${id}` })) });
    await db.cardState.createMany({
      data: ids.flatMap((id) =>
        items.slice(0, 2).map((item) => ({
          userId: `discord:${id}`,
          itemId: item.id,
          state: 2,
          due: yesterday,
          stability: 10,
          difficulty: 5,
          scheduledDays: 10,
          learningStep: 0,
          reps: 3,
          lapses: 0,
          lastReview: new Date(yesterday.getTime() - 10 * 86_400_000),
          version: 1,
        })),
      ),
    });
  }
  await db.user.updateMany({ where: { remindMinute: minute }, data: { nextReminderAt: s.now } });
  await db.questionOfDay.createMany({
    data: s.guilds.map((g, i) => ({
      id: `chaos-q-${i}`,
      teamId: `discord:${g.id}`,
      day,
      itemId: graded.id,
      channelId: g.channelId,
      messageRef: null,
      claimedAt: s.now,
      leaseUntil: s.now,
      postedAt: s.now,
      closesAt: new Date(s.now.getTime() + 2000),
    })),
  });
}
