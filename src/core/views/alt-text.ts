// A picture's words for those who cannot see it: the view's title and text, without markdown, and
// within Slack's limit for alt text (1,000 characters; Discord allows 1,024). The core knows people
// only by id, so its alt text keeps each mention as a marker; the adapter names them with the names
// it already holds (the same names the picture is drawn with) when it attaches the picture.
import { renderMentions } from "./user-mention.ts";
import type { View } from "./view.ts";

export const ALT_TEXT_MAX = 1000;

/** The view's words for its picture, mentions kept as markers for `namedAltText`. */
export function altText(v: View): string {
  return [v.title, ...v.body]
    .filter((s): s is string => s !== undefined && s !== "")
    .map((s) => s.replace(/\*\*/g, ""))
    .join("\n");
}

/** The alt text as attached: each person named by `name`, cut to the platforms' limit. */
export function namedAltText(alt: string, name: (userId: string) => string): string {
  const text = renderMentions(alt, name);
  return text.length <= ALT_TEXT_MAX ? text : `${text.slice(0, ALT_TEXT_MAX - 1)}…`;
}
