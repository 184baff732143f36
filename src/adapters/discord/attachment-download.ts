// Downloads a file a user attached to a command, refusing more than the import limit without
// reading it (an oversized upload gets its clear message from the core, from the size alone).
import type { Attachment } from "discord.js";

export async function downloadAttachment(
  attachment: Attachment,
  maxBytes: number,
): Promise<{ name: string; bytes: Uint8Array; size: number }> {
  if (attachment.size > maxBytes) return { name: attachment.name, bytes: new Uint8Array(0), size: attachment.size };
  const response = await fetch(attachment.url, { signal: AbortSignal.timeout(15_000) });
  if (!response.ok) throw new Error(`the attachment could not be downloaded (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    name: attachment.name,
    bytes: bytes.length > maxBytes ? bytes.subarray(0, maxBytes + 1) : bytes,
    size: Math.max(bytes.length, attachment.size),
  };
}
