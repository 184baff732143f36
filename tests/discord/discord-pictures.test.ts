// /stats on Discord through the real discord.js client: the picture arrives as a PNG attachment
// whose description is the text summary; `/settings images off` leaves the text alone, and so does
// a drawing that fails.
import { afterEach, describe, expect, it } from "vitest";
import { waitUntil } from "../fakes/discord/wait.ts";
import { decode } from "fast-png";
import type { Picture } from "../../src/core/views/picture.ts";
import { PictureWorkers, type PictureDrawer } from "../../src/pictures/picture-drawer.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { buttonId, startDiscordHarness, textOf, type DiscordHarness } from "../support/discord-harness.ts";

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe("pictures on Discord", () => {
  let h: DiscordHarness;
  let pictures: PictureWorkers;
  afterEach(async () => {
    await h.stop();
    await pictures.close();
  });

  async function studyOneCard(user: ReturnType<DiscordHarness["fake"]["addUser"]>, guildId: string) {
    const study = h.fake.interact.command({ name: "study", user, guildId });
    await study.settled(30);
    const message = study.messages()[0]!;
    await h.fake.interact.component({ customId: buttonId(message, "Show answer"), message: message.id, user }).settled(30);
    await h.fake.interact.component({ customId: buttonId(h.fake.message(message.id), "Good"), message: message.id, user }).settled(30);
  }

  it("attaches the /stats picture with the text summary as its description", async () => {
    pictures = new PictureWorkers();
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]), { router: { pictures } });
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    await studyOneCard(user, guild.id);
    const stats = h.fake.interact.command({ name: "stats", user, guildId: guild.id });
    await stats.settled(100);
    // The text goes first; the picture is added to it once drawn.
    const reply = await waitUntil(
      () => stats.messages().find((m) => m.attachments.length > 0),
      20_000,
      () => "no picture attached",
    );
    expect(reply.ephemeral).toBe(true);
    expect(textOf(reply)).toContain("Reviewed today: **1**");
    expect(reply.attachments).toHaveLength(1);
    const attachment = reply.attachments[0]!;
    expect(attachment.filename).toMatch(/^stats-\d{4}-\d{2}-\d{2}\.png$/);
    expect(attachment.description).toContain("Reviewed today: 1");
    const upload = stats.requests().flatMap((r) => r.files)[0]!;
    expect(upload.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);

    const off = h.fake.interact.command({ name: "settings", options: { images: "off" }, user, guildId: guild.id });
    await off.settled(50);
    expect(textOf(off.messages()[0])).toMatch(/Pictures with \/stats and leaderboards: \W*off/);
    const textOnly = h.fake.interact.command({ name: "stats", user, guildId: guild.id });
    await textOnly.settled(100);
    expect(textOf(textOnly.messages()[0])).toContain("Reviewed today: **1**");
    expect(textOnly.messages()[0]!.attachments).toEqual([]);
  });

  it("attaches the /leaderboard board with the names Discord gave in interactions, and none after images off", async () => {
    pictures = new PictureWorkers();
    const drawn: Picture[] = [];
    const drawer: PictureDrawer = { draw: (p) => (drawn.push(p), pictures.draw(p)), close: () => pictures.close() };
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]), { router: { pictures: drawer } });
    const guild = h.fake.addGuild();
    const aiko = h.fake.addUser({ username: "aiko", globalName: "Aiko Tanaka" });
    const ren = h.fake.addUser({ username: "ren" });
    await studyOneCard(aiko, guild.id);
    await studyOneCard(ren, guild.id);
    const board = h.fake.interact.command({ name: "leaderboard", user: ren, guildId: guild.id });
    await board.settled(100);
    const reply = await waitUntil(
      () => board.messages().find((m) => m.attachments.length > 0),
      20_000,
      () => "no picture attached",
    );
    expect(textOf(reply)).toContain("You: **#1**");
    const attachment = reply.attachments[0]!;
    expect(attachment.filename).toBe("leaderboard-week-xp.png");
    expect(attachment.description).toContain("Leaderboard");
    // The description names people as the picture does, never as a bare "@".
    expect(attachment.description).toMatch(/^\d\. Aiko Tanaka · \d+ XP$/m);
    expect(attachment.description).toMatch(/^\d\. ren · \d+ XP$/m);
    expect(attachment.description).not.toContain("@");
    const upload = board.requests().flatMap((r) => r.files)[0]!;
    expect(upload.bytes.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(decode(upload.bytes).width).toBe(1000);
    // No avatar or member is fetched: the names are the ones each person's own interactions carried.
    const picture = drawn.at(-1)!;
    if (picture.kind !== "board") throw new Error("not a board");
    expect(picture.rows.map((r) => [r.name, r.initials, r.self])).toEqual([
      ["Aiko Tanaka", "AT", false],
      ["ren", "R", true],
    ]);
    expect(h.fake.requestsTo("GET", /\/(users|members)\//)).toEqual([]);

    await h.fake.interact.command({ name: "settings", options: { images: "off" }, user: ren, guildId: guild.id }).settled(50);
    const textOnly = h.fake.interact.command({ name: "leaderboard", user: ren, guildId: guild.id });
    await textOnly.settled(100);
    expect(textOf(textOnly.messages()[0])).toContain("You: **#1**");
    expect(textOnly.messages()[0]!.attachments).toEqual([]);
    expect(drawn).toHaveLength(1);
  });

  it("sends the text alone when drawing fails", async () => {
    // A drawer that cannot finish in time: every drawing fails.
    pictures = new PictureWorkers({ timeoutMs: 1 });
    h = await startDiscordHarness("sqlite", aLibrary([aFlashcard("card-1")]), { router: { pictures } });
    const guild = h.fake.addGuild();
    const user = h.fake.addUser();
    const failed = h.fake.interact.command({ name: "stats", user, guildId: guild.id });
    await failed.settled(100);
    expect(textOf(failed.messages()[0])).toContain("Due now");
    await waitUntil(
      () => h.logs.lines().find((e) => e["msg"] === "picture not drawn; the text goes alone"),
      20_000,
      () => "no log line",
    );
    expect(failed.messages()[0]!.attachments).toEqual([]);
  });
});
