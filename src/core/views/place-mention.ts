// A place named in a view: a channel, or one message in it ("a round is already running: here").
// The core cannot build a platform's link, so it leaves a marker that each adapter renders as the
// platform's own link or channel mention. It carries a per-process secret, like user mentions.
const bytes = new Uint8Array(6);
globalThis.crypto.getRandomValues(bytes);
const NONCE = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
const PATTERN = new RegExp(`⟦p:${NONCE}:([^|⟧]{1,120})\\|([^|⟧]{1,120})\\|([^|⟧]{0,120})⟧`, "g");

export interface Place {
  teamId: string;
  channelId: string;
  /** The message, as the platform's sender named it when posting; null for the channel itself. */
  messageRef: string | null;
}

export function placeMention(place: Place): string {
  return `⟦p:${NONCE}:${place.teamId}|${place.channelId}|${place.messageRef ?? ""}⟧`;
}

/** Replaces every place marker in `text` with what `render` makes of it. */
export function renderPlaces(text: string, render: (place: Place) => string): string {
  return text.replace(PATTERN, (_, teamId: string, channelId: string, ref: string) =>
    render({ teamId, channelId, messageRef: ref.length > 0 ? ref : null }),
  );
}
