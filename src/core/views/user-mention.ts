// A person named in a view (leaderboards, recaps). The core never stores or knows display names:
// it leaves a marker that each adapter renders as the platform's own mention, which the chat
// client shows with the person's current name. The marker carries a per-process secret so that
// text from a deck or a user cannot forge one.
const bytes = new Uint8Array(6);
globalThis.crypto.getRandomValues(bytes);
const NONCE = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const PATTERN = new RegExp(`⟦u:${NONCE}:([^⟧]{1,120})⟧`, "g");

export function userMention(userId: string): string {
  return `⟦u:${NONCE}:${userId}⟧`;
}

/** Replaces every mention marker in `text` with what `render` makes of the user id. */
export function renderMentions(text: string, render: (userId: string) => string): string {
  return text.replace(PATTERN, (_, userId: string) => render(userId));
}
