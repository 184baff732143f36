// "Dispatch through a fake platform enforcing 50 requests/s: the share of that limit used (target
// >= 90%) with no 429 after the first": due reminders sent by the real ReminderDispatcher and
// DiscordSender (discord.js's REST client) to the local fake Discord, which answers 429 past 50
// requests in any one-second window. A first reminder opens the DM channel, then posts (two
// requests); the next day's posts at once (one request, the channel being cached).
import { Bot } from "../../src/core/bot.ts";
import { Catalog } from "../../src/core/deck/catalog.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { DiscordSender } from "../../src/adapters/discord/discord-sender.ts";
import { ReminderDispatcher } from "../../src/jobs/reminder-dispatcher.ts";
import { createLogger } from "../../src/ops/logger.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import type { BenchRow } from "./bench-table.ts";
import { migratedSqliteFile } from "./migrated-sqlite-file.ts";
import { seedReminderPeople } from "./reminder-people-seed.ts";

export interface RemindersDispatchOptions {
  reminders: number;
}

const APP = "1100000000000000001";
const TEAM = "discord:1200000000000000001";
const NOW = new Date("2026-11-20T09:00:00Z");
const DAY_MS = 86_400_000;
const LIMIT_PER_SECOND = 50;
const TARGET_SHARE = 0.9;

interface Round {
  label: string;
  sent: number;
  requests: number;
  rateLimited: number;
  seconds: number;
  /** When each 429 came, in seconds after the round began. */
  limitedAt: number[];
}

export async function benchRemindersDispatch(o: RemindersDispatchOptions, log: (s: string) => void): Promise<BenchRow[]> {
  const fake = await FakeDiscord.start({ applicationId: APP });
  const target = await migratedSqliteFile(NOW);
  const sender = new DiscordSender({ token: "fake-token", apiUrl: fake.restUrl });
  try {
    const users = Array.from({ length: o.reminders }, () => fake.addUser());
    seedReminderPeople(target.file, {
      people: users.map((u) => ({
        id: `discord:${u.id}`,
        timeZone: "UTC",
        remindMinute: 9 * 60,
        nextReminderAt: NOW,
        nextReminderDay: "2026-11-20",
        teamId: TEAM,
      })),
      itemIds: target.itemIds,
      cardsPerPerson: 5,
      dueCardsPerPerson: 3,
      now: NOW,
    });
    const opened = await openDatabase(target.url);
    const stores = openStores(opened.db);
    const bot = new Bot({
      stores,
      catalog: new Catalog(target.library.topics, target.library.sections),
      random: seededRandom("bench"),
      defaultTimeZone: () => "UTC",
    });
    const dispatcher = new ReminderDispatcher({
      reminders: stores.reminders,
      teams: stores.teams,
      bot,
      sender,
      logger: createLogger("silent"),
      owner: "bench",
    });
    fake.enforceGlobalRateLimit(LIMIT_PER_SECOND);

    const round = async (label: string, at: Date): Promise<Round> => {
      const seen = fake.requests.length;
      const limited = fake.rateLimited;
      const started = Date.now();
      const t0 = performance.now();
      const report = await dispatcher.tick(at);
      const seconds = (performance.now() - t0) / 1000;
      if (report.sent !== o.reminders) throw new Error(`${label}: ${JSON.stringify(report)}, expected ${o.reminders} sent`);
      const requests = fake.requests.slice(seen);
      const r: Round = {
        label,
        sent: report.sent,
        requests: requests.filter((q) => q.status !== 429).length,
        rateLimited: fake.rateLimited - limited,
        seconds,
        limitedAt: requests.filter((q) => q.status === 429).map((q) => (q.at - started) / 1000),
      };
      log(
        `reminders-dispatch, ${label}: ${r.sent} sent, ${r.requests} requests answered and ${r.rateLimited} 429s in ${seconds.toFixed(1)} s` +
          (r.limitedAt.length > 0 ? ` (429s at ${r.limitedAt.map((s) => s.toFixed(2)).join(", ")} s)` : ""),
      );
      return r;
    };
    const rounds: Round[] = [];
    try {
      rounds.push(await round("first reminders, 2 req each", NOW));
      // The next day's reminders: the same people, their DM channels known. A day apart, neither
      // side's one-second window still holds the first round's requests.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      rounds.push(await round("next-day reminders, 1 req each", new Date(NOW.getTime() + DAY_MS)));
    } finally {
      await opened.close();
    }

    return rounds.flatMap((r) => {
      const perSecond = r.requests / r.seconds;
      const share = perSecond / LIMIT_PER_SECOND;
      const name = `reminders-dispatch: ${r.sent} ${r.label}`;
      return [
        {
          benchmark: `${name}, share of ${LIMIT_PER_SECOND} req/s (ops = reminders)`,
          opsPerSec: r.sent / r.seconds,
          value: `${(100 * share).toFixed(1)}% (${perSecond.toFixed(1)} req/s, ${r.requests} in ${r.seconds.toFixed(1)} s)`,
          target: `>= ${100 * TARGET_SHARE}%`,
          met: share >= TARGET_SHARE,
        },
        {
          benchmark: `${name}, 429 answers`,
          value: String(r.rateLimited),
          target: "<= 1 (none after the first)",
          met: r.rateLimited <= 1,
        },
      ];
    });
  } finally {
    sender.rest.clearHashSweeper();
    sender.rest.clearHandlerSweeper();
    await fake.stop();
    target.remove();
  }
}
