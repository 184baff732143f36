// One picture, from checked data to PNG bytes: the drawing thread's whole job.
import { pictureSchema } from "../core/views/picture.ts";
import { drawBoard } from "./draw-board.ts";
import { drawStats } from "./draw-stats.ts";
import { svgToPng } from "./svg-to-png.ts";

export function drawPicture(data: unknown): Uint8Array {
  const picture = pictureSchema.parse(data);
  return svgToPng(picture.kind === "stats" ? drawStats(picture) : drawBoard(picture));
}
