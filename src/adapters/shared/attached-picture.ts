// A reply's picture, drawn for an adapter to attach. Drawing is a nicety: when it fails (or no
// drawer is configured) the adapter sends the text alone, which says the same.
import type { Reply } from "../../core/views/view.ts";
import type { Logger } from "../../ops/logger.ts";
import type { PictureDrawer } from "../../pictures/picture-drawer.ts";

export interface DrawnPicture {
  filename: string;
  png: Uint8Array;
  /** What the picture shows, in words: Discord's description, Slack's alt text. */
  alt: string;
}

export async function drawAttached(reply: Reply, drawer: PictureDrawer | undefined, logger: Logger): Promise<DrawnPicture | undefined> {
  if (!reply.picture || !drawer) return undefined;
  try {
    return { filename: `${reply.picture.name}.png`, png: await drawer.draw(reply.picture.picture), alt: reply.picture.alt };
  } catch (e) {
    logger.warn({ err: e, picture: reply.picture.picture.kind }, "picture not drawn; the text goes alone");
    return undefined;
  }
}
