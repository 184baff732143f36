/**
 * Builders for the payloads Slack sends to an app, shaped like Slack's documentation (and typed with
 * Bolt's own payload types, so a drift between the two fails `tsc`). They are transport-neutral: send
 * them over Socket Mode (`fake.socket.sendSlashCommand(...)`) or over HTTP (`postToApp(url, { body:
 * encodeSlashCommand(...) })`).
 *
 * Every builder takes a `workspace` (default `STANDARD_WORKSPACE`); pass `GRID_WORKSPACE` (and a user
 * `teamId` of `GRID_HOME_TEAM_ID`) for the Enterprise Grid variant.
 */
import type {
  BlockAction,
  ButtonAction,
  EnvelopedEvent,
  SlashCommand,
  types,
  UploadedFile,
  ViewOutput,
  ViewStateValue,
  ViewSubmitAction,
} from "@slack/bolt";
import { randomBytes } from "node:crypto";
import { eventId, messageTs, slackId, triggerId } from "./slack-ids.ts";
import type { StoredView } from "./view-store.ts";
import { LEGACY_VERIFICATION_TOKEN, STANDARD_WORKSPACE, type Workspace } from "./workspace.ts";

/** The person acting. `teamId` is the user's home workspace; on Grid it may differ from the workspace's. */
export interface Actor {
  id: string;
  name?: string;
  teamId?: string;
}

/** Who acts and where, when a builder is not told otherwise. */
export const DEFAULT_USER: Actor = { id: "U0LEARNER1", name: "learner" };
export const DEFAULT_CHANNEL = { id: "C0STUDYHALL", name: "study-hall" };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

function userName(user: Actor): string {
  return user.name ?? user.id.toLowerCase();
}

/** `team` object of interactivity payloads: null for org-wide installs (Bolt then uses `user.team_id`). */
function teamOf(workspace: Workspace): BlockAction["team"] {
  if (workspace.isEnterpriseInstall) return null;
  return {
    id: workspace.teamId,
    domain: workspace.teamDomain,
    ...(workspace.enterpriseId !== undefined && {
      enterprise_id: workspace.enterpriseId,
      enterprise_name: workspace.enterpriseName ?? workspace.enterpriseId,
    }),
  };
}

function enterpriseOf(workspace: Workspace): { id: string; name: string } | undefined {
  if (workspace.enterpriseId === undefined) return undefined;
  return { id: workspace.enterpriseId, name: workspace.enterpriseName ?? workspace.enterpriseId };
}

// ---------------------------------------------------------------------------------------------------
// Slash commands

export interface SlashCommandOptions {
  /** Mint it with `fake.responseUrl()`. */
  responseUrl: string;
  command?: string;
  text?: string;
  workspace?: Workspace;
  user?: Actor;
  channel?: { id: string; name: string };
  triggerId?: string;
}

/** The body of a slash command (all values are strings: Slack sends it form-encoded). */
export function slashCommandPayload(options: SlashCommandOptions): SlashCommand {
  const workspace = options.workspace ?? STANDARD_WORKSPACE;
  const user = options.user ?? DEFAULT_USER;
  const channel = options.channel ?? DEFAULT_CHANNEL;
  return {
    token: LEGACY_VERIFICATION_TOKEN,
    team_id: workspace.teamId,
    team_domain: workspace.teamDomain,
    ...(workspace.enterpriseId !== undefined && {
      enterprise_id: workspace.enterpriseId,
      enterprise_name: workspace.enterpriseName ?? workspace.enterpriseId,
    }),
    channel_id: channel.id,
    channel_name: channel.name,
    user_id: user.id,
    user_name: userName(user),
    command: options.command ?? "/study",
    text: options.text ?? "",
    api_app_id: workspace.appId,
    is_enterprise_install: String(workspace.isEnterpriseInstall ?? false),
    response_url: options.responseUrl,
    trigger_id: options.triggerId ?? triggerId(),
  };
}

// ---------------------------------------------------------------------------------------------------
// block_actions (button clicks)

export interface ButtonClick {
  actionId: string;
  blockId?: string;
  value?: string;
  text?: string;
}

export interface BlockActionsOptions {
  /** The response_url bound to the clicked message: `fake.responseUrl({ channel, userId, messageTs })`. */
  responseUrl: string;
  /** The message holding the button. */
  container: { channelId: string; messageTs: string; isEphemeral?: boolean };
  actions: ButtonClick[];
  workspace?: Workspace;
  user?: Actor;
  channelName?: string;
  /** Content of the clicked message; Slack includes `message` only for non-ephemeral messages. */
  message?: { text?: string; blocks?: types.KnownBlock[] };
  triggerId?: string;
}

export function blockActionsPayload(options: BlockActionsOptions): BlockAction<ButtonAction> {
  const workspace = options.workspace ?? STANDARD_WORKSPACE;
  const user = options.user ?? DEFAULT_USER;
  const isEphemeral = options.container.isEphemeral ?? false;
  const actionTs = `${(Date.now() / 1000).toFixed(6)}`;
  const enterprise = enterpriseOf(workspace);
  return {
    type: "block_actions",
    user: {
      id: user.id,
      username: userName(user),
      name: userName(user),
      team_id: user.teamId ?? workspace.teamId,
    },
    api_app_id: workspace.appId,
    token: LEGACY_VERIFICATION_TOKEN,
    container: {
      type: "message",
      message_ts: options.container.messageTs,
      channel_id: options.container.channelId,
      is_ephemeral: isEphemeral,
    },
    trigger_id: options.triggerId ?? triggerId(),
    team: teamOf(workspace),
    ...(enterprise !== undefined && { enterprise }),
    is_enterprise_install: workspace.isEnterpriseInstall ?? false,
    channel: { id: options.container.channelId, name: options.channelName ?? DEFAULT_CHANNEL.name },
    ...(!isEphemeral && {
      message: {
        type: "message",
        user: workspace.botUserId,
        ts: options.container.messageTs,
        text: options.message?.text ?? "",
        ...(options.message?.blocks !== undefined && { blocks: options.message.blocks }),
      },
    }),
    state: { values: {} },
    response_url: options.responseUrl,
    actions: options.actions.map((click): ButtonAction => ({
      type: "button",
      action_id: click.actionId,
      block_id: click.blockId ?? `block-${click.actionId}`,
      text: { type: "plain_text", text: click.text ?? click.actionId, emoji: true },
      ...(click.value !== undefined && { value: click.value }),
      action_ts: actionTs,
    })),
  };
}

// ---------------------------------------------------------------------------------------------------
// view_submission (modal submitted)

export interface ViewSubmissionOptions {
  /** Required unless `view` gives it. */
  callbackId?: string;
  /**
   * The modal the app opened, as the fake stored it (`fake.views()`): its id, hash, title, blocks,
   * callback_id and private_metadata go into the payload unless given here.
   */
  view?: StoredView;
  /** `state.values`: block_id -> action_id -> value, e.g. `{ answer: { text: { type: "plain_text_input", value: "x" } } }`. */
  values?: Record<string, Record<string, ViewStateValue>>;
  privateMetadata?: string;
  viewId?: string;
  workspace?: Workspace;
  user?: Actor;
  /** Present when the modal has `response_url_enabled` inputs. */
  responseUrls?: Array<{ blockId: string; actionId: string; channelId: string; responseUrl: string }>;
}

export function viewSubmissionPayload(options: ViewSubmissionOptions): ViewSubmitAction {
  const workspace = options.workspace ?? STANDARD_WORKSPACE;
  const user = options.user ?? DEFAULT_USER;
  const definition = options.view?.definition ?? {};
  const viewId = options.viewId ?? options.view?.id ?? slackId("V");
  const callbackId = options.callbackId ?? (typeof definition.callback_id === "string" ? definition.callback_id : undefined);
  if (callbackId === undefined) throw new Error("viewSubmissionPayload: give callbackId, or a view opened with a callback_id");
  const privateMetadata = options.privateMetadata ?? (typeof definition.private_metadata === "string" ? definition.private_metadata : "");
  const plainText = (value: unknown): ViewOutput["title"] | undefined =>
    isRecord(value) && typeof value.text === "string" ? { type: "plain_text", text: value.text, emoji: value.emoji !== false } : undefined;
  const enterprise = enterpriseOf(workspace);
  return {
    type: "view_submission",
    team: teamOf(workspace),
    user: {
      id: user.id,
      name: userName(user),
      team_id: user.teamId ?? workspace.teamId,
    },
    api_app_id: workspace.appId,
    token: LEGACY_VERIFICATION_TOKEN,
    trigger_id: triggerId(),
    view: {
      id: viewId,
      team_id: workspace.teamId,
      type: "modal",
      callback_id: callbackId,
      blocks: Array.isArray(definition.blocks) ? (definition.blocks as ViewOutput["blocks"]) : [],
      private_metadata: privateMetadata,
      state: { values: options.values ?? {} },
      hash: options.view?.hash ?? `${Math.floor(Date.now() / 1000)}.${viewId}`,
      title: plainText(definition.title) ?? { type: "plain_text", text: "Study", emoji: true },
      close: plainText(definition.close) ?? null,
      submit: plainText(definition.submit) ?? { type: "plain_text", text: "Submit", emoji: true },
      clear_on_close: false,
      notify_on_close: false,
      previous_view_id: null,
      root_view_id: viewId,
      app_id: workspace.appId,
      external_id: "",
      app_installed_team_id: workspace.teamId,
      bot_id: workspace.botId,
    },
    response_urls: (options.responseUrls ?? []).map((url) => ({
      block_id: url.blockId,
      action_id: url.actionId,
      channel_id: url.channelId,
      response_url: url.responseUrl,
    })),
    is_enterprise_install: workspace.isEnterpriseInstall ?? false,
    ...(enterprise !== undefined && { enterprise }),
  };
}

export interface ViewSubmissionWithFilesOptions extends ViewSubmissionOptions {
  /** What the user uploaded: `fake.addUserFile(...)` results. */
  files: UploadedFile[];
  /**
   * Where the files go in `state.values`. With `view`, found in it: the input block holding a
   * file_input (narrowed by these when given). Without `view`, both are required.
   */
  blockId?: string;
  actionId?: string;
}

/** Slack's generated ids for blocks and elements the app left without one. */
const generatedId = (): string => randomBytes(3).toString("base64url");

/**
 * A view_submission of a modal with a `file_input`: `view.state.values[blockId][actionId]` is
 * `{ type: "file_input", files: [file objects] }`. Pass the opened modal as `view` to get its
 * callback_id, private_metadata and blocks, and to have the file_input found and `max_files` honoured
 * (Slack's modal does not let a user pick more).
 */
export function viewSubmissionWithFiles(options: ViewSubmissionWithFilesOptions): ViewSubmitAction {
  let { blockId, actionId } = options;
  if (options.view !== undefined) {
    const blocks = Array.isArray(options.view.definition.blocks) ? options.view.definition.blocks : [];
    const input = blocks.find(
      (block): block is Record<string, unknown> & { element: Record<string, unknown> } =>
        isRecord(block) &&
        block.type === "input" &&
        isRecord(block.element) &&
        block.element.type === "file_input" &&
        (blockId === undefined || block.block_id === blockId) &&
        (actionId === undefined || block.element.action_id === actionId),
    );
    if (input === undefined) {
      throw new Error(
        `viewSubmissionWithFiles: view ${options.view.id} has no input block with a file_input${blockId === undefined ? "" : ` (block_id ${blockId})`}`,
      );
    }
    const maxFiles = typeof input.element.max_files === "number" ? input.element.max_files : 10;
    if (options.files.length > maxFiles) {
      throw new Error(`viewSubmissionWithFiles: ${options.files.length} files, but the file_input takes at most ${maxFiles}`);
    }
    // Like Slack, ids the app did not set are generated: an app that relies on them will not find its input.
    blockId = typeof input.block_id === "string" ? input.block_id : generatedId();
    actionId = typeof input.element.action_id === "string" ? input.element.action_id : generatedId();
  }
  if (blockId === undefined || actionId === undefined) {
    throw new Error("viewSubmissionWithFiles: give the opened `view`, or both blockId and actionId");
  }
  const fileValue: ViewStateValue = { type: "file_input", files: options.files };
  const values = { ...options.values, [blockId]: { ...options.values?.[blockId], [actionId]: fileValue } };
  return viewSubmissionPayload({ ...options, values });
}

/**
 * A view_submission of an opened modal's inputs, by block id: a static_select's chosen value, a
 * plain_text_input's text, as `state.values[blockId][actionId]`. Refuses what Slack's modal would not
 * let a user send: a value that is not an option, an empty required input, text over max_length.
 */
export function viewSubmissionWithInputs(
  options: Omit<ViewSubmissionOptions, "values" | "view"> & { view: StoredView; inputs: Record<string, string> },
): ViewSubmitAction {
  const blocks = Array.isArray(options.view.definition.blocks) ? options.view.definition.blocks.filter(isRecord) : [];
  const values: Record<string, Record<string, ViewStateValue>> = {};
  for (const block of blocks) {
    if (block.type !== "input" || !isRecord(block.element)) continue;
    const blockId = typeof block.block_id === "string" ? block.block_id : generatedId();
    const element = block.element;
    const actionId = typeof element.action_id === "string" ? element.action_id : generatedId();
    const given = options.inputs[blockId];
    if ((given === undefined || given === "") && block.optional !== true)
      throw new Error(`viewSubmissionWithInputs: the input "${blockId}" is required`);
    if (element.type === "static_select") {
      const option = (Array.isArray(element.options) ? element.options.filter(isRecord) : []).find((o) => o.value === given);
      if (given !== undefined && option === undefined)
        throw new Error(`viewSubmissionWithInputs: "${given}" is not an option of "${blockId}"`);
      values[blockId] = {
        [actionId]: { type: "static_select", selected_option: option ? { text: option.text, value: option.value } : null },
      } as Record<string, ViewStateValue>;
    } else if (element.type === "plain_text_input") {
      const max = typeof element.max_length === "number" ? element.max_length : 3000;
      if (given !== undefined && given.length > max)
        throw new Error(`viewSubmissionWithInputs: "${blockId}" takes at most ${max} characters`);
      values[blockId] = { [actionId]: { type: "plain_text_input", value: given === "" ? null : (given ?? null) } };
    }
  }
  return viewSubmissionPayload({ ...options, values });
}

// ---------------------------------------------------------------------------------------------------
// Events API

export interface EventCallbackOptions {
  workspace?: Workspace;
  eventId?: string;
  eventTime?: number;
}

/** Wraps an event in the `event_callback` envelope of the Events API (the body of an HTTP event). */
export function eventCallbackPayload<E extends { type: string }>(event: E, options: EventCallbackOptions = {}): EnvelopedEvent<E> {
  const workspace = options.workspace ?? STANDARD_WORKSPACE;
  const isEnterpriseInstall = workspace.isEnterpriseInstall ?? false;
  return {
    token: LEGACY_VERIFICATION_TOKEN,
    team_id: workspace.teamId,
    ...(workspace.enterpriseId !== undefined && { enterprise_id: workspace.enterpriseId }),
    api_app_id: workspace.appId,
    event,
    type: "event_callback",
    event_id: options.eventId ?? eventId(),
    event_time: options.eventTime ?? Math.floor(Date.now() / 1000),
    // Who the event is delivered for: our bot's installation (team_id is null for org-wide installs).
    authorizations: [
      {
        enterprise_id: workspace.enterpriseId ?? null,
        team_id: isEnterpriseInstall ? null : workspace.teamId,
        user_id: workspace.botUserId,
        is_bot: true,
        is_enterprise_install: isEnterpriseInstall,
      },
    ],
    is_ext_shared_channel: false,
  };
}

export interface AppHomeOpenedOptions extends EventCallbackOptions {
  userId?: string;
  /** The app's DM channel with the user. */
  channelId?: string;
  tab?: "home" | "messages";
}

export function appHomeOpenedPayload(options: AppHomeOpenedOptions = {}): EnvelopedEvent<types.AppHomeOpenedEvent> {
  const event: types.AppHomeOpenedEvent = {
    type: "app_home_opened",
    user: options.userId ?? DEFAULT_USER.id,
    channel: options.channelId ?? "D0LEARNER1",
    tab: options.tab ?? "home",
    event_ts: messageTs(),
  };
  return eventCallbackPayload(event, options);
}
