// Anki stores fields as HTML when its export says `#html:true`; chat messages want plain text.
// The tag patterns never scan past the next `<`, and a run of blanks is tried from its start only, so
// hostile input cannot make them slow.

const NAMED_ENTITIES: Readonly<Record<string, string>> = { nbsp: " ", amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };

export function htmlToText(html: string): string {
  const withBreaks = html
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/?(?:div|p|li|tr|h[1-6])\b[^<>]*>/gi, "\n")
    .replace(/<[^<>]*>/g, "");
  // The lookbehind starts a match only where a run of blanks starts: without it, a run not followed by a
  // line break was scanned again from each of its characters (a cell of 500,000 spaces took minutes).
  return decodeEntities(withBreaks)
    .replace(/(?<![ \t])[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (entity, body: string) => {
    if (!body.startsWith("#")) return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
    const codePoint = body[1] === "x" || body[1] === "X" ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    const usable = codePoint <= 0x10ffff && (codePoint < 0xd800 || codePoint > 0xdfff);
    return usable ? String.fromCodePoint(codePoint) : entity;
  });
}
