// Pictures in the console: /stats and /leaderboard write their PNGs under the pictures folder
// (./data by default) and print where; the board names the console's one person.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PassThrough, Writable } from "node:stream";
import { decode } from "fast-png";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CONSOLE_TEAM, CONSOLE_USER, runConsole } from "../../src/adapters/console/console-session.ts";
import type { Actor } from "../../src/core/identity.ts";
import type { Picture } from "../../src/core/views/picture.ts";
import { PictureWorkers, type PictureDrawer } from "../../src/pictures/picture-drawer.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { answerCard, startTestBot, type TestBot } from "../support/test-bot.ts";

describe("pictures in the console", () => {
  let t: TestBot;
  let dir: string;
  let pictures: PictureWorkers;
  beforeEach(async () => {
    t = await startTestBot("sqlite", aLibrary([aFlashcard("card-1")]));
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-pictures-"));
    pictures = new PictureWorkers();
  });
  afterEach(async () => {
    await pictures.close();
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function session(lines: string[], drawer: PictureDrawer): Promise<string> {
    const input = new PassThrough();
    let out = "";
    const output = new Writable({
      write(chunk, _encoding, done) {
        out += String(chunk);
        done();
      },
    });
    input.end([...lines, "/quit"].join("\n"));
    await runConsole({
      bot: t.bot,
      input,
      output,
      systemLocale: "en",
      database: "test",
      logger: captureLogs().logger,
      now: () => t.clock.now,
      pictures: drawer,
      picturesDir: path.join(dir, "data"),
      ownName: "Aiko Tanaka",
    });
    return out;
  }

  it("writes the /stats and /leaderboard pictures under the pictures folder, prints their paths, and names the console's person on the board", async () => {
    const me: Actor = { userId: CONSOLE_USER, teamId: CONSOLE_TEAM, clientLocale: "en", isAdmin: true };
    const front = await t.bot.command(me, { name: "study" }, t.clock.now);
    await answerCard(t, me, front, "Good", new Date(t.clock.now.getTime() + 5000));
    const drawn: Picture[] = [];
    const out = await session(["/stats", "/leaderboard"], {
      draw: (p) => (drawn.push(p), pictures.draw(p)),
      close: () => Promise.resolve(),
    });
    const saved = [...out.matchAll(/^Saved (?:to )?(.+\.png)\b.*$/gm)].map((m) => m[1]!.trim());
    expect(saved.map((p) => path.basename(p))).toEqual([
      expect.stringMatching(/^stats-\d{4}-\d{2}-\d{2}\.png$/),
      "leaderboard-week-xp.png",
    ]);
    for (const file of saved) {
      expect(path.dirname(path.resolve(file))).toBe(path.join(dir, "data"));
      const image = decode(readFileSync(file));
      expect(image.width).toBe(1000);
      expect(image.data.some((v, i) => i % image.channels !== 3 && v < 128)).toBe(true);
    }
    const board = drawn[1]!;
    if (board.kind !== "board") throw new Error("not a board");
    expect(board.rows.map((r) => [r.name, r.initials, r.self])).toEqual([["Aiko Tanaka", "AT", true]]);
  });

  it("prints the text alone when the picture cannot be drawn", async () => {
    const out = await session(["/stats"], { draw: () => Promise.reject(new Error("no drawing")), close: () => Promise.resolve() });
    expect(out).toContain("Due now");
    expect(out).not.toMatch(/\.png/);
  });
});
