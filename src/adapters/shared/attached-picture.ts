// A reply's picture, drawn for an adapter to attach. Drawing is a nicety: when it fails (or no
// drawer is configured) the adapter sends the text alone, which says the same.
import type { Picture } from "../../core/views/picture.ts";
import type { Reply } from "../../core/views/view.ts";
import type { Logger } from "../../ops/logger.ts";
import type { PictureDrawer } from "../../pictures/picture-drawer.ts";
import { initialsOf } from "./seen-names.ts";

export interface DrawnPicture {
  filename: string;
  png: Uint8Array;
  /** What the picture shows, in words: Discord's description, Slack's alt text. */
  alt: string;
}

/** A name the adapter already knows for a person (the core's id), without asking the platform. */
export type KnownName = (userId: string) => string | undefined;

/** The board with the names the adapter knows in place of the core's neutral label and "?" badge. */
export function withNames(picture: Picture, nameOf: KnownName | undefined): Picture {
  if (picture.kind !== "board" || !nameOf) return picture;
  return {
    ...picture,
    rows: picture.rows.map((row) => {
      const name = nameOf(row.userId);
      return name ? { ...row, name, initials: initialsOf(name) } : row;
    }),
  };
}

export async function drawAttached(
  reply: Reply,
  drawer: PictureDrawer | undefined,
  logger: Logger,
  nameOf?: KnownName,
): Promise<DrawnPicture | undefined> {
  if (!reply.picture || !drawer) return undefined;
  try {
    const picture = withNames(reply.picture.picture, nameOf);
    return { filename: `${reply.picture.name}.png`, png: await drawer.draw(picture), alt: reply.picture.alt };
  } catch (e) {
    logger.warn({ err: e, picture: reply.picture.picture.kind }, "picture not drawn; the text goes alone");
    return undefined;
  }
}
