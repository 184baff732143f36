// Team defaults end to end on every database: an admin asks for a fit of the team's FSRS parameters
// from its members' reviews; the fit (fsrs-rs's optimizer in a child process) is adopted only when it
// predicts the team's recent reviews better than what the team uses now, and then becomes the
// parameters of the team's members who have none of their own (personal fits and pasted parameters
// stay, other teams are untouched). Only admins may ask or reset, and /forget-me leaves no trace.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { computeParameters } from "@open-spaced-repetition/binding";
import type { Actor } from "../../src/core/identity.ts";
import { DEFAULT_PARAMETERS } from "../../src/core/scheduler/fsrs.ts";
import { scheduleOf } from "../../src/core/scheduler/learner-schedule.ts";
import type { View } from "../../src/core/views/view.ts";
import { ParameterFitJob, TEAM_FIT_MAX_REVIEWS, teamPlainReviews } from "../../src/jobs/parameter-fit-job.ts";
import { toFitItems } from "../../src/scheduling/fit-items.ts";
import { openDatabase } from "../../src/storage/open-database.ts";
import { openStores } from "../../src/storage/prisma/open-stores.ts";
import { teamParameterColumns } from "../../src/storage/prisma/rows.ts";
import { allRows } from "../support/all-rows.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { parametersAround, simulateLearner, storeHistory } from "../support/simulated-learner.ts";
import { startTestBot, type TestBot } from "../support/test-bot.ts";

const ITEMS = Array.from({ length: 200 }, (_, i) => `card-${i}`);
const library = aLibrary(ITEMS.map((id) => aFlashcard(id)));
const TEAM = "console:team";
const OTHER_TEAM = "console:other-team";
const ADMIN: Actor = { userId: "console:admin", teamId: TEAM, clientLocale: "en", isAdmin: true };
const MEMBER: Actor = { userId: "console:member", teamId: TEAM, clientLocale: "en" };
const NEWBIE: Actor = { userId: "console:newbie", teamId: TEAM, clientLocale: "en" };
const PASTER: Actor = { userId: "console:paster", teamId: TEAM, clientLocale: "en" };
const OUTSIDER: Actor = { userId: "console:outsider", teamId: OTHER_TEAM, clientLocale: "en" };
const STUDIERS = ["console:studier-0", "console:studier-1", "console:studier-2"];
const HISTORY_START = new Date("2025-09-01T00:00:00Z");
const NOW = new Date("2026-03-02T09:00:00Z");
const LEASE_MS = 15 * 60_000;

/** A team whose members' memory is alike and far from FSRS's defaults: a team fit predicts them better. */
const teamMemory = parametersAround("team-far-from-defaults", 1.2);
const histories = STUDIERS.map((_, i) =>
  simulateLearner({ seed: `studier-${i}`, trueParameters: teamMemory, itemIds: ITEMS, days: 180, newPerDay: 3, start: HISTORY_START }),
);
const TEAM_REVIEWS = histories.reduce((n, h) => n + h.length, 0);

const text = (reply: { view: View }) => reply.view.body.join("\n");

describe.each(DATABASES)("team default parameters on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const job = (stores = t.stores) =>
    new ParameterFitJob({
      fits: stores.parameters,
      teamFits: stores.teamParameters,
      profiles: t.stores.profiles,
      sender,
      logger: captureLogs().logger,
      leaseMs: LEASE_MS,
    });
  const parametersOf = async (userId: string) => (await t.stores.profiles.profile(userId))?.personalParameters ?? null;
  const pasted = parametersAround("pasted");

  beforeEach(async () => {
    t = await startTestBot(kind, library, NOW.toISOString());
    sender = new FakeSender();
    for (const who of [ADMIN, MEMBER, NEWBIE, PASTER, OUTSIDER]) await t.bot.command(who, { name: "stats" }, NOW);
    for (const [i, userId] of STUDIERS.entries()) {
      await t.bot.command({ userId, teamId: TEAM, clientLocale: "en" }, { name: "stats" }, NOW);
      await storeHistory(t.db, userId, TEAM, histories[i] ?? []);
    }
    // The member studies in the other team too; the outsider studies there alone.
    await t.bot.command({ ...MEMBER, teamId: OTHER_TEAM }, { name: "stats" }, NOW);
    await t.bot.command(PASTER, { name: "settings", changes: { parameters: pasted.join(" ") } }, NOW);
  });
  afterEach(async () => {
    await t.close();
  });

  it("an admin's team fit goes to that team's members without parameters of their own, and /team, /settings and /stats say so", async () => {
    const asked = await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW);
    expect(text(asked)).toContain("Fitting the team's parameters from its members' reviews");
    expect(text(await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW))).toContain("already on its way");

    expect(await job().tickTeams(NOW)).toEqual([{ teamId: TEAM, outcome: "adopted" }]);
    const team = await t.stores.teamParameters.teamParameters(TEAM);
    expect(team).toMatchObject({ reviews: TEAM_REVIEWS, members: STUDIERS.length, fittedAt: NOW });
    expect(team?.values).toHaveLength(21);
    expect(team?.values).not.toEqual(DEFAULT_PARAMETERS);
    const values = team?.values ?? [];

    // Members of the team without their own parameters, studiers included, now use the team's.
    for (const userId of [NEWBIE.userId, MEMBER.userId, ADMIN.userId, ...STUDIERS]) {
      expect(await parametersOf(userId)).toMatchObject({ source: "team", teamId: TEAM, values, reviews: TEAM_REVIEWS });
    }
    const newbie = await t.stores.profiles.profile(NEWBIE.userId);
    if (!newbie) throw new Error("no newbie");
    expect(scheduleOf(newbie).parameters).toEqual(values);
    // Pasted parameters are the learner's own; the other team's member has none.
    expect(await parametersOf(PASTER.userId)).toMatchObject({ source: "pasted", values: pasted });
    expect(await parametersOf(OUTSIDER.userId)).toBeNull();

    // Someone who joins later starts from the team's; someone who joins the other team does not.
    const LATECOMER: Actor = { userId: "console:latecomer", teamId: TEAM, clientLocale: "en" };
    const ELSEWHERE: Actor = { userId: "console:elsewhere", teamId: OTHER_TEAM, clientLocale: "en" };
    await t.bot.command(LATECOMER, { name: "stats" }, NOW);
    await t.bot.command(ELSEWHERE, { name: "stats" }, NOW);
    expect(await parametersOf(LATECOMER.userId)).toMatchObject({ source: "team", values });
    expect(await parametersOf(ELSEWHERE.userId)).toBeNull();

    // A learner's own reset goes back to the team's, not past it.
    await t.bot.command(PASTER, { name: "settings", changes: { parameters: "reset" } }, NOW);
    expect(await parametersOf(PASTER.userId)).toMatchObject({ source: "team", values });

    const shown = `team parameters, fitted from ${TEAM_REVIEWS} reviews of ${STUDIERS.length} members, on 2026-03-02`;
    expect(text(await t.bot.command(NEWBIE, { name: "settings", changes: {} }, NOW))).toContain(shown);
    expect(text(await t.bot.command(NEWBIE, { name: "stats" }, NOW))).toContain(shown);
    expect(text(await t.bot.command(NEWBIE, { name: "team", changes: {} }, NOW))).toContain(
      `Starting parameters for members without their own: **${shown}**`,
    );
    expect(text(await t.bot.command(OUTSIDER, { name: "team", changes: {} }, NOW))).toContain("FSRS defaults (an admin can fit");
    const ja = await t.bot.command({ ...NEWBIE, clientLocale: "ja" }, { name: "settings", changes: { language: "ja" } }, NOW);
    expect(text(ja)).toContain(`チームのパラメータ（2026-03-02 に ${STUDIERS.length} 人の ${TEAM_REVIEWS} 回の復習から調整）`);

    expect(sender.direct_.map((s) => s.to)).toEqual([ADMIN.userId]);
    expect(sender.direct_[0]?.view.body.join("\n")).toMatch(/adopted: it predicts the team's recent reviews better \(log loss/);
    // Asked once, fitted once.
    expect(await job().tickTeams(NOW)).toEqual([]);
  });

  it("refuses a team fit that predicts the team's recent reviews no better than its parameters now, and says why", async () => {
    // The team's parameters fitted on every review, the held-out ones included: a fit on the rest alone does not beat them there.
    const oracle = await computeParameters(
      toFitItems(teamPlainReviews(await t.stores.teamParameters.teamReviews(TEAM, TEAM_FIT_MAX_REVIEWS))),
      {
        enableShortTerm: true,
      },
    );
    await t.db.team.update({
      where: { id: TEAM },
      data: teamParameterColumns({
        values: oracle,
        reviews: TEAM_REVIEWS,
        members: 3,
        fittedAt: new Date("2026-02-01T00:00:00Z"),
        logLoss: null,
      }),
    });
    const before = await Promise.all([NEWBIE, PASTER, OUTSIDER].map((a) => parametersOf(a.userId)));

    await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW);
    expect(await job().tickTeams(NOW)).toEqual([{ teamId: TEAM, outcome: "worse" }]);

    expect((await t.stores.teamParameters.teamParameters(TEAM))?.values).toEqual(oracle);
    expect(await Promise.all([NEWBIE, PASTER, OUTSIDER].map((a) => parametersOf(a.userId)))).toEqual(before);
    const reason =
      /kept the team's parameters: the new fit predicted the team's recent reviews no better \(log loss [\d.]+ vs [\d.]+ now\)/;
    expect(sender.direct_[0]?.view.body.join("\n")).toMatch(reason);
    expect(text(await t.bot.command(MEMBER, { name: "team", changes: {} }, NOW))).toMatch(reason);
  });

  it("fits the team once when two instances run the job at the same moment", async () => {
    await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW);
    const second = await openDatabase(t.url);
    try {
      const [a, b] = await Promise.all([job().tickTeams(NOW), job(openStores(second.db)).tickTeams(NOW)]);
      expect([...a, ...b]).toEqual([{ teamId: TEAM, outcome: "adopted" }]);
      expect(sender.direct_).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  it("refuses a non-admin's fit or reset, and a value that is neither, changing nothing", async () => {
    await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW);
    await job().tickTeams(NOW);
    const rowsBefore = (await allRows(t, kind)).filter((r) => r.table === "Team" || r.table === "TeamParameterFit" || r.table === "User");
    for (const value of ["fit", "reset"]) {
      const reply = await t.bot.command(MEMBER, { name: "team", changes: { parameters: value } }, NOW);
      expect(reply.view.tone).toBe("error");
      expect(text(reply)).toContain("Only team admins can change team settings");
    }
    const bad = await t.bot.command(ADMIN, { name: "team", changes: { parameters: "maybe" } }, NOW);
    expect(bad.view.tone).toBe("error");
    expect(text(bad)).toContain("parameters takes fit or reset");
    expect((await allRows(t, kind)).filter((r) => r.table === "Team" || r.table === "TeamParameterFit" || r.table === "User")).toEqual(
      rowsBefore,
    );
  });

  it("an admin's reset returns the team and the members who had its parameters to FSRS's defaults; members' own stay", async () => {
    await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW);
    await job().tickTeams(NOW);
    await t.bot.command(PASTER, { name: "settings", changes: { parameters: pasted.join(",") } }, NOW);
    const reply = await t.bot.command(ADMIN, { name: "team", changes: { parameters: "reset" } }, NOW);
    expect(text(reply)).toContain("The team is back on the FSRS default parameters");
    expect(await t.stores.teamParameters.teamParameters(TEAM)).toBeNull();
    for (const userId of [NEWBIE.userId, MEMBER.userId, ...STUDIERS]) expect(await parametersOf(userId)).toBeNull();
    expect(await parametersOf(PASTER.userId)).toMatchObject({ source: "pasted", values: pasted });
    expect(text(await t.bot.command(NEWBIE, { name: "settings", changes: {} }, NOW))).toContain("FSRS defaults");
  });

  it("/forget-me of the admin who asked and of a member leaves no row naming them, and the next team fit leaves their reviews out", async () => {
    await t.bot.command(ADMIN, { name: "team", changes: { parameters: "fit" } }, NOW);
    const gone = STUDIERS[0] as string;
    await t.stores.privacy.forgetUser(ADMIN.userId);
    await t.stores.privacy.forgetUser(gone);
    for (const userId of [ADMIN.userId, gone]) {
      expect((await allRows(t, kind)).filter((r) => r.text.includes(userId)).map((r) => r.table)).toEqual([]);
    }
    // The request stands (the team asked), but no one is left to tell.
    expect(await job().tickTeams(NOW)).toEqual([{ teamId: TEAM, outcome: "adopted" }]);
    expect(sender.direct_).toEqual([]);
    const reviewsLeft = (histories[1]?.length ?? 0) + (histories[2]?.length ?? 0);
    expect(await t.stores.teamParameters.teamParameters(TEAM)).toMatchObject({ reviews: reviewsLeft, members: 2 });
    expect(await t.db.teamParameterFit.findUnique({ where: { teamId: TEAM } })).toMatchObject({
      attemptReviews: reviewsLeft,
      attemptMembers: 2,
      requestedBy: null,
    });
    for (const userId of [ADMIN.userId, gone]) {
      expect((await allRows(t, kind)).filter((r) => r.text.includes(userId)).map((r) => r.table)).toEqual([]);
    }
  });
});
