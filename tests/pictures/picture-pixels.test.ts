// The pictures decoded back to pixels: the size they promise, ink on them, one coloured heatmap
// cell per study day with reviews, Japanese drawn as Japanese (not the font's missing-glyph box),
// and the same data giving the same bytes.
import { decode } from "fast-png";
import { describe, expect, it } from "vitest";
import { statsPicture } from "../../src/core/stats/stats-picture.ts";
import { addDays } from "../../src/core/time/zoned-time.ts";
import type { BoardPicture } from "../../src/core/views/picture.ts";
import { drawPicture } from "../../src/pictures/draw-picture.ts";
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
  const days = Array.from({ length: studyDays }, (_, i) => ({ day: addDays(TODAY, -i * 3), reviews: 1 + ((i * 37) % 90), mature: 10, recalled: 9 }));
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
    expect(region(drawPicture(board("\uE000\uE000\uE000\uE000\uE000\uE000")))).toBe(region(drawPicture(board("\uE001\uE001\uE001\uE001\uE001\uE001"))));
  });
});
