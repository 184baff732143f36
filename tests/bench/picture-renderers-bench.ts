// The choice of SVG-to-PNG renderer by measurement: the same ECharts SVGs (the /stats picture of a
// year of study, and a board with Japanese names) drawn to PNG by
//   - resvg (@resvg/resvg-js) with the whole Noto Sans JP, as the bot drew until now,
//   - resvg with the font cut to the picture's characters, as the bot draws now,
//   - Skia (@napi-rs/canvas) rendering the SVG as an image, the font registered once per process.
// Each row: ms per picture (p50, p99) on this thread, the PNG's size, whether Japanese is drawn as
// Japanese (a kanji title's pixels differ from the font's missing-glyph box in the same place, and
// have ink), and how many pixels differ from the bot's own PNG. @napi-rs/canvas is not one of the
// bot's dependencies: `npm install --no-save @napi-rs/canvas@1.1.1` first, or its rows say it is missing.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { decode } from "fast-png";
import { boardPicture } from "../../src/core/leaderboard/board-picture.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { statsPicture } from "../../src/core/stats/stats-picture.ts";
import { addDays } from "../../src/core/time/zoned-time.ts";
import type { BoardPicture } from "../../src/core/views/picture.ts";
import { drawBoard } from "../../src/pictures/draw-board.ts";
import { drawStats } from "../../src/pictures/draw-stats.ts";
import { FONT_FAMILY } from "../../src/pictures/picture-style.ts";
import { FONT_FILE, svgToPng, useFontSubsets } from "../../src/pictures/svg-to-png.ts";
import { summarize, type BenchRow } from "./bench-table.ts";

interface SkiaCanvas {
  createCanvas(
    w: number,
    h: number,
  ): { getContext(kind: "2d"): { drawImage(i: unknown, x: number, y: number): void }; toBuffer(mime: "image/png"): Buffer };
  GlobalFonts: { registerFromPath(file: string, alias: string): unknown };
  Image: new () => { src: Buffer; width: number; height: number };
}

const TODAY = "2026-12-03";

function statsSvg(): string {
  const random = seededRandom("renderers");
  const days = [];
  for (let i = 0; i < 365; i++)
    if (random() < 0.7) {
      const reviews = 20 + Math.floor(random() * 400);
      days.push({ day: addDays(TODAY, -i), reviews, mature: Math.floor(reviews * 0.7), recalled: Math.floor(reviews * 0.62) });
    }
  const dues = Array.from({ length: 263 }, () => new Date(Date.parse(`${TODAY}T03:00:00Z`) + Math.floor(random() * 40 * 86_400_000)));
  const p = statsPicture({ days, dues }, TODAY, "Asia/Tokyo", "ja");
  if (p.kind !== "stats") throw new Error("not stats");
  return drawStats(p);
}

function board(title: string): BoardPicture {
  const names = ["田中 愛子", "Ren Sato", "佐々木", "Mia", "鈴木 蒼", "Noah", "山本", "Emma", "伊藤 陽", "Kai"];
  const p = boardPicture(
    {
      title,
      top: names.map((_, i) => ({ userId: `u${i}`, value: 500 - i * 37, rank: i + 1 })),
      self: "u3",
      format: (v) => `${v} XP`,
      own: "あなた：4位（389 XP）",
    },
    "ja",
  );
  return { ...p, rows: p.rows.map((r, i) => ({ ...r, name: names[i]!, initials: [...names[i]!][0]! })) };
}

/** The title's band (where the kanji title is drawn) as a string of pixels, and the ink in the whole picture. */
function look(png: Uint8Array): { title: string; ink: number; width: number; height: number; data: Uint8Array; channels: number } {
  const image = decode(png);
  const data = image.data as Uint8Array;
  let title = "";
  for (let y = 14; y < 50; y++)
    for (let x = 24; x < 300; x++) {
      const i = (y * image.width + x) * image.channels;
      title += data[i]! < 128 ? "#" : ".";
    }
  let ink = 0;
  for (let i = 0; i < image.width * image.height; i++) if (data[i * image.channels]! < 200) ink += 1;
  return { title, ink, width: image.width, height: image.height, data, channels: image.channels };
}

/** Share of pixels whose colour differs by more than 48 in any channel from the reference. */
function differing(a: ReturnType<typeof look>, b: ReturnType<typeof look>): string {
  if (a.width !== b.width || a.height !== b.height) return `size ${b.width}x${b.height}`;
  let n = 0;
  for (let p = 0; p < a.width * a.height; p++)
    for (let c = 0; c < 3; c++)
      if (Math.abs(a.data[p * a.channels + c]! - b.data[p * b.channels + c]!) > 48) {
        n += 1;
        break;
      }
  return `${((100 * n) / (a.width * a.height)).toFixed(2)}%`;
}

export async function benchPictureRenderers(o: { calls: number }, log: (s: string) => void): Promise<BenchRow[]> {
  const svgs = { stats: statsSvg(), board: drawBoard(board("リーダーボード · 今週 · XP")) };
  const tofuSvg = drawBoard(board("\uE000\uE001\uE002\uE003\uE004\uE005\uE006"));
  let skia: SkiaCanvas | undefined;
  try {
    const name = "@napi-rs/canvas";
    skia = (await import(name)) as SkiaCanvas;
    skia.GlobalFonts.registerFromPath(FONT_FILE, FONT_FAMILY);
  } catch {
    log("picture-renderers: @napi-rs/canvas is not installed (npm install --no-save @napi-rs/canvas@1.1.1); its rows are left out");
  }
  const skiaPng = (svg: string): Uint8Array => {
    if (!skia) throw new Error("no @napi-rs/canvas");
    const image = new skia.Image();
    image.src = Buffer.from(svg);
    const canvas = skia.createCanvas(image.width, image.height);
    canvas.getContext("2d").drawImage(image, 0, 0);
    return canvas.toBuffer("image/png");
  };
  const dir = mkdtempSync(path.join(tmpdir(), "study-bot-renderers-"));
  const renderers: { name: string; setUp: () => void; draw: (svg: string) => Uint8Array }[] = [
    { name: "resvg, whole font", setUp: () => useFontSubsets(undefined), draw: svgToPng },
    { name: "resvg, font cut to the picture (the bot)", setUp: () => useFontSubsets(dir), draw: svgToPng },
    ...(skia ? [{ name: "Skia (@napi-rs/canvas), font registered once", setUp: () => useFontSubsets(undefined), draw: skiaPng }] : []),
  ];
  const rows: BenchRow[] = [];
  try {
    useFontSubsets(dir);
    const reference = { stats: look(svgToPng(svgs.stats)), board: look(svgToPng(svgs.board)) };
    for (const r of renderers) {
      r.setUp();
      for (const kind of ["stats", "board"] as const) {
        const svg = svgs[kind];
        for (let i = 0; i < 3; i++) r.draw(svg);
        const samples: number[] = [];
        let png: Uint8Array = new Uint8Array();
        const started = performance.now();
        for (let i = 0; i < o.calls; i++) {
          const t = performance.now();
          png = r.draw(svg);
          samples.push(performance.now() - t);
        }
        const s = summarize(samples, performance.now() - started);
        const seen = look(png);
        const cjk = kind === "board" ? (seen.title !== look(r.draw(tofuSvg)).title && seen.title.includes("#") ? "yes" : "NO") : "";
        rows.push({
          benchmark: `${kind} picture: ${r.name}`,
          p50Ms: s.p50,
          p99Ms: s.p99,
          opsPerSec: s.opsPerSec,
          value: `${png.length} B PNG, ${seen.width}x${seen.height}${cjk ? `, kanji drawn: ${cjk}` : ""}, differs from the bot's: ${differing(reference[kind], seen)}`,
        });
      }
    }
  } finally {
    useFontSubsets(undefined);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
