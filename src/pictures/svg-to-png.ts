// SVG to PNG with resvg, using only the Noto Sans JP font that npm installs with the bot
// (@embedpdf/fonts-jp), never the system's: the same picture on every machine and in Docker, and
// kana and kanji drawn as themselves.
import { createRequire } from "node:module";
import path from "node:path";
import { Resvg } from "@resvg/resvg-js";
import { FONT_FAMILY } from "./picture-style.ts";

const fontsPackage = path.dirname(createRequire(import.meta.url).resolve("@embedpdf/fonts-jp"));
export const FONT_FILE = path.join(fontsPackage, "..", "fonts", "NotoSansJP-Regular.otf");

export function svgToPng(svg: string): Uint8Array {
  const resvg = new Resvg(svg, {
    font: { fontFiles: [FONT_FILE], loadSystemFonts: false, defaultFontFamily: FONT_FAMILY },
    shapeRendering: 2,
    textRendering: 1,
  });
  return resvg.render().asPng();
}
