// SVG to PNG with resvg, using only the Noto Sans JP font that npm installs with the bot
// (@embedpdf/fonts-jp), never the system's: the same picture on every machine and in Docker, and
// kana and kanji drawn as themselves. A drawing thread gives resvg the font cut down to the
// picture's characters (font-subset.ts), which draws the same pixels in about half the time; a
// failed cut, or a caller that set none up, uses the whole font.
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { charactersOf, FontSubsetter, SubsetFiles } from "./font-subset.ts";
import { FONT_FAMILY } from "./picture-style.ts";

const fontsPackage = path.dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-jp"));
export const FONT_FILE = path.join(fontsPackage, "..", "fonts", "NotoSansJP-Regular.otf");

let subsets: SubsetFiles | undefined;

/** From now on, pictures drawn in this thread use subsets of the font, kept as files in `dir` (undefined: the whole font again). */
export function useFontSubsets(dir: string | undefined): void {
  subsets = dir === undefined ? undefined : new SubsetFiles(new FontSubsetter(FONT_FILE), dir);
}

function fontFor(svg: string): string {
  if (!subsets) return FONT_FILE;
  try {
    return subsets.fileFor(charactersOf(svg));
  } catch {
    return FONT_FILE;
  }
}

export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [fontFor(svg)], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
