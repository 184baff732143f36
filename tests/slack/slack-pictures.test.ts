// /study stats on Slack through the real Bolt App: the text answers privately at once, and the
// picture follows in the person's DM as an uploaded PNG whose alt text is that text.
import { afterEach, describe, expect, it } from "vitest";
import type { Picture } from "../../src/core/views/picture.ts";
import { PictureWorkers, type PictureDrawer } from "../../src/pictures/picture-drawer.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DEFAULT_USER, STANDARD_WORKSPACE, startSlackHarness, textOf, type SlackHarness } from "../support/slack-harness.ts";

describe("pictures on Slack", () => {
  let h: SlackHarness;
  let pictures: PictureWorkers;
  afterEach(async () => {
    await h.stop();
    await pictures.close();
  });

  it("uploads the /stats picture to the DM with the text summary as alt text, and none after images off", async () => {
    pictures = new PictureWorkers();
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket", { pictures });
    const { message } = await h.command("");
    await h.click(message, "Show answer");
    await h.click(h.fake.message(message.channel, message.ts)!, "Good");
    const stats = await h.command("stats");
    expect(textOf(stats.message)).toContain("Reviewed today: *1*");
    const [file] = await h.fake.waitFor(() => (h.fake.uploadedFiles().length === 1 ? h.fake.uploadedFiles() : undefined), 10_000);
    expect(file!.name).toMatch(/^stats-\d{4}-\d{2}-\d{2}\.png$/);
    expect(file!.channel).toBe(h.fake.dmChannelOf(DEFAULT_USER.id));
    expect(file!.altText).toContain("Reviewed today: 1");
    expect(file!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");

    await h.command("settings images off");
    const textOnly = await h.command("stats");
    expect(textOf(textOnly.message)).toContain("Due now");
    await h.adapter.idle();
    expect(h.fake.uploadedFiles()).toHaveLength(1);
  });

  it("uploads the /leaderboard board with names only from users.info answers it already had, a neutral label otherwise", async () => {
    pictures = new PictureWorkers();
    const drawn: Picture[] = [];
    const drawer: PictureDrawer = { draw: (p) => (drawn.push(p), pictures.draw(p)), close: () => pictures.close() };
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket", { pictures: drawer });
    h.fake.setUser(STANDARD_WORKSPACE.teamId, DEFAULT_USER.id, { name: "aiko", realName: "Aiko Tanaka" });
    // Slack does not know this one (users.info answers user_not_found): no name to draw.
    const ren = { id: "U0LEARNER2", name: "ren" };
    for (const user of [DEFAULT_USER, ren]) {
      const { message } = await h.command("", { user });
      await h.click(message, "Show answer", { user });
      await h.click(h.fake.message(message.channel, message.ts)!, "Good", { user });
    }
    const board = await h.command("leaderboard");
    expect(textOf(board.message)).toContain("Leaderboard");
    const [file] = await h.fake.waitFor(() => (h.fake.uploadedFiles().length === 1 ? h.fake.uploadedFiles() : undefined), 10_000);
    expect(file!.name).toBe("leaderboard-week-xp.png");
    expect(file!.channel).toBe(h.fake.dmChannelOf(DEFAULT_USER.id));
    expect(file!.altText).toContain("Leaderboard");
    // The alt text names people as the picture does, never as a bare "@".
    expect(file!.altText).toMatch(/^\d\. aiko · \d+ XP$/m);
    expect(file!.altText).toMatch(/^\d\. Team member · \d+ XP$/m);
    expect(file!.altText).not.toContain("@");
    expect(file!.bytes.subarray(1, 4).toString("latin1")).toBe("PNG");
    const picture = drawn.at(-1)!;
    if (picture.kind !== "board") throw new Error("not a board");
    expect(picture.rows.map((r) => [r.name, r.initials, r.self])).toEqual([
      ["aiko", "A", true],
      ["Team member", "?", false],
    ]);

    // The period and metric buttons answer with their board too, in the DM as the command's.
    await h.click(board.message, "This month");
    const month = await h.fake.waitFor(() => h.fake.uploadedFiles()[1], 10_000);
    expect(month.name).toBe("leaderboard-month-xp.png");
    expect(month.channel).toBe(h.fake.dmChannelOf(DEFAULT_USER.id));
    expect(month.altText).toContain("This month");
    expect(drawn).toHaveLength(2);

    await h.command("settings images off");
    const textOnly = await h.command("leaderboard");
    await h.click(textOnly.message, "This month");
    await h.adapter.idle();
    expect(h.fake.uploadedFiles()).toHaveLength(2);
    expect(drawn).toHaveLength(2);
  });

  it("answers with the text alone, and no apology, when the person's DM cannot be opened for the picture", async () => {
    pictures = new PictureWorkers();
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), "socket", { pictures });
    h.fake.failNext("conversations.open", { error: "cannot_dm_bot" });
    const stats = await h.command("stats");
    expect(textOf(stats.message)).toContain("Due now");
    await h.adapter.idle();
    expect(h.fake.uploadedFiles()).toHaveLength(0);
    expect(
      h.logs.lines().some((e) => e["msg"] === "picture not delivered to the DM; the text went" && e["detail"] === "cannot_dm_bot"),
    ).toBe(true);
    // The one answer is the text: no "something went wrong" after it.
    expect(h.fake.responses().map((r) => JSON.stringify(r))).not.toContainEqual(expect.stringContaining("something went wrong"));
    expect(h.fake.callsTo("conversations.open")).toHaveLength(1);
  });
});
