// Files on Slack: exports go to the person's DM with the app (Slack refuses a user id as the
// upload's channel, so the DM is opened first), and deck imports come from a modal's file input,
// downloaded with the bot token.
import type { WebClient } from "@slack/web-api";
import { IMPORT_LIMITS } from "../../core/deck-import/parse-deck-file.ts";
import type { ReplyFile } from "../../core/views/view.ts";
import type { DrawnPicture } from "../shared/attached-picture.ts";
import { openDm } from "./slack-dm.ts";

export const DECK_IMPORT_CALLBACK = "deck_import";
export const DECK_FILE_BLOCK = "deck_file";
export const DECK_FILE_ACTION = "file";
export const DECK_NAME_BLOCK = "deck_name";
export const DECK_NAME_ACTION = "name";

export async function sendFilesToDm(client: WebClient, userId: string, files: ReplyFile[], comment: string): Promise<void> {
  const channel = await openDm(client, userId);
  if (!channel) throw new Error("Slack opened no DM channel");
  for (const [i, file] of files.entries()) {
    await client.files.uploadV2({
      channel_id: channel,
      filename: file.name,
      title: file.name,
      content: file.content,
      ...(i === 0 ? { initial_comment: comment } : {}),
    });
  }
}

/** A picture in the person's DM, its alt text the reply's words (Slack shows it to screen readers). */
export async function sendPictureToDm(client: WebClient, userId: string, picture: DrawnPicture): Promise<void> {
  const channel = await openDm(client, userId);
  if (!channel) throw new Error("Slack opened no DM channel");
  await client.files.uploadV2({
    channel_id: channel,
    filename: picture.filename,
    title: picture.filename,
    file: Buffer.from(picture.png),
    alt_text: picture.alt.slice(0, 1000),
  });
}

/** The modal an admin uploads a deck with. */
export function deckImportModal(labels: { title: string; file: string; name: string; submit: string; cancel: string }, metadata: string) {
  return {
    type: "modal" as const,
    callback_id: DECK_IMPORT_CALLBACK,
    private_metadata: metadata,
    title: { type: "plain_text" as const, text: labels.title.slice(0, 24) },
    submit: { type: "plain_text" as const, text: labels.submit.slice(0, 24) },
    close: { type: "plain_text" as const, text: labels.cancel.slice(0, 24) },
    blocks: [
      {
        type: "input" as const,
        block_id: DECK_FILE_BLOCK,
        label: { type: "plain_text" as const, text: labels.file.slice(0, 2000) },
        element: {
          type: "file_input" as const,
          action_id: DECK_FILE_ACTION,
          max_files: 1,
          filetypes: ["csv", "tsv", "txt", "yaml", "yml"],
        },
      },
      {
        type: "input" as const,
        block_id: DECK_NAME_BLOCK,
        optional: true,
        label: { type: "plain_text" as const, text: labels.name.slice(0, 2000) },
        element: { type: "plain_text_input" as const, action_id: DECK_NAME_ACTION, max_length: 40 },
      },
    ],
  };
}

/** Downloads an uploaded file with the bot token, refusing more than the import limit without reading it. */
export async function downloadSlackFile(
  file: { name?: string; size?: number; url_private_download?: string },
  botToken: string,
): Promise<{ name: string; bytes: Uint8Array; size: number }> {
  const name = file.name ?? "deck";
  const size = file.size ?? 0;
  if (size > IMPORT_LIMITS.maxBytes) return { name, bytes: new Uint8Array(0), size };
  if (!file.url_private_download) throw new Error("the uploaded file has no download address");
  const response = await fetch(file.url_private_download, {
    headers: { Authorization: `Bearer ${botToken}` },
    signal: AbortSignal.timeout(15_000),
  });
  // A sign-in page instead of the file means the token was not accepted.
  if (!response.ok || (response.headers.get("content-type") ?? "").includes("text/html"))
    throw new Error(`the file could not be downloaded (${response.status})`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  return {
    name,
    bytes: bytes.length > IMPORT_LIMITS.maxBytes ? bytes.subarray(0, IMPORT_LIMITS.maxBytes + 1) : bytes,
    size: Math.max(size, bytes.length),
  };
}
