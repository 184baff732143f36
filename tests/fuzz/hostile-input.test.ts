// Random and malformed button payloads and command options, thrown at the core and at both adapters
// (the real discord.js client and the real Bolt App against the local fakes): nothing crashes,
// every one is answered with a clear message, and nothing is written.
import fc from "fast-check";
import { InteractionResponseType } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseAction } from "../../src/core/actions/action-id.ts";
import { parseCommandLine } from "../../src/core/commands/parse-command-line.ts";
import type { Actor } from "../../src/core/identity.ts";
import { blockActionsPayload, slashCommandPayload } from "../fakes/slack/payloads.ts";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";
import { startSlackHarness, type SlackHarness } from "../support/slack-harness.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const library = aLibrary([aFlashcard("card-1"), aChoiceQuestion("q-1")]);
const RUNS = 1000;

/** Ids that look like ours but are broken, and plain garbage: none of them parses. */
const malformedActionId = fc
  .oneof(
    fc.string({ maxLength: 120 }),
    fc.string({ unit: "binary", maxLength: 60 }),
    fc
      .tuple(
        fc.constantFrom("st", "sa", "rt", "sp", "cr", "qa", "qn", "qs", "ud", "lb", "sn", "qd", "fm", "rp", "rs"),
        fc.array(fc.string({ maxLength: 30 }), { maxLength: 6 }),
      )
      .map(([p, parts]) => [p, ...parts].join(":")),
    fc
      .tuple(
        fc.constantFrom("rt:card-1:", "sa:card-1:", "sp:q-1:", "cr:q-1:0:", "qa:0123456789:", "rp:card-1:", "rs:card-1:"),
        fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 10 })),
      )
      .map(([p, x]) => `${p}${String(x)}:99:x`),
    fc.constantFrom(
      "",
      ":",
      "::::",
      "rt",
      "rt:",
      "sn:2026-13-45:discord:1",
      "lb:year:xp",
      "fm:",
      "qd:short:1",
      "x".repeat(101),
      "<@everyone>",
      "@everyone",
    ),
  )
  .filter((id) => parseAction(id) === undefined);

const malformedCommandLine = fc
  .oneof(
    fc.string({ maxLength: 600 }),
    fc
      .tuple(
        fc.constantFrom("/quiz", "/settings", "/remind", "/vacation", "/team", "/leaderboard", "/deck", "/study"),
        fc.array(fc.string({ maxLength: 40 }), { minLength: 1, maxLength: 4 }),
      )
      .map(([c, w]) => [c, ...w].join(" ")),
  )
  .filter((line) => !parseCommandLine(line).ok);

async function writes(t: TestBot): Promise<number[]> {
  return Promise.all([
    t.db.reviewLog.count(),
    t.db.cardState.count(),
    t.db.quizSession.count(),
    t.db.reminderDelivery.count(),
    t.db.deck.count({ where: { teamId: { not: null } } }),
    t.db.problemReport.count(),
  ]);
}

describe("hostile input at the core", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await startTestBot("sqlite", library);
  });
  afterAll(async () => {
    await t.close();
  });
  const actor: Actor = { userId: "discord:1", teamId: "discord:9", clientLocale: "en" };

  it(`answers ${RUNS} malformed button payloads politely, writing nothing`, async () => {
    const before = await writes(t);
    await fc.assert(
      fc.asyncProperty(malformedActionId, async (id) => {
        const reply = await t.bot.click(actor, id, t.clock.now);
        expect(reply.mode).toBe("notice");
        expect(reply.view.body[0]).toMatch(/no longer valid/);
      }),
      { numRuns: RUNS },
    );
    expect(await writes(t)).toEqual(before);
  });

  it(`answers ${RUNS} malformed or forged report forms politely, writing nothing`, async () => {
    const before = await writes(t);
    const formId = fc.oneof(malformedActionId, fc.constantFrom("rs:card-1", "rs:no-such-item", "rp:card-1", "st:"));
    const values = fc.oneof(
      fc.anything(),
      fc.record({ reason: fc.oneof(fc.string({ maxLength: 20 }), fc.integer()), text: fc.anything() }, { requiredKeys: [] }),
      fc.record({ reason: fc.constantFrom("wrong", "typo"), text: fc.string({ minLength: 4001, maxLength: 4100 }) }),
    );
    const valid = (id: string, v: unknown) =>
      id === "rs:card-1" &&
      typeof v === "object" &&
      v !== null &&
      ["wrong", "unclear", "typo", "other"].includes((v as { reason?: unknown }).reason as string) &&
      ((v as { text?: unknown }).text === undefined ||
        (typeof (v as { text?: unknown }).text === "string" && (v as { text: string }).text.length <= 4000));
    await fc.assert(
      fc.asyncProperty(formId, values, async (id, v) => {
        fc.pre(!valid(id, v));
        const reply = await t.bot.submit(actor, id, v, t.clock.now);
        expect(reply.mode).toBe("notice");
        expect(reply.form).toBeUndefined();
        expect(reply.view.body[0]).toMatch(/could not be read|cannot be reported/);
      }),
      { numRuns: RUNS },
    );
    expect(await writes(t)).toEqual(before);
  });

  it(`answers ${RUNS} malformed command lines with the problem, writing nothing`, async () => {
    const before = await writes(t);
    await fc.assert(
      fc.asyncProperty(malformedCommandLine, async (line) => {
        const reply = await t.bot.commandLine(actor, parseCommandLine(line), t.clock.now, { helpOnUnknown: true });
        expect(reply.view.body.join(" ").length).toBeGreaterThan(10);
        expect(reply.view.body.join(" ")).toMatch(/don't know the command|The option|not saved/);
      }),
      { numRuns: RUNS },
    );
    expect(await writes(t)).toEqual(before);
  });
});

describe("hostile input at the Discord adapter", () => {
  let h: DiscordHarness;
  beforeAll(async () => {
    h = await startDiscordHarness("sqlite", library);
  });
  afterAll(async () => {
    expect(h.fake.internalErrors).toEqual([]);
    await h.stop();
  });

  it(`answers ${RUNS} malformed custom_ids with a short private message, writing nothing`, async () => {
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const ids = fc.sample(
      malformedActionId.filter((id) => id.length >= 1 && id.length <= 100),
      RUNS,
    );
    const before = await writes(h.t);
    for (let i = 0; i < ids.length; i += 25) {
      const chunk = ids.slice(i, i + 25);
      const rows = [0, 1, 2, 3, 4].map((r) => chunk.slice(r * 5, r * 5 + 5)).filter((row) => row.length > 0);
      // Buttons of an old or tampered message: custom_ids in one message must be unique.
      const unique = rows.map((row) => row.map((id, k) => (chunk.indexOf(id) === chunk.lastIndexOf(id) ? id : `${id.slice(0, 95)}~${k}`)));
      const message = h.fake.seedMessage({
        channelId: guild.defaultChannelId,
        content: "old",
        components: unique.map((row) => ({ type: 1, components: row.map((custom_id) => ({ type: 2, style: 2, label: "x", custom_id })) })),
      });
      const handles = unique.flat().map((customId) => h.fake.interact.component({ customId, message: message.id, user }));
      for (const handle of handles) {
        const callback = await handle.response();
        expect(callback.type).toBe(InteractionResponseType.ChannelMessageWithSource);
        expect(textOf(handle.messages()[0])).toMatch(/no longer valid/);
      }
    }
    expect(await writes(h.t)).toEqual(before);
    expect(h.logs.lines().filter((l) => l["msg"] === "discord interaction failed")).toEqual([]);
  });

  it("refuses out-of-range and malformed options politely", async () => {
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const before = await writes(h.t);
    const cases: [string, Record<string, string | number | boolean>][] = [
      ["quiz", { count: -5 }],
      ["quiz", { count: 1e9 }],
      ["quiz", { topic: "../../etc/passwd" }],
      ["study", { topic: "<@everyone>" }],
      ["settings", { retention: 99 }],
      ["settings", { timezone: "Europe/Atlantis" }],
      ["settings", { new_per_day: -1 }],
      ["remind", { time: "99:99" }],
      ["vacation", { duration: "forever" }],
      ["leaderboard", { period: "decade" }],
    ];
    for (const [name, options] of cases) {
      const handle = h.fake.interact.command({ name, options, user, guildId: guild.id });
      await handle.settled(20);
      expect(handle.messages()[0]?.ephemeral, `${name} ${JSON.stringify(options)}`).toBe(true);
      expect(textOf(handle.messages()[0]).length).toBeGreaterThan(10);
      expect(JSON.stringify(handle.messages()[0]?.api.mentions ?? [])).toBe("[]");
    }
    expect(await writes(h.t)).toEqual(before);
    expect(h.logs.lines().filter((l) => l["msg"] === "discord interaction failed")).toEqual([]);
  });
});

describe("hostile input at the Slack adapter", () => {
  let h: SlackHarness;
  beforeAll(async () => {
    h = await startSlackHarness("sqlite", library, "socket");
  });
  afterAll(async () => {
    await h.stop();
  });

  it(`answers ${RUNS} malformed button values and command texts, writing nothing`, async () => {
    const before = await writes(h.t);
    const values = fc.sample(
      malformedActionId.filter((v) => v.length <= 2000),
      RUNS,
    );
    const message = (await h.command("stats")).message;
    let answered = 0;
    for (const value of values) {
      const payload = blockActionsPayload({
        responseUrl: h.fake.responseUrl({ channel: message.channel, messageTs: message.ts }),
        container: { channelId: message.channel, messageTs: message.ts, isEphemeral: true },
        actions: [{ actionId: (value || "x").slice(0, 255), value }],
      });
      const ack = await h.fake.socket.sendBlockActions(payload);
      expect(ack.envelope_id).toBeTruthy();
    }
    await h.fake.waitFor(() => (answered = h.fake.responses().length) >= values.length + 1, 30_000);
    expect(answered).toBe(values.length + 1);
    const texts = fc.sample(
      malformedCommandLine.map((l) => l.replace(/^\//, "")),
      300,
    );
    for (const text of texts) await h.fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: h.fake.responseUrl(), text }));
    await h.fake.waitFor(() => h.fake.responses().length >= values.length + 1 + texts.length, 30_000);
    expect(await writes(h.t)).toEqual(before);
    expect(h.logs.lines().filter((l) => l["msg"] === "slack interaction failed")).toEqual([]);
  });
});
