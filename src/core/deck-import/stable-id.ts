// Ids for imported cards that survive a re-import: a hash of the normalised front text, so the same card
// in a later upload of the file maps to the same stored progress. Pure JS because src/core does no I/O
// and has no node:crypto; FNV-1a is not a security hash, and ids are only compared within one deck.

/** The form of a front that decides whether two cards are the same: width, spacing and case are ignored. */
export function normaliseFront(front: string): string {
  return front.normalize("NFKC").replace(/\s+/g, " ").trim().toLowerCase();
}

/** 12 hex digits (48 bits) of FNV-1a 64 over the normalised front; a valid item id. */
export function stableItemId(front: string): string {
  return fnv1a64Hex(normaliseFront(front)).slice(0, 12);
}

/** FNV-1a 64-bit over the UTF-8 bytes, computed in four 16-bit limbs so no BigInt is needed. */
export function fnv1a64Hex(text: string): string {
  const bytes = new TextEncoder().encode(text);
  // Offset basis 0xcbf29ce484222325; prime 0x100000001b3 = 2^40 + 0x1b3.
  let h0 = 0x2325;
  let h1 = 0x8422;
  let h2 = 0x9ce4;
  let h3 = 0xcbf2;
  for (const byte of bytes) {
    h0 ^= byte;
    const t0 = h0 * 0x1b3;
    let t1 = h1 * 0x1b3;
    let t2 = h2 * 0x1b3 + (h0 << 8);
    let t3 = h3 * 0x1b3 + (h1 << 8);
    t1 += t0 >>> 16;
    t2 += t1 >>> 16;
    t3 += t2 >>> 16;
    h0 = t0 & 0xffff;
    h1 = t1 & 0xffff;
    h2 = t2 & 0xffff;
    h3 = t3 & 0xffff;
  }
  return [h3, h2, h1, h0].map((limb) => limb.toString(16).padStart(4, "0")).join("");
}
