/**
 * The Web API methods the fake implements, answering like Slack (`{ ok: true, ... }` or
 * `{ ok: false, error }`, both HTTP 200). Transport, recording and failure injection live in
 * fake-slack.ts; this file is only the behaviour of each method.
 */
import { blockKitProblems } from "./block-kit-limits.ts";
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
  /** What apps.connections.open hands out. */
  socketUrl: () => string;
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

const blocksProblem = (blocks: unknown, surface: "message" | "view"): ApiAnswer | undefined => {
  const problems = blockKitProblems(blocks, surface);
  if (problems.length === 0) return undefined;
  return surface === "message"
    ? fail("invalid_blocks", { errors: problems })
    : fail("invalid_arguments", { response_metadata: { messages: problems.map((p) => `[ERROR] ${p}`) } });
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
      "team.info": (args) => this.#teamInfo(args),
      "apps.connections.open": () => ({ ok: true, url: this.#state.socketUrl() }),
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

  #postMessage(args: ApiArgs): ApiAnswer {
    const channelArg = stringArg(args, "channel");
    if (channelArg === undefined) return fail("channel_not_found");
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
      ephemeral: false,
      postedVia: "chat.postMessage",
    });
    return { ok: true, channel: message.channel, ts: message.ts, message: this.#messageJson(message) };
  }

  #postEphemeral(args: ApiArgs): ApiAnswer {
    const channelArg = stringArg(args, "channel");
    if (channelArg === undefined) return fail("channel_not_found");
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
    const problem = blocksProblem(definition.blocks, "view");
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
    const problem = blocksProblem(definition.blocks, "view");
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
