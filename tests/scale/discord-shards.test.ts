// DISCORD_SHARDS=2 under `npm start`: discord.js's ShardingManager runs two shard processes against
// the local Discord. Each answers the servers of its shard, DMs (shard 0 only) are answered, due
// reminders go out once (not once per shard), /healthz and /metrics speak for the whole bot, and
// SIGTERM stops the shards and the manager with exit code 0.
import { afterEach, describe, expect, it } from "vitest";
import { registerCommands } from "../../src/adapters/discord/register-commands.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import { waitUntil } from "../fakes/discord/wait.ts";
import type { FakeGuild } from "../fakes/discord/fake-guild.ts";
import { moreTicks, startChild, type RunningChild } from "../support/child-process.ts";
import { DATABASES } from "../support/databases.ts";
import { APPLICATION_ID, FAKE_DISCORD_TOKEN, textOf } from "../support/discord-harness.ts";
import { learnersWithDueReminders } from "../support/due-reminders.ts";
import type { TestBot } from "../support/test-bot.ts";

const shardOf = (guildId: string, count: number) => Number((BigInt(guildId) >> 22n) % BigInt(count));

/** One new server on each of shards 0 and 1 (of 2). */
function guildOnEachShard(fake: FakeDiscord): FakeGuild[] {
  return [0, 1].map((wanted) => {
    let guild = fake.addGuild();
    while (shardOf(guild.id, 2) !== wanted) guild = fake.addGuild();
    return guild;
  });
}

describe("Discord shards (DISCORD_SHARDS)", () => {
  let fake: FakeDiscord | undefined;
  let t: TestBot | undefined;
  let bot: RunningChild | undefined;
  let others: RunningChild[] = [];
  afterEach(async () => {
    for (const b of [bot, ...others]) b?.killAll();
    others = [];
    await fake?.stop();
    await t?.close();
  });

  it("runs two shards: guilds on both and DMs answered, reminders sent once, ops endpoints, SIGTERM exits 0", async () => {
    fake = await FakeDiscord.start({ applicationId: APPLICATION_ID, heartbeatIntervalMs: 5_000, recommendedShards: 2 });
    await registerCommands({ token: "fake-token", applicationId: APPLICATION_ID, apiUrl: fake.restUrl });
    const setup = await learnersWithDueReminders(fake, "sqlite", 4);
    t = setup.t;
    bot = startChild(["npm", "start", "--silent"], {
      DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: fake.restUrl,
      DISCORD_SHARDS: "auto",
      DATABASE_URL: t.url,
      JOBS_CRON: "* * * * * *",
      OPS_PORT: "0",
      // debug: each job tick is logged, the signal that more ticks have happened.
      LOG_LEVEL: "debug",
    });
    await bot.waitForOutput(/study bot running/, 60_000);
    const running = bot;
    const opsPort = Number(/"port":(\d+)[^\n]*ops endpoints listening/.exec(running.stdout() + running.stderr())?.[1]);
    expect(opsPort).toBeGreaterThan(0);
    expect(fake.readyShards.map((s) => s.join("/")).sort()).toEqual(["0/2", "1/2"]);

    // A server on each shard: the fake sends each one's interactions to its own shard's session only.
    const guilds = guildOnEachShard(fake);
    const user = fake.addUser();
    for (const guild of guilds) {
      const study = fake.interact.command({ name: "study", user, guildId: guild.id });
      await study.settled(50);
      expect(textOf(study.messages()[0]), running.stdout() + running.stderr()).toContain("New card");
    }
    const inDm = fake.interact.command({ name: "stats", user });
    await inDm.settled(50);
    expect(inDm.messages().length).toBeGreaterThan(0);
    // Each shard draws pictures on its own threads: /stats answered in the DM (shard 0) and on shard
    // 1's server gets its PNG added to the text, with the text as its description.
    const onShard1 = fake.interact.command({ name: "stats", user, guildId: guilds[1]!.id });
    await onShard1.settled(50);
    for (const asked of [inDm, onShard1]) {
      const pictured = await waitUntil(
        () => asked.messages().find((m) => m.attachments.length > 0),
        30_000,
        () => `no /stats picture: ${running.stdout()}${running.stderr()}`,
      );
      expect(pictured.attachments[0]!.filename).toMatch(/^stats-\d{4}-\d{2}-\d{2}\.png$/);
      expect(pictured.attachments[0]!.description).toContain("Reviewed today");
      expect(
        asked
          .requests()
          .flatMap((r) => r.files)[0]!
          .bytes.subarray(1, 4)
          .toString("latin1"),
      ).toBe("PNG");
    }

    // Scheduled sends come from the manager only: each learner gets one reminder over several ticks.
    const dms = () => setup.userIds.map((id) => fake!.dmMessages(id).length);
    await fake.waitFor(() => dms().every((n) => n >= 1), 20_000, "every learner reminded");
    await moreTicks([running], 3);
    expect(dms()).toEqual([1, 1, 1, 1]);

    const health = await fetch(`http://127.0.0.1:${opsPort}/healthz`);
    expect(health.status).toBe(200);
    const metrics = await (await fetch(`http://127.0.0.1:${opsPort}/metrics`)).text();
    const studied = /study_bot_interactions_total\{platform="discord",kind="command:study",outcome="ok"\} (\d+)/.exec(metrics);
    expect(Number(studied?.[1]), metrics).toBe(2);
    expect(metrics).toMatch(/study_bot_reminders_sent_total\{platform="discord"\} 4/);

    running.child.kill("SIGTERM");
    const started = Date.now();
    expect(await running.exited, running.stderr()).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    await fake.waitFor(() => fake!.readyShards.length === 0, 5_000, "both shards disconnected");
    expect(running.stdout() + running.stderr()).not.toContain(FAKE_DISCORD_TOKEN);
  }, 120_000);

  it("splits the shards over two instances (DISCORD_SHARD_LIST): each server answered once, reminders sent once", async () => {
    const kind = DATABASES.at(-1)!; // PostgreSQL when the suite has it: the several-instances setup
    fake = await FakeDiscord.start({ applicationId: APPLICATION_ID, heartbeatIntervalMs: 5_000 });
    await registerCommands({ token: "fake-token", applicationId: APPLICATION_ID, apiUrl: fake.restUrl });
    const setup = await learnersWithDueReminders(fake, kind, 4);
    t = setup.t;
    const instance = (shardList: string) =>
      startChild([process.execPath, "--import", "tsx", "src/main.ts"], {
        DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
        DISCORD_APPLICATION_ID: APPLICATION_ID,
        DISCORD_API_URL: fake!.restUrl,
        DISCORD_SHARDS: "2",
        DISCORD_SHARD_LIST: shardList,
        DATABASE_URL: setup.t.url,
        JOBS_CRON: "* * * * * *",
        LOG_LEVEL: "debug",
      });
    others = [instance("0"), instance("1")];
    await Promise.all(others.map((b) => b.waitForOutput(/study bot running/, 60_000)));
    expect(fake.readyShards.map((s) => s.join("/")).sort()).toEqual(["0/2", "1/2"]); // one session per shard

    const user = fake.addUser();
    const answered = [];
    for (const guild of guildOnEachShard(fake)) {
      const study = fake.interact.command({ name: "study", user, guildId: guild.id });
      await study.settled(50);
      answered.push(study);
    }
    const inDm = fake.interact.command({ name: "stats", user });
    await inDm.settled(50);
    for (const handle of [...answered, inDm]) expect(handle.messages().length).toBeGreaterThan(0);
    expect(fake.requestsTo("POST", "/interactions/:id/:token/callback")).toHaveLength(3); // never answered twice

    const dms = () => setup.userIds.map((id) => fake!.dmMessages(id).length);
    await fake.waitFor(() => dms().every((n) => n >= 1), 20_000, "every learner reminded");
    await moreTicks(others, 3);
    expect(dms()).toEqual([1, 1, 1, 1]);
    for (const b of others) b.child.kill("SIGTERM");
    for (const b of others) expect(await b.exited, b.stderr()).toEqual({ code: 0, signal: null });
  }, 120_000);
});
