// What a modal opened by the bot carries in its private_metadata: where it was opened, since a
// view submission names neither the workspace of the click nor its channel.
import { z } from "zod";

const modalMetadataSchema = z.object({
  team: z.string().max(40),
  enterprise: z.string().max(40).nullable().optional(),
  channel: z.string().max(40).optional(),
});

export type ModalMetadata = z.infer<typeof modalMetadataSchema>;

export function writeModalMetadata(metadata: ModalMetadata): string {
  return JSON.stringify(metadata);
}

/** Throws on anything but metadata the bot wrote. */
export function parseModalMetadata(text: string): ModalMetadata {
  return modalMetadataSchema.parse(JSON.parse(text || "{}"));
}

/** The metadata, or undefined when there is none the bot wrote. */
export function readModalMetadata(text: string): ModalMetadata | undefined {
  try {
    return modalMetadataSchema.safeParse(JSON.parse(text || "{}")).data;
  } catch {
    return undefined;
  }
}
