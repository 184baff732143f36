// The font cut down to the characters one picture draws. resvg reads every font file it is given
// for each picture, and reading the whole of Noto Sans JP (4.5 MB, 17,000 glyphs) was most of a
// picture's time; a subset of the hundred-odd characters a picture uses reads in a fraction of it
// and draws the same pixels (layout features are all kept, so shaping is unchanged). HarfBuzz's
// subsetter (harfbuzzjs, WebAssembly) does the cutting: compiled once per drawing thread, with the
// full font loaded into it once, then each new set of characters costs a few milliseconds.
// resvg takes font files only by path, so each subset is written once to the thread's own folder
// and reused for pictures with the same characters; the folder is its owner's to remove.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";

// WebAssembly's JavaScript API, as far as it is used here (the project's type libraries leave it out).
const Wasm = (
  globalThis as unknown as {
    WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object, imports: object) => { exports: unknown } };
  }
).WebAssembly;

interface HarfBuzz {
  memory: { buffer: ArrayBuffer };
  _initialize(): void;
  malloc(size: number): number;
  hb_blob_create(data: number, length: number, mode: number, userData: number, destroy: number): number;
  hb_blob_destroy(blob: number): void;
  hb_blob_get_data(blob: number, length: number): number;
  hb_blob_get_length(blob: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(face: number): void;
  hb_face_reference_blob(face: number): number;
  hb_set_add(set: number, value: number): void;
  hb_set_clear(set: number): void;
  hb_set_invert(set: number): void;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(input: number): void;
  hb_subset_input_set(input: number, which: number): number;
  hb_subset_input_unicode_set(input: number): number;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
/** Subset files kept per thread: a stats picture's characters repeat; boards with names vary. */
const KEPT = 32;

/** Every character a picture's SVG may draw: its non-ASCII characters, those behind numeric entities, and all of printable ASCII. */
export function charactersOf(svg: string): string {
  const chars = new Set<string>();
  for (let c = 0x20; c < 0x7f; c++) chars.add(String.fromCharCode(c));
  // Only the non-ASCII characters are visited: most of an SVG is ASCII markup and numbers.
  for (const m of svg.matchAll(/[^\x00-\x7e]/gu)) chars.add(m[0]);
  for (const m of svg.matchAll(/&#(x[0-9a-f]+|\d+);/gi)) {
    const code = m[1]!.startsWith("x") || m[1]!.startsWith("X") ? Number.parseInt(m[1]!.slice(1), 16) : Number(m[1]);
    if (Number.isInteger(code) && code > 0 && code <= 0x10ffff) chars.add(String.fromCodePoint(code));
  }
  return [...chars].sort().join("");
}

export class FontSubsetter {
  private readonly hb: HarfBuzz;
  private readonly face: number;

  /** Compiles HarfBuzz's subsetter and loads the font into it (about a tenth of a second, once per thread). */
  constructor(fontFile: string) {
    const wasm = readFileSync(createRequire(import.meta.url).resolve("harfbuzzjs/dist/harfbuzz-subset.wasm"));
    this.hb = new Wasm.Instance(new Wasm.Module(wasm), {}).exports as HarfBuzz;
    this.hb._initialize();
    const font = readFileSync(fontFile);
    // The font stays in HarfBuzz's memory for the thread's life: every subset is cut from this face.
    const data = this.hb.malloc(font.byteLength);
    new Uint8Array(this.hb.memory.buffer).set(font, data);
    const blob = this.hb.hb_blob_create(data, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    this.face = this.hb.hb_face_create(blob, 0);
    this.hb.hb_blob_destroy(blob);
  }

  /** The font with the glyphs of `characters` (and those its layout features reach) only, as OpenType bytes. */
  subset(characters: string): Uint8Array {
    const hb = this.hb;
    const input = hb.hb_subset_input_create_or_fail();
    if (input === 0) throw new Error("HarfBuzz could not start a subset");
    let subset = 0;
    try {
      // Every layout feature, as `hb-subset --layout-features=*`: shaping is then the full font's.
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      hb.hb_set_invert(features);
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const ch of characters) hb.hb_set_add(unicodes, ch.codePointAt(0)!);
      subset = hb.hb_subset_or_fail(this.face, input);
    } finally {
      hb.hb_subset_input_destroy(input);
    }
    if (subset === 0) throw new Error("HarfBuzz could not subset the font");
    const blob = hb.hb_face_reference_blob(subset);
    try {
      const length = hb.hb_blob_get_length(blob);
      if (length === 0) throw new Error("HarfBuzz made an empty subset");
      // A copy: the view into HarfBuzz's memory is invalid once it grows or the blob is freed.
      return new Uint8Array(hb.memory.buffer, hb.hb_blob_get_data(blob, 0), length).slice();
    } finally {
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(subset);
    }
  }
}

/** Subset font files in a folder, one per set of characters, the least recently used removed past KEPT. */
export class SubsetFiles {
  private readonly files = new Map<string, string>();
  private next = 0;
  private readonly subsetter: FontSubsetter;
  private readonly dir: string;

  constructor(subsetter: FontSubsetter, dir: string) {
    this.subsetter = subsetter;
    this.dir = dir;
    mkdirSync(dir, { recursive: true });
  }

  /** The path of a font file covering `characters`. */
  fileFor(characters: string): string {
    const known = this.files.get(characters);
    if (known) {
      this.files.delete(characters);
      this.files.set(characters, known);
      return known;
    }
    const file = path.join(this.dir, `subset-${this.next++}.otf`);
    writeFileSync(file, this.subsetter.subset(characters));
    this.files.set(characters, file);
    if (this.files.size > KEPT) {
      const [oldest, oldFile] = this.files.entries().next().value as [string, string];
      this.files.delete(oldest);
      rmSync(oldFile, { force: true });
    }
    return file;
  }
}
