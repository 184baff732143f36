// The pictures decoded back to pixels: the size they promise, ink on them, one coloured heatmap
// cell per study day with reviews, Japanese drawn as Japanese (not the font's missing-glyph box),
// and the same data giving the same bytes.
import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { withNames } from "../../src/adapters/shared/attached-picture.ts";
import { initialsOf, SeenNames } from "../../src/adapters/shared/seen-names.ts";
import { boardPicture } from "../../src/core/leaderboard/board-picture.ts";
import { statsPicture } from "../../src/core/stats/stats-picture.ts";
import { addDays } from "../../src/core/time/zoned-time.ts";
import type { BoardPicture } from "../../src/core/views/picture.ts";
import { drawPicture } from "../../src/pictures/draw-picture.ts";
import { boardHeight } from "../../src/pictures/draw-board.ts";
import { HEATMAP_BOX, STATS_HEIGHT } from "../../src/pictures/draw-stats.ts";
import { COLOURS, WIDTH } from "../../src/pictures/picture-style.ts";

const TODAY = "2026-12-03";

interface Pixels {
  width: number;
  height: number;
  at(x: number, y: number): string;
}

function pixels(png: Uint8Array): Pixels {
  const image = decode(png);
  const channels = image.channels;
  return {
    width: image.width,
    height: image.height,
    at(x, y) {
      const i = (y * image.width + x) * channels;
      const hex = (n: number) => (image.data[i + n] ?? 0).toString(16).padStart(2, "0");
      return `#${hex(0)}${hex(1)}${hex(2)}`;
    },
  };
}

/** Connected areas of pixels whose colour is in `colours`, inside the box. */
function areas(p: Pixels, box: { x0: number; y0: number; x1: number; y1: number }, colours: Set<string>): number {
  const seen = new Set<number>();
  let count = 0;
  for (let y = box.y0; y < box.y1; y++)
    for (let x = box.x0; x < box.x1; x++) {
      const key = y * p.width + x;
      if (seen.has(key) || !colours.has(p.at(x, y))) continue;
      count += 1;
      const stack = [[x, y] as const];
      seen.add(key);
      while (stack.length > 0) {
        const [cx, cy] = stack.pop()!;
        for (const [nx, ny] of [
          [cx + 1, cy],
          [cx - 1, cy],
          [cx, cy + 1],
          [cx, cy - 1],
        ] as const) {
          const k = ny * p.width + nx;
          if (nx < box.x0 || ny < box.y0 || nx >= box.x1 || ny >= box.y1 || seen.has(k) || !colours.has(p.at(nx, ny))) continue;
          seen.add(k);
          stack.push([nx, ny]);
        }
      }
    }
  return count;
}

function inkCount(p: Pixels, box: { x0: number; y0: number; x1: number; y1: number }): number {
  let ink = 0;
  for (let y = box.y0; y < box.y1; y++) for (let x = box.x0; x < box.x1; x++) if (p.at(x, y) !== COLOURS.background) ink++;
  return ink;
}

/** A learner who studied on some days of the year, with busy and quiet days. */
function history(studyDays: number) {
  const days = Array.from({ length: studyDays }, (_, i) => ({
    day: addDays(TODAY, -i * 3),
    reviews: 1 + ((i * 37) % 90),
    mature: 10,
    recalled: 9,
  }));
  const dues = Array.from({ length: 50 }, (_, i) => new Date(Date.parse(`${TODAY}T12:00:00Z`) + i * 9 * 3_600_000));
  return { days, dues };
}

const HEATMAP = {
  x0: HEATMAP_BOX.left - 2,
  y0: HEATMAP_BOX.top - 2,
  x1: HEATMAP_BOX.left + HEATMAP_BOX.weeks * HEATMAP_BOX.cell + 2,
  y1: HEATMAP_BOX.top + HEATMAP_BOX.days * HEATMAP_BOX.cell + 2,
};

describe("the /stats picture", () => {
  it("is 1000 px wide, has ink, and colours exactly the study days with reviews", () => {
    for (const studyDays of [1, 37, 121]) {
      const png = drawPicture(statsPicture(history(studyDays), TODAY, "Asia/Tokyo", "en"));
      const p = pixels(png);
      expect([p.width, p.height]).toEqual([WIDTH, STATS_HEIGHT]);
      expect(inkCount(p, { x0: 0, y0: 0, x1: p.width, y1: p.height })).toBeGreaterThan(20_000);
      expect(areas(p, HEATMAP, new Set(COLOURS.levels))).toBe(studyDays);
    }
  });

  it("counts study days, not calendar days: reviews after midnight and before 4 AM belong to the day before", () => {
    const picture = statsPicture(
      { days: [{ day: "2026-12-02", reviews: 5, mature: 0, recalled: 0 }], dues: [new Date("2026-12-03T18:00:00Z")] },
      TODAY,
      "Asia/Tokyo",
      "en",
    );
    // 18:00 UTC is 3 AM the next morning in Tokyo: still the study day of December 3.
    expect(picture.forecast[0]?.due).toBe(1);
    expect(areas(pixels(drawPicture(picture)), HEATMAP, new Set(COLOURS.levels))).toBe(1);
  });

  it("gives a learner with no reviews a friendly empty picture", () => {
    const picture = statsPicture({ days: [], dues: [] }, TODAY, "UTC", "ja");
    expect(picture.labels.empty).toBe("まだ復習がありません。/study で始めましょう");
    const p = pixels(drawPicture(picture));
    expect(areas(p, HEATMAP, new Set(COLOURS.levels))).toBe(0);
    expect(inkCount(p, { x0: 300, y0: 260, x1: 700, y1: 310 })).toBeGreaterThan(500);
  });

  it("gives the same bytes for the same data", () => {
    const picture = statsPicture(history(40), TODAY, "Asia/Tokyo", "ja");
    expect(Buffer.from(drawPicture(picture)).equals(Buffer.from(drawPicture(structuredClone(picture))))).toBe(true);
  });
});

/** A team's board: `ranked` people, the best first, the asker third. */
function board(ranked: number, locale: "en" | "ja" = "en") {
  const top = Array.from({ length: ranked }, (_, i) => ({ userId: `discord:10000000000000000${i}`, value: 500 - i * 37, rank: i + 1 }));
  return boardPicture(
    {
      title: "Leaderboard · This week · XP",
      top,
      self: "discord:100000000000000002",
      format: (v) => `${v} XP`,
      own: "You: **#3** · 426 XP",
    },
    locale,
  );
}

describe("the /leaderboard picture", () => {
  it("is 1000 px wide, has ink, and draws one initials badge per ranked person, ten at most", () => {
    for (const ranked of [1, 4, 10, 12]) {
      const picture = board(ranked);
      expect(picture.rows).toHaveLength(Math.min(ranked, 10));
      const p = pixels(drawPicture(picture));
      expect([p.width, p.height]).toEqual([WIDTH, boardHeight(picture)]);
      expect(inkCount(p, { x0: 0, y0: 0, x1: p.width, y1: p.height })).toBeGreaterThan(5_000);
      // The badges' column, between the title and the asker's own line.
      const badges = areas(p, { x0: 74, y0: 90, x1: 118, y1: p.height - 70 }, new Set(everyColourBut(p, COLOURS.background)));
      expect(badges).toBe(Math.min(ranked, 10));
    }
  });

  it("marks the asker's row, keeps their line plain, and draws an empty board with its message", () => {
    const picture = board(4, "ja");
    expect(picture.rows.map((r) => r.self)).toEqual([false, false, true, false]);
    expect(picture.own).toBe("You: #3 · 426 XP");
    expect(picture.subtitle).toBe("チームの上位 4 人");
    const empty = board(0, "ja");
    expect(empty.empty).toBe("この期間はまだ誰も学習していません");
    const p = pixels(drawPicture(empty));
    expect(inkCount(p, { x0: 300, y0: 96, x1: 700, y1: 96 + 3 * 44 })).toBeGreaterThan(500);
  });

  it("shows the names the adapter knows with their initials, and a neutral label with ? for the others", () => {
    const names = new SeenNames();
    names.remember("discord:100000000000000000", "Aiko Tanaka");
    names.remember("discord:100000000000000002", "田中");
    const named = withNames(board(3), (id) => names.nameOf(id));
    if (named.kind !== "board") throw new Error("not a board");
    expect(named.rows.map((r) => [r.name, r.initials])).toEqual([
      ["Aiko Tanaka", "AT"],
      ["Team member", "?"],
      ["田中", "田"],
    ]);
    expect(initialsOf("  ")).toBe("?");
    expect(initialsOf("kenji_watanabe")).toBe("KW");
    // Different names give different pictures: the badges say who is who.
    expect(Buffer.from(drawPicture(named)).equals(Buffer.from(drawPicture(board(3))))).toBe(false);
  });

  it("forgets names after a day", () => {
    const names = new SeenNames();
    names.remember("slack:T1:U1", "Ren", 0);
    expect(names.nameOf("slack:T1:U1", 3_600_000)).toBe("Ren");
    expect(names.nameOf("slack:T1:U1", 25 * 3_600_000)).toBeUndefined();
  });
});

/** Every colour in the picture except one. */
function everyColourBut(p: Pixels, colour: string): string[] {
  const seen = new Set<string>();
  for (let y = 0; y < p.height; y++) for (let x = 0; x < p.width; x++) seen.add(p.at(x, y));
  seen.delete(colour);
  return [...seen];
}

describe("Japanese in pictures", () => {
  const board = (title: string): BoardPicture => ({ kind: "board", title, subtitle: "2026-W49", rows: [], own: "-", empty: "-" });
  const TITLE = { x0: 20, y0: 10, x1: 400, y1: 50 };
  const region = (png: Uint8Array) => {
    const p = pixels(png);
    const out: string[] = [];
    for (let y = TITLE.y0; y < TITLE.y1; y++) for (let x = TITLE.x0; x < TITLE.x1; x++) out.push(p.at(x, y));
    return out.join("");
  };

  it("draws kana and kanji with the installed font, not its missing-glyph box", () => {
    const japanese = drawPicture(board("学習のようす"));
    // Private-use characters: no font has them, so the font's missing-glyph box is drawn.
    const missing = drawPicture(board("\uE000\uE001\uE002\uE003\uE004\uE005"));
    const p = pixels(japanese);
    expect(inkCount(p, TITLE)).toBeGreaterThan(300);
    expect(region(japanese)).not.toBe(region(missing));
    // Each character is its own glyph: the boxes repeat, the kanji do not.
    expect(region(drawPicture(board("学学学学学学")))).not.toBe(region(drawPicture(board("習習習習習習"))));
    expect(region(drawPicture(board("\uE000\uE000\uE000\uE000\uE000\uE000")))).toBe(
      region(drawPicture(board("\uE001\uE001\uE001\uE001\uE001\uE001"))),
    );
  });
});
