// Turns free-form tags ("AWS::S3, data modeling") into topic ids the item schema accepts.
import { TOPIC_ID_MAX } from "../deck/item.ts";

/** Splits on whitespace, commas (also Japanese ones) and Anki's `::`; drops tags with nothing usable left. */
export function tagsToTopics(tags: string): string[] {
  const topics = new Set<string>();
  for (const tag of tags.split(/::|[\s,、，]+/)) {
    const id = toTopicId(tag);
    if (id !== "") topics.add(id);
  }
  return [...topics];
}

/** Lowercase letters, digits and hyphens, at most TOPIC_ID_MAX long; "" when no letter or digit survives. */
export function toTopicId(tag: string): string {
  return tag
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+/, "")
    .slice(0, TOPIC_ID_MAX)
    .replace(/-+$/, "");
}
