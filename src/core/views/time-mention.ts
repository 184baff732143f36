// An instant named in a view (a question's deadline). The core does not know how a platform shows
// time: it leaves a marker that each adapter renders its own way (Discord's countdown, Slack's date
// token that each reader sees in their own time zone, the console's local clock). Like user
// mentions, the marker carries a per-process secret so that text from a deck cannot forge one.
const bytes = new Uint8Array(6);
globalThis.crypto.getRandomValues(bytes);
const NONCE = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const PATTERN = new RegExp(`⟦t:${NONCE}:(\\d{1,15})⟧`, "g");

export function timeMention(at: Date): string {
  return `⟦t:${NONCE}:${at.getTime()}⟧`;
}

/** Replaces every time marker in `text` with what `render` makes of its instant. */
export function renderTimes(text: string, render: (at: Date) => string): string {
  return text.replace(PATTERN, (_, ms: string) => render(new Date(Number(ms))));
}
