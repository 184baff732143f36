// A reply's picture, drawn for an adapter to attach. Drawing is a nicety: when it fails (or no
// drawer is configured) the adapter sends the text alone, which says the same.
import { namedAltText } from "../../core/views/alt-text.ts";
import type { Picture, PictureAttachment } from "../../core/views/picture.ts";
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

/** What a sender needs to draw the pictures its posts carry. */
export interface PictureKit {
  drawer: PictureDrawer;
  logger: Logger;
  nameOf?: KnownName | undefined;
}

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

/**
 * The alt text with each person named as the picture names them: the name the adapter knows, or
 * the board's neutral label ("Team member") for someone it does not; "@" for anyone not on it.
 */
export function altWithNames(alt: string, picture: Picture): string {
  const names = new Map(picture.kind === "board" ? picture.rows.map((row) => [row.userId, row.name] as const) : []);
  return namedAltText(alt, (userId) => names.get(userId) ?? "@");
}

/** A picture drawn (with the names the adapter knows), or undefined with a warning when it cannot be. */
export async function drawPictureAttachment(
  attachment: PictureAttachment,
  drawer: PictureDrawer | undefined,
  logger: Logger,
  nameOf?: KnownName,
): Promise<DrawnPicture | undefined> {
  if (!drawer) return undefined;
  try {
    const picture = withNames(attachment.picture, nameOf);
    return { filename: `${attachment.name}.png`, png: await drawer.draw(picture), alt: altWithNames(attachment.alt, picture) };
  } catch (e) {
    logger.warn({ err: e, picture: attachment.picture.kind }, "picture not drawn; the text goes alone");
    return undefined;
  }
}

export function drawAttached(
  reply: Reply,
  drawer: PictureDrawer | undefined,
  logger: Logger,
  nameOf?: KnownName,
): Promise<DrawnPicture | undefined> {
  if (!reply.picture) return Promise.resolve(undefined);
  return drawPictureAttachment(reply.picture, drawer, logger, nameOf);
}
