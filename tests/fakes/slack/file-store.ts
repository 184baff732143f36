/**
 * The files the fake Slack holds: files the app uploads (files.getUploadURLExternal -> POST to the
 * upload URL -> files.completeUploadExternal) and files users upload (a modal's `file_input`, made by
 * `fake.addUserFile()`). Builds the file objects Slack returns (files.info, file_input values) with
 * `url_private` / `url_private_download` pointing at the fake's own HTTP server.
 */
import { randomBytes } from "node:crypto";
import type { UploadedFile } from "@slack/bolt";
import { slackId } from "./slack-ids.ts";
import type { Workspace } from "./workspace.ts";

/** Slack takes files up to 1 GB (enforced loosely: on the announced length and on the bytes received). */
export const MAX_UPLOAD_BYTES = 1024 ** 3;
/** A modal's `file_input` takes files up to 10 MB each (Slack's Block Kit reference). */
export const MAX_FILE_INPUT_BYTES = 10 * 1024 * 1024;

/**
 * A file object as Slack sends it (files.info, files.completeUploadExternal, `file_input` values):
 * Bolt's `UploadedFile` (the type of `view.state.values[block][action].files`) plus `shares`.
 */
export type FileObject = UploadedFile & {
  size: number;
  shares: {
    public?: Record<string, Array<{ ts: string; thread_ts?: string; channel_name: string; team_id: string }>>;
    private?: Record<string, Array<{ ts: string; thread_ts?: string; team_id: string }>>;
  };
};

/** Where a completed upload was shared, and the message that carries it. */
export interface FileShare {
  channel: string;
  /** The `ts` of the message files.completeUploadExternal posted (its text is the initial_comment). */
  messageTs: string;
  threadTs?: string;
  /** For the bot's DM with a user: that user. */
  sharedTo?: string;
}

export type FileState =
  /** Reserved with files.getUploadURLExternal, no bytes yet. */
  | "awaiting-bytes"
  /** Bytes received at the upload URL, not completed yet (Slack discards such files). */
  | "uploaded"
  /** Completed with files.completeUploadExternal, or uploaded by a user. */
  | "complete";

interface StoredFile {
  id: string;
  teamId: string;
  name: string;
  title: string;
  filetype: string;
  mimetype: string;
  prettyType: string;
  /** The uploader: the bot user for app uploads. */
  userId: string;
  userTeam: string;
  createdSeconds: number;
  origin: "app" | "user";
  state: FileState;
  /** What files.getUploadURLExternal announced. */
  declaredLength?: number;
  bytes?: Buffer;
  /** The secret part of the upload URL. */
  uploadKey?: string;
  initialComment?: string;
  /** The alt text given when the upload was reserved. */
  altText?: string;
  shares: FileShare[];
}

/** One file the app uploaded and completed, as `fake.uploadedFiles()` lists it. */
export interface UploadedFileRecord {
  id: string;
  name: string;
  title: string;
  filetype: string;
  /** The first channel it was shared in (a `D...` id for a DM); undefined for a private (unshared) file. */
  channel?: string;
  /** Every channel it was shared in. */
  channels: string[];
  /** For a file shared in the bot's DM with a user: that user's id. */
  sharedTo?: string;
  initialComment?: string;
  /** The message(s) carrying the file, one per channel. */
  messageTs: string[];
  bytes: Buffer;
  altText?: string;
}

export interface NewUserFile {
  /** File name with extension, e.g. "deck.csv". */
  name: string;
  /** Slack's file type, e.g. "csv", "text", "yaml" (Slack derives it from the name and content). */
  filetype: string;
  bytes: Buffer | string;
  /** Who uploaded it; default the payload builders' default user. */
  userId: string;
  /** Default: the name. */
  title?: string;
  /** Default: from the extension. */
  mimetype?: string;
}

const EXTENSIONS: Record<string, { filetype: string; mimetype: string; prettyType: string }> = {
  csv: { filetype: "csv", mimetype: "text/csv", prettyType: "CSV" },
  tsv: { filetype: "tsv", mimetype: "text/tab-separated-values", prettyType: "TSV" },
  txt: { filetype: "text", mimetype: "text/plain", prettyType: "Plain Text" },
  yaml: { filetype: "yaml", mimetype: "application/x-yaml", prettyType: "YAML" },
  yml: { filetype: "yaml", mimetype: "application/x-yaml", prettyType: "YAML" },
  json: { filetype: "json", mimetype: "application/json", prettyType: "JSON" },
};

function describeName(name: string): { filetype: string; mimetype: string; prettyType: string } {
  const extension = /\.([A-Za-z0-9]+)$/.exec(name)?.[1]?.toLowerCase();
  if (extension === undefined) return { filetype: "binary", mimetype: "application/octet-stream", prettyType: "Binary" };
  return EXTENSIONS[extension] ?? { filetype: extension, mimetype: "application/octet-stream", prettyType: extension.toUpperCase() };
}

export class FileStore {
  readonly #files = new Map<string, StoredFile>();
  readonly #byUploadKey = new Map<string, string>();
  readonly #baseUrl: string;
  readonly #workspace: Workspace;

  /** `baseUrl`: `http://127.0.0.1:PORT` of the fake's HTTP server. */
  constructor(baseUrl: string, workspace: Workspace) {
    this.#baseUrl = baseUrl;
    this.#workspace = workspace;
  }

  /** files.getUploadURLExternal: a new file awaiting its bytes, and the URL to POST them to. */
  reserve(filename: string, length: number, altText?: string): { fileId: string; uploadUrl: string } {
    const uploadKey = randomBytes(24).toString("base64url");
    const file = this.#create({
      name: filename,
      title: filename,
      ...describeName(filename),
      userId: this.#workspace.botUserId,
      userTeam: this.#workspace.teamId,
      origin: "app",
      state: "awaiting-bytes",
      declaredLength: length,
      ...(altText !== undefined ? { altText } : {}),
      uploadKey,
    });
    this.#byUploadKey.set(uploadKey, file.id);
    return { fileId: file.id, uploadUrl: `${this.#baseUrl}/upload/v1/${uploadKey}` };
  }

  /** The app upload behind an upload URL's key, while it still takes bytes. */
  byUploadKey(uploadKey: string): { id: string; declaredLength?: number } | undefined {
    const id = this.#byUploadKey.get(uploadKey);
    const file = id === undefined ? undefined : this.#files.get(id);
    if (file === undefined || file.state === "complete") return undefined;
    return { id: file.id, ...(file.declaredLength !== undefined && { declaredLength: file.declaredLength }) };
  }

  receiveBytes(fileId: string, bytes: Buffer): void {
    const file = this.#files.get(fileId);
    if (file === undefined || file.origin !== "app" || file.state === "complete") throw new Error(`no upload in progress for ${fileId}`);
    file.bytes = bytes;
    file.state = "uploaded";
  }

  /** The state of a file, undefined when the fake never issued it. */
  stateOf(fileId: string): FileState | undefined {
    return this.#files.get(fileId)?.state;
  }

  isAppUpload(fileId: string): boolean {
    return this.#files.get(fileId)?.origin === "app";
  }

  /** files.completeUploadExternal, once the caller checked the file is "uploaded". */
  complete(fileId: string, completion: { title?: string; initialComment?: string; shares: FileShare[] }): void {
    const file = this.#files.get(fileId);
    if (file?.state !== "uploaded") throw new Error(`${fileId} cannot be completed`);
    file.state = "complete";
    if (completion.title !== undefined) file.title = completion.title;
    if (completion.initialComment !== undefined) file.initialComment = completion.initialComment;
    file.shares = completion.shares;
    if (file.uploadKey !== undefined) this.#byUploadKey.delete(file.uploadKey);
  }

  /** A file as if a user had uploaded it through a modal's file_input. */
  addUserFile(input: NewUserFile, userTeam: string): FileObject {
    const bytes = typeof input.bytes === "string" ? Buffer.from(input.bytes, "utf8") : input.bytes;
    if (bytes.length > MAX_FILE_INPUT_BYTES) {
      throw new Error(`addUserFile: ${bytes.length} bytes; Slack's file_input takes files up to ${MAX_FILE_INPUT_BYTES} bytes`);
    }
    const described = describeName(input.name);
    const file = this.#create({
      name: input.name,
      title: input.title ?? input.name,
      filetype: input.filetype,
      mimetype: input.mimetype ?? described.mimetype,
      prettyType: described.prettyType,
      userId: input.userId,
      userTeam,
      origin: "user",
      state: "complete",
      bytes,
    });
    return this.fileObject(file.id) as FileObject;
  }

  /**
   * The bytes behind a `files-pri` path segment (`<team>-<file id>`), for complete files only:
   * Slack discards uploads that were never completed.
   */
  download(teamAndFileId: string): { id: string; name: string; mimetype: string; bytes: Buffer } | undefined {
    const separator = teamAndFileId.indexOf("-");
    const file = this.#files.get(teamAndFileId.slice(separator + 1));
    if (file === undefined || file.state !== "complete" || file.bytes === undefined) return undefined;
    if (teamAndFileId.slice(0, separator) !== file.teamId) return undefined;
    return { id: file.id, name: file.name, mimetype: file.mimetype, bytes: file.bytes };
  }

  /** The file object Slack would return for a complete file. */
  fileObject(fileId: string): FileObject | undefined {
    const file = this.#files.get(fileId);
    if (file === undefined || file.state !== "complete") return undefined;
    const path = `${this.#baseUrl}/files-pri/${file.teamId}-${file.id}`;
    const name = encodeURIComponent(file.name);
    const channelsStartingWith = (prefixes: string): string[] =>
      [...new Set(file.shares.map((share) => share.channel))].filter((channel) => prefixes.includes(channel.charAt(0)));
    const shares: FileObject["shares"] = {};
    for (const share of file.shares) {
      const entry = { ts: share.messageTs, ...(share.threadTs !== undefined && { thread_ts: share.threadTs }), team_id: file.teamId };
      if (share.channel.startsWith("C")) {
        shares.public ??= {};
        (shares.public[share.channel] ??= []).push({ ...entry, channel_name: share.channel.toLowerCase() });
      } else {
        shares.private ??= {};
        (shares.private[share.channel] ??= []).push(entry);
      }
    }
    return {
      id: file.id,
      created: file.createdSeconds,
      timestamp: file.createdSeconds,
      name: file.name,
      title: file.title,
      mimetype: file.mimetype,
      filetype: file.filetype,
      pretty_type: file.prettyType,
      user: file.userId,
      user_team: file.userTeam,
      editable: false,
      size: file.bytes?.length ?? 0,
      mode: "hosted",
      is_external: false,
      external_type: "",
      is_public: channelsStartingWith("C").length > 0,
      public_url_shared: false,
      display_as_bot: false,
      username: "",
      url_private: `${path}/${name}`,
      url_private_download: `${path}/download/${name}`,
      media_display_type: "unknown",
      permalink: `https://${this.#workspace.teamDomain}.slack.com/files/${file.userId}/${file.id}/${name}`,
      permalink_public: `https://slack-files.com/${file.teamId}-${file.id}-${randomBytes(5).toString("hex")}`,
      comments_count: 0,
      is_starred: false,
      shares,
      channels: channelsStartingWith("C"),
      groups: channelsStartingWith("GZ"),
      ims: channelsStartingWith("D"),
      has_more_shares: false,
      has_rich_preview: false,
      file_access: "visible",
    };
  }

  /** Completed app uploads, oldest first. */
  appUploads(): UploadedFileRecord[] {
    return [...this.#files.values()]
      .filter((file) => file.origin === "app" && file.state === "complete")
      .map((file) => {
        const channels = [...new Set(file.shares.map((share) => share.channel))];
        const sharedTo = file.shares.find((share) => share.sharedTo !== undefined)?.sharedTo;
        return {
          id: file.id,
          name: file.name,
          title: file.title,
          filetype: file.filetype,
          ...(channels[0] !== undefined && { channel: channels[0] }),
          channels,
          ...(sharedTo !== undefined && { sharedTo }),
          ...(file.initialComment !== undefined && { initialComment: file.initialComment }),
          messageTs: file.shares.map((share) => share.messageTs),
          bytes: file.bytes ?? Buffer.alloc(0),
          ...(file.altText !== undefined ? { altText: file.altText } : {}),
        };
      });
  }

  /** App uploads reserved or uploaded but never completed (Slack would discard them). */
  pendingUploads(): Array<{ id: string; name: string; state: FileState; received?: number }> {
    return [...this.#files.values()]
      .filter((file) => file.origin === "app" && file.state !== "complete")
      .map((file) => ({
        id: file.id,
        name: file.name,
        state: file.state,
        ...(file.bytes !== undefined && { received: file.bytes.length }),
      }));
  }

  #create(input: Omit<StoredFile, "id" | "teamId" | "createdSeconds" | "shares">): StoredFile {
    const file: StoredFile = {
      ...input,
      id: slackId("F"),
      teamId: this.#workspace.teamId,
      createdSeconds: Math.floor(Date.now() / 1000),
      shares: [],
    };
    this.#files.set(file.id, file);
    return file;
  }
}
