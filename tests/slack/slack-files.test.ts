// Files on Slack through the real Bolt App: /study export lands as CSV files in the person's DM;
// /study deck import opens a dialog whose uploaded file is downloaded with the bot token and imported.
import { afterEach, describe, expect, it } from "vitest";
import { viewSubmissionWithFiles } from "../fakes/slack/payloads.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DEFAULT_USER, startSlackHarness, STANDARD_WORKSPACE, textOf, type SlackHarness } from "../support/slack-harness.ts";

describe("files on Slack", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("sends /study export as CSV files to the person's DM", async () => {
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket");
    const { message } = await h.command("");
    await h.click(message, "Show answer");
    await h.click(h.fake.message(message.channel, message.ts)!, "Good");
    const exported = await h.command("export");
    expect(textOf(exported.message)).toContain("1 review and 1 card");
    const files = await h.fake.waitFor(() => (h.fake.uploadedFiles().length === 2 ? h.fake.uploadedFiles() : undefined), 5000);
    expect(files.map((f) => f.name)).toEqual([
      expect.stringMatching(/^study-bot-reviews-.*\.csv$/),
      expect.stringMatching(/^study-bot-cards-.*\.csv$/),
    ]);
    expect(files[0]!.channel).toBe(h.fake.dmChannelOf(DEFAULT_USER.id));
    expect(files[0]!.bytes.toString("utf8")).toMatch(/^card_id,review_time,review_rating/);
    expect(files[0]!.bytes.toString("utf8")).toContain("card-1,");
  });

  it("imports a deck an admin uploads in the dialog, downloading it with the bot token", async () => {
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket");
    h.fake.setUser(STANDARD_WORKSPACE.teamId, DEFAULT_USER.id, { isAdmin: true, locale: "en-US" });
    await h.fake.socket.sendSlashCommand(
      (await import("../fakes/slack/payloads.ts")).slashCommandPayload({ responseUrl: h.fake.responseUrl(), text: "deck import" }),
    );
    const modal = await h.fake.waitFor(() => h.fake.views().find((v) => v.definition["callback_id"] === "deck_import"), 5000);
    const file = h.fake.addUserFile({
      name: "k8s.csv",
      filetype: "csv",
      bytes: "front,back\nWhat is a pod?,The smallest deployable unit\nWhat is a node?,A worker machine\n",
    });
    await h.fake.socket.sendViewSubmission(viewSubmissionWithFiles({ view: modal, files: [file] }));
    const dm = h.fake.dmChannelOf(DEFAULT_USER.id);
    const result = await h.fake.waitFor(() => h.fake.messages(dm).find((m) => textOf(m).includes("imported")), 5000);
    expect(textOf(result)).toContain("2 new, 0 updated");
    expect(h.fake.fileTransfers("download").map((t) => [t.status, t.tokenKind])).toEqual([[200, "bot"]]);
    expect(await h.t.db.item.count({ where: { teamId: `slack:${STANDARD_WORKSPACE.teamId}` } })).toBe(2);
  });

  it("labels the import dialog in the language the person chose, over their Slack client's", async () => {
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket");
    h.fake.setUser(STANDARD_WORKSPACE.teamId, DEFAULT_USER.id, { isAdmin: true, locale: "en-US" });
    await h.command("settings language ja");
    await h.fake.socket.sendSlashCommand(
      (await import("../fakes/slack/payloads.ts")).slashCommandPayload({ responseUrl: h.fake.responseUrl(), text: "deck import" }),
    );
    const modal = await h.fake.waitFor(() => h.fake.views().find((v) => v.definition["callback_id"] === "deck_import"), 5000);
    const labels = JSON.stringify(modal.definition);
    expect(labels).toContain("デッキ名");
    expect(labels).not.toContain("Deck name");
  });

  it("refuses a deck import from someone who is not a workspace admin", async () => {
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket");
    h.fake.setUser(STANDARD_WORKSPACE.teamId, DEFAULT_USER.id, { isAdmin: false });
    await h.fake.socket.sendSlashCommand(
      (await import("../fakes/slack/payloads.ts")).slashCommandPayload({ responseUrl: h.fake.responseUrl(), text: "deck import" }),
    );
    const modal = await h.fake.waitFor(() => h.fake.views().find((v) => v.definition["callback_id"] === "deck_import"), 5000);
    const file = h.fake.addUserFile({ name: "k8s.csv", filetype: "csv", bytes: "front,back\nq,a\n" });
    await h.fake.socket.sendViewSubmission(viewSubmissionWithFiles({ view: modal, files: [file] }));
    const dm = h.fake.dmChannelOf(DEFAULT_USER.id);
    const result = await h.fake.waitFor(() => h.fake.messages(dm)[0], 5000);
    expect(textOf(result)).toContain("Only team admins");
    expect(await h.t.db.item.count({ where: { teamId: { not: null } } })).toBe(0);
  });
});
