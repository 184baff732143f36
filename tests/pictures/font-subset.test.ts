// The font cut to each picture's characters draws exactly what the whole font draws (same PNG bytes)
// for English and Japanese pictures, names in any script, and characters the font lacks; the drawing
// threads use it, and their subset files go when the drawer closes.
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boardPicture } from "../../src/core/leaderboard/board-picture.ts";
import { statsPicture } from "../../src/core/stats/stats-picture.ts";
import { addDays } from "../../src/core/time/zoned-time.ts";
import type { Picture } from "../../src/core/views/picture.ts";
import { drawPicture } from "../../src/pictures/draw-picture.ts";
import { charactersOf, FontSubsetter, SubsetFiles } from "../../src/pictures/font-subset.ts";
import { PictureWorkers } from "../../src/pictures/picture-drawer.ts";
import { FONT_FILE, useFontSubsets } from "../../src/pictures/svg-to-png.ts";

const TODAY = "2026-12-03";

function stats(locale: "en" | "ja"): Picture {
  const days = Array.from({ length: 90 }, (_, i) => ({
    day: addDays(TODAY, -i * 2),
    reviews: 1 + ((i * 37) % 90),
    mature: 10,
    recalled: 9,
  }));
  const dues = Array.from({ length: 50 }, (_, i) => new Date(Date.parse(`${TODAY}T12:00:00Z`) + i * 9 * 3_600_000));
  return statsPicture({ days, dues }, TODAY, "Asia/Tokyo", locale);
}

function board(names: string[]): Picture {
  const p = boardPicture(
    {
      title: "リーダーボード · 今週 · XP",
      top: names.map((_, i) => ({ userId: `u${i}`, value: 300 - i * 20, rank: i + 1 })),
      self: "u1",
      format: (v) => `${v} XP`,
      own: "あなた：2位（280 XP）",
    },
    "ja",
  );
  return { ...p, rows: p.rows.map((r, i) => ({ ...r, name: names[i]!, initials: [...names[i]!][0]! })) };
}

const PICTURES: [string, Picture][] = [
  ["stats in English", stats("en")],
  ["stats in Japanese", stats("ja")],
  ["a board with Latin, kana, kanji, Hangul and accented names", board(["Aiko Tanaka", "さくら", "髙橋 𠮷男", "김민준", "Zoë Ångström"])],
  ["a board with characters the font lacks", board(["\uE000\uE001", "🙂 Emoji", "Ren"])],
];

describe("the font cut to a picture's characters", () => {
  let dir: string;
  const whole = new Map<string, Uint8Array>();
  beforeAll(() => {
    for (const [name, picture] of PICTURES) whole.set(name, drawPicture(picture));
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-subset-test-"));
    useFontSubsets(dir);
  });
  afterAll(() => {
    useFontSubsets(undefined);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(PICTURES)("draws %s byte for byte as the whole font does", (name, picture) => {
    const cut = drawPicture(picture);
    expect(Buffer.from(cut).equals(Buffer.from(whole.get(name)!))).toBe(true);
  });

  it("is a small part of the font", () => {
    const files = readdirSync(dir).map((f) => statSync(path.join(dir, f)).size);
    expect(files.length).toBeGreaterThanOrEqual(PICTURES.length);
    expect(Math.max(...files)).toBeLessThan(statSync(FONT_FILE).size / 20);
  });

  it("takes every character the SVG may draw, numeric entities included", () => {
    const chars = charactersOf(`<text>田中 &#12354;&#x3044;</text>`);
    for (const ch of ["田", "中", "あ", "い", "A", "z", "0", " ", "~"]) expect(chars).toContain(ch);
    expect(chars).not.toContain("\u007f");
  });

  it("reuses a subset for the same characters and keeps at most 32 files", () => {
    const files = new SubsetFiles(new FontSubsetter(FONT_FILE), path.join(dir, "lru"));
    const first = files.fileFor("abc");
    expect(files.fileFor("abc")).toBe(first);
    for (let i = 0; i < 40; i++) files.fileFor(`abc${String.fromCodePoint(0x4e00 + i)}`);
    expect(readdirSync(path.join(dir, "lru"))).toHaveLength(32);
    expect(existsSync(first)).toBe(false);
  });
});

describe("the drawing threads' subsets", () => {
  it("are written while drawing and removed with the drawer", async () => {
    const workers = new PictureWorkers();
    try {
      const png = await workers.draw(stats("ja"));
      expect(Buffer.from(png).equals(Buffer.from(drawPicture(stats("ja"))))).toBe(true);
      const folder = workers.subsetFolder!;
      const files = readdirSync(folder, { recursive: true }).filter((f) => String(f).endsWith(".otf"));
      expect(files.length).toBeGreaterThan(0);
    } finally {
      await workers.close();
    }
    expect(existsSync(workers.subsetFolder!)).toBe(false);
  });
});
