// Problem reports through the real Bot and store: the report button on every answer view, one
// report per learner and item version, /deck reports for admins only and without reporters, forged
// and malformed submissions refused with nothing stored, and a learner's reports in /export and
// gone with /forget-me.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Library } from "../../src/core/deck/item.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { Reply } from "../../src/core/views/view.ts";
import { TeamDispatcher } from "../../src/jobs/team-dispatcher.ts";
import { syncLibrary } from "../../src/storage/content-sync.ts";
import { aChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { button, startTestBot, type TestBot } from "../support/test-bot.ts";

const library = (frontOfCard1 = "Front of card-1"): Library =>
  aLibrary([
    aFlashcard("card-1", { front: { en: frontOfCard1, ja: `${frontOfCard1}（日本語）` } }),
    // Both require card-1, so card-1 is everyone's first new card whatever their order.
    aFlashcard("card-2", { requires: ["card-1"] }),
    aChoiceQuestion("q-1", { requires: ["card-1"] }),
  ]);

describe.each(DATABASES)("problem reports on %s", (kind) => {
  let t: TestBot;
  const admin: Actor = { userId: "discord:1", teamId: "discord:900", clientLocale: "en", isAdmin: true, channelId: "700" };
  const learner = (id: string, teamId = "discord:900"): Actor => ({ userId: `discord:${id}`, teamId, clientLocale: "en" });

  beforeEach(async () => {
    t = await startTestBot(kind, library(), "2026-03-10T10:00:00Z");
  });
  afterEach(async () => {
    await t.close();
  });

  /** The back of the learner's first card, and the report form its button opens. */
  async function openReport(actor: Actor): Promise<{ back: Reply; form: NonNullable<Reply["form"]> }> {
    const front = await t.bot.command(actor, { name: "study" }, t.clock.now);
    const back = await t.bot.click(actor, button(front, "Show answer"), t.clock.now);
    const opened = await t.bot.click(actor, button(back, "Report a problem"), t.clock.now);
    if (!opened.form) throw new Error(`no form: ${JSON.stringify(opened.view.body)}`);
    return { back, form: opened.form };
  }
  const submit = (actor: Actor, action: string, values: unknown) => t.bot.submit(actor, action, values, t.clock.advance(1000));

  it("stores a report once per learner and item version, and again after the item's content changes", async () => {
    const alice = learner("2");
    const { back, form } = await openReport(alice);
    expect(back.view.buttons.at(-1)).toEqual([{ action: "rp:card-1", label: "Report a problem", style: "secondary" }]);
    expect(form).toMatchObject({ action: "rs:card-1", title: "Report a problem" });
    expect(form.fields.map((f) => f.kind === "choice" && f.options.map((o) => o.value))).toEqual([
      ["wrong", "unclear", "typo", "other"],
      false,
    ]);

    const first = await submit(alice, form.action, { reason: "typo", text: "Front has a typo" });
    expect(first).toMatchObject({ mode: "notice", view: { tone: "success" } });
    expect(first.view.body[0]).toContain("Thank you");
    const item = await t.db.item.findUniqueOrThrow({ where: { id: "card-1" } });
    expect(await t.db.problemReport.findMany({ omit: { id: true } })).toEqual([
      {
        userId: "discord:2",
        teamId: "discord:900",
        itemId: "card-1",
        contentHash: item.contentHash,
        reason: "typo",
        text: "Front has a typo",
        reportedAt: t.clock.now,
      },
    ]);

    // A double submit, and a retry with other words: the first report stands, politely said so.
    const again = await submit(alice, form.action, { reason: "wrong", text: "second try" });
    expect(again.view.body[0]).toBe("You have already reported this version of the item. Thank you: it is waiting for a fix.");
    // Two submits at once from another learner: the unique key lets one in.
    const bob = learner("3");
    const both = await Promise.all([submit(bob, form.action, { reason: "wrong" }), submit(bob, form.action, { reason: "wrong" })]);
    expect(both.map((r) => r.view.tone).sort()).toEqual(["info", "success"]);
    expect(await t.db.problemReport.count()).toBe(2);

    // The maintainer edits the card: the new version can be reported again.
    await syncLibrary(t.db, library("Front of card-1, fixed"), t.clock.now);
    const edited = await t.db.item.findUniqueOrThrow({ where: { id: "card-1" } });
    expect(edited.contentHash).not.toBe(item.contentHash);
    const afterEdit = await submit(alice, form.action, { reason: "unclear" });
    expect(afterEdit.view.tone).toBe("success");
    const alices = await t.db.problemReport.findMany({ where: { userId: alice.userId }, orderBy: { id: "asc" } });
    expect(alices.map((r) => [r.contentHash, r.reason, r.text])).toEqual([
      [item.contentHash, "typo", "Front has a typo"],
      [edited.contentHash, "unclear", null],
    ]);
  });

  it("lists a team's reports per item, newest first, to its admins only, never naming who reported", async () => {
    await submit(learner("2"), "rs:card-1", { reason: "wrong", text: "Should be 3, not 4" });
    await submit(learner("3"), "rs:q-1", { reason: "typo" });
    await submit(learner("4"), "rs:card-1", { reason: "unclear", text: "Which one?" });
    await submit(learner("5", "discord:other"), "rs:card-2", { reason: "other", text: "another team" });

    const list = await t.bot.command(admin, { name: "deck", action: "reports" }, t.clock.now);
    expect(list.view.title).toBe("Problem reports");
    expect(list.view.body).toEqual([
      ["`card-1`: 2 reports, latest 2026-03-10 (wrong ×1 · unclear ×1)", "> Which one?", "> Should be 3, not 4"].join("\n"),
      "`q-1`: 1 report, latest 2026-03-10 (typo ×1)",
    ]);
    expect(list.view.footer).toContain("content/decks/");
    const shown = JSON.stringify(list);
    for (const id of ["2", "3", "4", "5"]) expect(shown).not.toContain(`discord:${id}`);

    const refused = await t.bot.command(learner("2"), { name: "deck", action: "reports" }, t.clock.now);
    expect(refused.view).toMatchObject({ tone: "error", body: ["Only team admins can see problem reports (on Discord: Manage Server)."] });
    const otherAdmin = { ...admin, userId: "discord:9", teamId: "discord:other" };
    const other = await t.bot.command(otherAdmin, { name: "deck", action: "reports" }, t.clock.now);
    expect(other.view.body[0]).toContain("`card-2`: 1 report");
    expect(other.view.body.join("\n")).not.toContain("card-1");
  });

  it("says which reports were made on an earlier version of an item", async () => {
    await submit(learner("2"), "rs:card-1", { reason: "typo" });
    await syncLibrary(t.db, library("Front of card-1, fixed"), t.clock.now);
    const list = await t.bot.command(admin, { name: "deck", action: "reports" }, t.clock.now);
    expect(list.view.body[0]).toContain("(1 of them on an earlier version of the item)");
  });

  it("refuses a forged report button or form for an unknown item, and a malformed submission, storing nothing", async () => {
    const alice = learner("2");
    const forged = await t.bot.click(alice, "rp:no-such-item", t.clock.now);
    expect(forged.form).toBeUndefined();
    expect(forged.view.body[0]).toBe("That item cannot be reported: it is not (or no longer) in your team's decks. Nothing was recorded.");
    const forgedSubmit = await submit(alice, "rs:no-such-item", { reason: "wrong" });
    expect(forgedSubmit.view.body[0]).toBe(forged.view.body[0]);
    const invalid = "That report could not be read: choose a reason and try again. Nothing was recorded.";
    for (const values of [
      {},
      { reason: "spam" },
      { reason: "wrong", text: 42 },
      { reason: "wrong", text: "x".repeat(4001) },
      null,
      "reason=wrong",
    ]) {
      expect((await submit(alice, "rs:card-1", values)).view.body[0]).toBe(invalid);
    }
    for (const action of ["rs:", "rs:Card-1", "rs:card-1:extra", "rp:card-1", "st:", "x".repeat(101)]) {
      expect((await submit(alice, action, { reason: "wrong" })).view.body[0]).toBe(invalid);
    }
    // A form id pressed as a button is not a button.
    expect((await t.bot.click(alice, "rs:card-1", t.clock.now)).view.body[0]).toContain("no longer valid");
    expect(await t.db.problemReport.count()).toBe(0);
  });

  it("does not let a learner report another team's deck item", async () => {
    const csv = new TextEncoder().encode("front,back\nWhat is a pod?,The smallest unit\n");
    const imported = await t.bot.command(admin, { name: "deck", action: "import", file: { name: "k8s.csv", bytes: csv } }, t.clock.now);
    expect(imported.view.tone).toBe("success");
    const teamItem = await t.db.item.findFirstOrThrow({ where: { teamId: "discord:900" } });
    const outsider = learner("7", "discord:other");
    expect((await t.bot.click(outsider, `rp:${teamItem.id}`, t.clock.now)).form).toBeUndefined();
    expect((await submit(outsider, `rs:${teamItem.id}`, { reason: "wrong" })).view.body[0]).toContain("cannot be reported");
    expect((await t.bot.click(learner("2"), `rp:${teamItem.id}`, t.clock.now)).form).toBeDefined();
    expect(await t.db.problemReport.count()).toBe(0);
  });

  it("stores hostile text capped, on one line, without escapes, and with its mentions neutralised", async () => {
    const hostile = `@everyone <@&123> <!channel> \u001b[31mred\u001b[0m\nnext\u0000line \u202eevil ${"long ".repeat(200)}`;
    await submit(learner("2"), "rs:card-1", { reason: "other", text: hostile });
    const { text } = await t.db.problemReport.findFirstOrThrow();
    expect([...(text ?? "")].length).toBeLessThanOrEqual(500);
    expect(text).toMatch(/^@\u200beveryone <\u200b@&123> <\u200b!channel> red nextline evil long long/);
    expect(text).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202e]/);
  });

  it("puts the report button on the graded answer of a quiz question and the private answer to the question of the day", async () => {
    const alice = learner("2");
    const quiz = await t.bot.command(alice, { name: "quiz" }, t.clock.now);
    const graded = await t.bot.click(alice, button(quiz, "A."), t.clock.now);
    expect(graded.view.title).toBe("Question 1 of 1");
    expect(button(graded, "Report a problem")).toBe("rp:q-1");

    const sender = new FakeSender();
    const dispatcher = new TeamDispatcher({ ...t.stores, bot: t.bot, sender, logger: captureLogs().logger, owner: "a" });
    await t.bot.command(admin, { name: "team", changes: { channel: "here", qotd: "11:00", timezone: "UTC" } }, t.clock.now);
    await dispatcher.tick(new Date("2026-03-10T11:00:20Z"));
    const post = sender.channel_[0]!;
    expect(post.view.buttons.flat().map((b) => b.label)).not.toContain("Report a problem");
    const answer = await t.bot.click(learner("3"), button(post, "A."), new Date("2026-03-10T11:05:00Z"));
    expect(answer.mode).toBe("notice");
    expect(button(answer, "Report a problem")).toBe("rp:q-1");
  });

  it("exports a learner's reports as CSV and deletes them with /forget-me", async () => {
    const alice = learner("2");
    await submit(alice, "rs:card-1", { reason: "typo", text: '=HYPERLINK("http://x")' });
    await submit(learner("3"), "rs:card-1", { reason: "wrong" });
    const exported = await t.bot.command(alice, { name: "export" }, t.clock.now);
    expect(exported.view.body[1]).toBe("Your problem report is in the reports file.");
    const file = exported.files?.find((f) => f.name.startsWith("study-bot-reports-"));
    const hash = (await t.db.item.findUniqueOrThrow({ where: { id: "card-1" } })).contentHash;
    expect(file?.content).toBe(
      `item_id,content_hash,team,reason,text,reported_at\r\ncard-1,${hash},discord:900,typo,"'=HYPERLINK(""http://x"")",2026-03-10T10:00:01.000Z\r\n`,
    );
    // Someone who reported nothing gets no empty reports file.
    expect((await t.bot.command(learner("8"), { name: "export" }, t.clock.now)).files?.map((f) => f.name)).toHaveLength(2);

    const confirm = await t.bot.command(alice, { name: "forget-me" }, t.clock.now);
    const forgotten = await t.bot.click(alice, button(confirm, "Delete"), t.clock.now);
    expect(forgotten.view.body[0]).toContain(", 1 problem reports,");
    expect(await t.db.problemReport.findMany({ select: { userId: true } })).toEqual([{ userId: "discord:3" }]);
  });
});
