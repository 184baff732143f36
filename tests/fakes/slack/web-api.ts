/**
 * The Web API methods the fake implements, answering like Slack (`{ ok: true, ... }` or
 * `{ ok: false, error }`, both HTTP 200). Transport, recording and failure injection live in
 * fake-slack.ts; this file is only the behaviour of each method.
 */
import { blockKitProblems, modalProblems } from "./block-kit-limits.ts";
import { type FileShare, type FileStore, MAX_UPLOAD_BYTES } from "./file-store.ts";
import type { MessageStore, StoredMessage } from "./message-store.ts";
import { slackId } from "./slack-ids.ts";
import type { UserDirectory } from "./user-directory.ts";
import type { StoredView, ViewStore } from "./view-store.ts";
import type { Workspace } from "./workspace.ts";

/** What kind of token authenticated a call, from its prefix (the value itself is never kept). */
export type TokenKind = "bot" | "user" | "app" | "unknown";

export function tokenKindOf(token: string): TokenKind {
  if (token.startsWith("xoxb-")) return "bot";
  if (token.startsWith("xoxp-")) return "user";
  if (token.startsWith("xapp-")) return "app";
  return "unknown";
}

export type ApiArgs = Record<string, unknown>;
export type ApiAnswer = { ok: boolean } & Record<string, unknown>;

export interface WebApiState {
  workspace: Workspace;
  users: UserDirectory;
  messages: MessageStore;
  views: ViewStore;
  files: FileStore;
  /** What apps.connections.open hands out. */
  socketUrl: () => string;
  /**
   * Channels the bot cannot post in: "not_in_channel" (a private channel it was not invited to, or
   * left: posts and edits answer not_in_channel) or "channel_not_found" (gone, or invisible to it).
   */
  closedChannels: Map<string, "not_in_channel" | "channel_not_found">;
}

type MethodHandler = (args: ApiArgs) => ApiAnswer;

const fail = (error: string, extra: Record<string, unknown> = {}): ApiAnswer => ({ ok: false, error, ...extra });

const stringArg = (args: ApiArgs, key: string): string | undefined => {
  const value = args[key];
  if (typeof value === "string" && value !== "") return value;
  if (typeof value === "number") return String(value);
  return undefined;
};

/** Booleans arrive as "true"/"1" in form bodies and as booleans in JSON bodies. */
const booleanArg = (args: ApiArgs, key: string): boolean => {
  const value = args[key];
  return value === true || value === "true" || value === "1" || value === 1;
};

const recordArg = (args: ApiArgs, key: string): Record<string, unknown> | undefined => {
  const value = args[key];
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
};

/** `invalid_arguments` with Slack's `[ERROR] ... [json-pointer:/field]` messages. */
const invalidArguments = (...messages: string[]): ApiAnswer =>
  fail("invalid_arguments", { response_metadata: { messages: messages.map((m) => `[ERROR] ${m}`) } });

/** files.completeUploadExternal's `channel_id` takes conversation ids only, not user ids (bolt-js#2115). */
const CHANNEL_ID_PATTERN = /^[CGDZ][A-Z0-9]{8,}$/;
/** files.completeUploadExternal's `channels` takes up to 100 channel or user ids. */
const MAX_SHARE_CHANNELS = 100;

const blocksProblem = (blocks: unknown, surface: "message" | "view"): ApiAnswer | undefined => {
  const problems = blockKitProblems(blocks, surface);
  if (problems.length === 0) return undefined;
  return surface === "message"
    ? fail("invalid_blocks", { errors: problems })
    : fail("invalid_arguments", { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
};

const modalProblem = (view: Record<string, unknown>): ApiAnswer | undefined => {
  const problems = modalProblems(view);
  return problems.length === 0 ? undefined : invalidArguments(...problems);
};

export class WebApiMethods {
  readonly #state: WebApiState;
  readonly #dmChannels = new Map<string, string>();
  readonly #handlers: Record<string, MethodHandler>;

  constructor(state: WebApiState) {
    this.#state = state;
    this.#handlers = {
      "auth.test": () => this.#authTest(),
      "chat.postMessage": (args) => this.#postMessage(args),
      "chat.postEphemeral": (args) => this.#postEphemeral(args),
      "chat.update": (args) => this.#update(args),
      "chat.delete": (args) => this.#delete(args),
      "views.publish": (args) => this.#viewsPublish(args),
      "views.open": (args) => this.#viewsOpen(args),
      "views.update": (args) => this.#viewsUpdate(args),
      "users.info": (args) => this.#usersInfo(args),
      "conversations.open": (args) => this.#conversationsOpen(args),
      "conversations.history": (args) => this.#conversationsHistory(args),
      "team.info": (args) => this.#teamInfo(args),
      "apps.connections.open": () => ({ ok: true, url: this.#state.socketUrl() }),
      "files.getUploadURLExternal": (args) => this.#getUploadUrlExternal(args),
      "files.completeUploadExternal": (args) => this.#completeUploadExternal(args),
      "files.info": (args) => this.#filesInfo(args),
    };
  }

  isKnown(method: string): boolean {
    return method in this.#handlers;
  }

  /** The DM channel between the bot and a user (stable per user), as conversations.open returns it. */
  dmChannelOf(userId: string): string {
    let channel = this.#dmChannels.get(userId);
    if (channel === undefined) {
      channel = slackId("D");
      this.#dmChannels.set(userId, channel);
    }
    return channel;
  }

  /** The user whose DM with the bot `channel` is, if it is one. */
  userOfDm(channel: string): string | undefined {
    for (const [userId, dm] of this.#dmChannels) if (dm === channel) return userId;
    return undefined;
  }

  call(method: string, args: ApiArgs, tokenKind: TokenKind | undefined): ApiAnswer {
    const handler = this.#handlers[method];
    if (handler === undefined) return fail("unknown_method", { req_method: method });
    if (tokenKind === undefined) return fail("not_authed");
    // App-level tokens only open Socket Mode connections; other tokens cannot.
    const needsAppToken = method === "apps.connections.open";
    if (needsAppToken !== (tokenKind === "app") && method !== "auth.test") return fail("not_allowed_token_type");
    return handler(args);
  }

  #authTest(): ApiAnswer {
    const ws = this.#state.workspace;
    return {
      ok: true,
      url: `https://${ws.teamDomain}.slack.com/`,
      team: ws.teamName,
      user: "studybot",
      team_id: ws.teamId,
      user_id: ws.botUserId,
      bot_id: ws.botId,
      is_enterprise_install: ws.isEnterpriseInstall ?? false,
      ...(ws.enterpriseId !== undefined && { enterprise_id: ws.enterpriseId }),
    };
  }

  /** Posting to a user id posts to the bot's DM with that user, like Slack does. */
  #resolveChannel(channel: string): string {
    return /^[UW]/.test(channel) ? this.dmChannelOf(channel) : channel;
  }

  #messageJson(message: StoredMessage): Record<string, unknown> {
    const ws = this.#state.workspace;
    return {
      type: "message",
      user: ws.botUserId,
      bot_id: ws.botId,
      app_id: ws.appId,
      team: ws.teamId,
      ts: message.ts,
      text: message.text ?? "",
      ...(message.blocks !== undefined && { blocks: message.blocks }),
      ...(message.threadTs !== undefined && { thread_ts: message.threadTs }),
      // A message that shares files (files.completeUploadExternal) lists them, as Slack's history does.
      ...(message.files !== undefined && {
        upload: true,
        files: message.files.flatMap((id) => {
          const file = this.#state.files.fileObject(id);
          return file === undefined ? [] : [file];
        }),
      }),
    };
  }

  #content(args: ApiArgs): { text?: string; blocks?: unknown[] } {
    const text = stringArg(args, "text");
    const blocks = args.blocks;
    return {
      ...(text !== undefined && { text }),
      ...(Array.isArray(blocks) && { blocks }),
    };
  }

  /** Slack's refusal for a channel the bot cannot post in, if `channel` is one. */
  #closed(channel: string | undefined): ApiAnswer | undefined {
    const closed = channel === undefined ? undefined : this.#state.closedChannels.get(channel);
    return closed === undefined ? undefined : fail(closed);
  }

  #postMessage(args: ApiArgs): ApiAnswer {
    const channelArg = stringArg(args, "channel");
    if (channelArg === undefined) return fail("channel_not_found");
    const closed = this.#closed(channelArg);
    if (closed !== undefined) return closed;
    const content = this.#content(args);
    if (content.text === undefined && content.blocks === undefined && args.attachments === undefined) {
      return fail("no_text");
    }
    const problem = blocksProblem(args.blocks, "message");
    if (problem !== undefined) return problem;
    const threadTs = stringArg(args, "thread_ts");
    const metadata = args.metadata as { event_type?: unknown; event_payload?: unknown } | undefined;
    if (metadata !== undefined && (typeof metadata?.event_type !== "string" || typeof metadata.event_payload !== "object"))
      return fail("invalid_metadata_format");
    const message = this.#state.messages.post({
      ...content,
      channel: this.#resolveChannel(channelArg),
      ...(threadTs !== undefined && { threadTs }),
      ...(metadata !== undefined && {
        metadata: { event_type: metadata.event_type as string, event_payload: metadata.event_payload as Record<string, unknown> },
      }),
      ephemeral: false,
      postedVia: "chat.postMessage",
    });
    return { ok: true, channel: message.channel, ts: message.ts, message: this.#messageJson(message) };
  }

  #postEphemeral(args: ApiArgs): ApiAnswer {
    const channelArg = stringArg(args, "channel");
    if (channelArg === undefined) return fail("channel_not_found");
    const closed = this.#closed(channelArg);
    if (closed !== undefined) return closed;
    const user = stringArg(args, "user");
    if (user === undefined) return fail("user_not_found");
    const content = this.#content(args);
    if (content.text === undefined && content.blocks === undefined && args.attachments === undefined) {
      return fail("no_text");
    }
    const problem = blocksProblem(args.blocks, "message");
    if (problem !== undefined) return problem;
    const threadTs = stringArg(args, "thread_ts");
    const message = this.#state.messages.post({
      ...content,
      channel: this.#resolveChannel(channelArg),
      ...(threadTs !== undefined && { threadTs }),
      ephemeral: true,
      visibleTo: user,
      postedVia: "chat.postEphemeral",
    });
    return { ok: true, message_ts: message.ts };
  }

  /** Ephemeral messages are invisible to chat.update / chat.delete (Slack answers message_not_found). */
  #findPublicMessage(args: ApiArgs): StoredMessage | undefined {
    const channel = stringArg(args, "channel");
    const ts = stringArg(args, "ts");
    if (channel === undefined || ts === undefined) return undefined;
    const message = this.#state.messages.find(this.#resolveChannel(channel), ts);
    return message?.ephemeral === false ? message : undefined;
  }

  #update(args: ApiArgs): ApiAnswer {
    const closed = this.#closed(stringArg(args, "channel"));
    if (closed !== undefined) return closed;
    const message = this.#findPublicMessage(args);
    if (message === undefined) return fail("message_not_found");
    const problem = blocksProblem(args.blocks, "message");
    if (problem !== undefined) return problem;
    // Omitted fields keep their value; `blocks: []` removes the blocks (Slack's documented behaviour).
    const content = this.#content(args);
    const blocks = content.blocks ?? message.blocks;
    this.#state.messages.replace(message, {
      text: content.text ?? message.text,
      ...(blocks !== undefined && blocks.length > 0 && { blocks }),
    });
    return {
      ok: true,
      channel: message.channel,
      ts: message.ts,
      text: message.text ?? "",
      message: this.#messageJson(message),
    };
  }

  #delete(args: ApiArgs): ApiAnswer {
    const message = this.#findPublicMessage(args);
    if (message === undefined) return fail("message_not_found");
    this.#state.messages.delete(message);
    return { ok: true, channel: message.channel, ts: message.ts };
  }

  #viewJson(view: StoredView): Record<string, unknown> {
    const ws = this.#state.workspace;
    return {
      private_metadata: "",
      callback_id: "",
      external_id: "",
      blocks: [],
      clear_on_close: false,
      notify_on_close: false,
      close: null,
      submit: null,
      ...view.definition,
      id: view.id,
      team_id: ws.teamId,
      type: view.type,
      state: { values: {} },
      hash: view.hash,
      previous_view_id: null,
      root_view_id: view.id,
      app_id: ws.appId,
      app_installed_team_id: ws.teamId,
      bot_id: ws.botId,
    };
  }

  #viewsPublish(args: ApiArgs): ApiAnswer {
    const userId = stringArg(args, "user_id");
    const definition = recordArg(args, "view");
    if (userId === undefined || definition === undefined) return fail("invalid_arguments");
    if (definition.type !== "home") return fail("invalid_arguments");
    const problem = blocksProblem(definition.blocks, "view");
    if (problem !== undefined) return problem;
    return { ok: true, view: this.#viewJson(this.#state.views.publishHome(userId, definition)) };
  }

  #viewsOpen(args: ApiArgs): ApiAnswer {
    const definition = recordArg(args, "view");
    if (stringArg(args, "trigger_id") === undefined && stringArg(args, "interactivity_pointer") === undefined) {
      return fail("invalid_arguments");
    }
    if (definition === undefined) return fail("invalid_arguments");
    const problem = blocksProblem(definition.blocks, "view") ?? modalProblem(definition);
    if (problem !== undefined) return problem;
    return { ok: true, view: this.#viewJson(this.#state.views.open(definition)) };
  }

  #viewsUpdate(args: ApiArgs): ApiAnswer {
    const definition = recordArg(args, "view");
    if (definition === undefined) return fail("invalid_arguments");
    const viewId = stringArg(args, "view_id");
    const externalId = stringArg(args, "external_id");
    const view = this.#state.views.find({
      ...(viewId !== undefined && { viewId }),
      ...(externalId !== undefined && { externalId }),
    });
    if (view === undefined) return fail("not_found");
    const hash = stringArg(args, "hash");
    if (hash !== undefined && hash !== view.hash) return fail("hash_conflict");
    const problem = blocksProblem(definition.blocks, "view") ?? modalProblem(definition);
    if (problem !== undefined) return problem;
    this.#state.views.update(view, definition);
    return { ok: true, view: this.#viewJson(view) };
  }

  #usersInfo(args: ApiArgs): ApiAnswer {
    const userId = stringArg(args, "user");
    if (userId === undefined) return fail("user_not_found");
    const user = this.#state.users.usersInfoUser(userId, booleanArg(args, "include_locale"));
    return user === undefined ? fail("user_not_found") : { ok: true, user };
  }

  /** Newest first; message metadata only with include_all_metadata, as on Slack. */
  #conversationsHistory(args: ApiArgs): ApiAnswer {
    const channel = stringArg(args, "channel");
    if (channel === undefined) return fail("channel_not_found");
    const limit = Number(args.limit ?? 100);
    const withMetadata = args.include_all_metadata === true || args.include_all_metadata === "true";
    const messages = this.#state.messages
      .list(channel)
      .filter((m) => !m.ephemeral && m.threadTs === undefined)
      .reverse()
      .slice(0, limit)
      .map((m) => ({ ...this.#messageJson(m), ...(withMetadata && m.metadata !== undefined && { metadata: m.metadata }) }));
    return { ok: true, messages, has_more: false };
  }

  #conversationsOpen(args: ApiArgs): ApiAnswer {
    const existingChannel = stringArg(args, "channel");
    if (existingChannel !== undefined) return { ok: true, channel: { id: existingChannel } };
    const userIds = (stringArg(args, "users") ?? "").split(",").filter((id) => id !== "");
    if (userIds.length === 0) return fail("users_list_not_supplied");
    for (const userId of userIds) {
      const user = this.#state.users.getUser(userId);
      if (userId === this.#state.workspace.botUserId || user?.isBot === true) return fail("cannot_dm_bot");
      if (user?.deleted === true) return fail("user_disabled");
    }
    if (userIds.length > 1) return { ok: true, channel: { id: slackId("G") } };
    const [userId] = userIds as [string];
    const alreadyOpen = this.#dmChannels.has(userId);
    const channel = this.dmChannelOf(userId);
    return {
      ok: true,
      ...(alreadyOpen && { no_op: true, already_open: true }),
      channel: booleanArg(args, "return_im") ? { id: channel, is_im: true, user: userId } : { id: channel },
    };
  }

  #getUploadUrlExternal(args: ApiArgs): ApiAnswer {
    const filename = stringArg(args, "filename");
    const lengthArg = stringArg(args, "length");
    const missing = [filename === undefined && "filename", lengthArg === undefined && "length"].filter((f) => f !== false);
    if (missing.length > 0) return invalidArguments(...missing.map((field) => `missing required field: ${field}`));
    const length = Number(lengthArg);
    if (!Number.isInteger(length) || length < 0) return invalidArguments("must be an integer [json-pointer:/length]");
    // Slack documents missing_argument "typically only when the length provided is 0".
    if (length === 0) return fail("missing_argument");
    // Slack takes files up to 1 GB; the exact error Slack gives past that is not documented.
    if (length > MAX_UPLOAD_BYTES) return fail("file_upload_size_restricted");
    // Slack documents the alt text as `alt_txt`; @slack/web-api's uploadV2 sends it as `alt_text`.
    const altText = stringArg(args, "alt_txt") ?? stringArg(args, "alt_text");
    if (altText !== undefined && altText.length > 1000) return invalidArguments("alt text must be at most 1000 characters");
    const { fileId, uploadUrl } = this.#state.files.reserve(filename as string, length, altText);
    return { ok: true, upload_url: uploadUrl, file_id: fileId };
  }

  #completeUploadExternal(args: ApiArgs): ApiAnswer {
    const files = args.files;
    if (!Array.isArray(files) || files.length === 0) return invalidArguments("missing required field: files");
    const entries: Array<{ id: string; title?: string }> = [];
    for (const [index, entry] of files.entries()) {
      const id = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>).id : undefined;
      const title = typeof entry === "object" && entry !== null ? (entry as Record<string, unknown>).title : undefined;
      if (typeof id !== "string" || id === "") return invalidArguments(`missing required field: id [json-pointer:/files/${index}]`);
      entries.push({ id, ...(typeof title === "string" && title !== "" && { title }) });
    }

    const channelId = stringArg(args, "channel_id");
    if (channelId !== undefined && !CHANNEL_ID_PATTERN.test(channelId)) {
      return invalidArguments(`input must match regex pattern: ${CHANNEL_ID_PATTERN.source} [json-pointer:/channel_id]`);
    }
    const listed = (stringArg(args, "channels") ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    if (listed.length > MAX_SHARE_CHANNELS) return fail("channels_limit_exceeded");
    // `channels` also takes user ids: the file goes to the bot's DM with the user.
    const destinations = [...new Set([...(channelId === undefined ? [] : [channelId]), ...listed.map((id) => this.#resolveChannel(id))])];
    const threadTs = stringArg(args, "thread_ts");
    if (threadTs !== undefined && destinations.length !== 1) return invalidArguments("thread_ts needs exactly one channel");

    for (const entry of entries) {
      const state = this.#state.files.stateOf(entry.id);
      if (state === "uploaded" && this.#state.files.isAppUpload(entry.id)) continue;
      const why =
        state === undefined || !this.#state.files.isAppUpload(entry.id)
          ? `${entry.id} was not reserved with files.getUploadURLExternal`
          : state === "awaiting-bytes"
            ? `no bytes were POSTed to the upload_url of ${entry.id}`
            : `${entry.id} was already completed (files.completeUploadExternal can only be called once)`;
      // The error code is the fake's choice; the message says why (web-api logs it).
      return fail("file_not_found", { response_metadata: { messages: [`[ERROR] fake Slack: ${why}`] } });
    }

    const initialComment = stringArg(args, "initial_comment");
    // Slack ignores `blocks` when `initial_comment` is given.
    const blocks = initialComment === undefined && Array.isArray(args.blocks) ? args.blocks : undefined;
    const problem = blocksProblem(blocks, "message");
    if (problem !== undefined) return problem;

    const shares: FileShare[] = destinations.map((channel) => {
      const message = this.#state.messages.post({
        channel,
        ...(initialComment !== undefined && { text: initialComment }),
        ...(blocks !== undefined && { blocks }),
        ...(threadTs !== undefined && { threadTs }),
        files: entries.map((entry) => entry.id),
        ephemeral: false,
        postedVia: "files.completeUploadExternal",
      });
      const sharedTo = this.userOfDm(channel);
      return {
        channel,
        messageTs: message.ts,
        ...(threadTs !== undefined && { threadTs }),
        ...(sharedTo !== undefined && { sharedTo }),
      };
    });
    for (const entry of entries) {
      this.#state.files.complete(entry.id, {
        ...(entry.title !== undefined && { title: entry.title }),
        ...(initialComment !== undefined && { initialComment }),
        shares,
      });
    }
    return { ok: true, files: entries.map((entry) => this.#state.files.fileObject(entry.id)) };
  }

  #filesInfo(args: ApiArgs): ApiAnswer {
    const fileId = stringArg(args, "file");
    if (fileId === undefined) return invalidArguments("missing required field: file");
    const file = this.#state.files.fileObject(fileId);
    if (file === undefined) return fail("file_not_found");
    return { ok: true, file, comments: [], response_metadata: { next_cursor: "" } };
  }

  #teamInfo(args: ApiArgs): ApiAnswer {
    const ws = this.#state.workspace;
    const teamId = stringArg(args, "team") ?? ws.teamId;
    const known = this.#state.users.getTeam(teamId);
    const team =
      known ??
      (teamId === ws.teamId
        ? {
            id: ws.teamId,
            name: ws.teamName,
            domain: ws.teamDomain,
            ...(ws.enterpriseId !== undefined && { enterpriseId: ws.enterpriseId }),
            ...(ws.enterpriseName !== undefined && { enterpriseName: ws.enterpriseName }),
          }
        : undefined);
    if (team === undefined) return fail("team_not_found");
    return {
      ok: true,
      team: {
        id: team.id,
        name: team.name,
        domain: team.domain,
        email_domain: "",
        icon: { image_default: true },
        ...(team.enterpriseId !== undefined && {
          enterprise_id: team.enterpriseId,
          enterprise_name: team.enterpriseName ?? team.enterpriseId,
        }),
      },
    };
  }
}
