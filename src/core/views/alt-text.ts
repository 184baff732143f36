// A picture's words for those who cannot see it: the view's title and text, without markdown, and
// within Slack's limit for alt text (1,000 characters; Discord allows 1,024).
import { renderMentions } from "./user-mention.ts";
import type { View } from "./view.ts";

export const ALT_TEXT_MAX = 1000;

export function altText(v: View, name: (userId: string) => string = () => "@"): string {
  const text = [v.title, ...v.body]
    .filter((s): s is string => s !== undefined && s !== "")
    .map((s) => renderMentions(s, name).replace(/\*\*/g, ""))
    .join("\n");
  return text.length <= ALT_TEXT_MAX ? text : `${text.slice(0, ALT_TEXT_MAX - 1)}…`;
}
