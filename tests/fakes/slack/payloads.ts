/**
 * Builders for the payloads Slack sends to an app, shaped like Slack's documentation (and typed with
 * Bolt's own payload types, so a drift between the two fails `tsc`). They are transport-neutral: send
 * them over Socket Mode (`fake.socket.sendSlashCommand(...)`) or over HTTP (`postToApp(url, { body:
 * encodeSlashCommand(...) })`).
 *
 * Every builder takes a `workspace` (default `STANDARD_WORKSPACE`); pass `GRID_WORKSPACE` (and a user
 * `teamId` of `GRID_HOME_TEAM_ID`) for the Enterprise Grid variant.
 */
import type { BlockAction, ButtonAction, EnvelopedEvent, SlashCommand, types, ViewStateValue, ViewSubmitAction } from "@slack/bolt";
import { eventId, messageTs, slackId, triggerId } from "./slack-ids.ts";
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
  callbackId: string;
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
  const viewId = options.viewId ?? slackId("V");
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
      callback_id: options.callbackId,
      blocks: [],
      private_metadata: options.privateMetadata ?? "",
      state: { values: options.values ?? {} },
      hash: `${Math.floor(Date.now() / 1000)}.${viewId}`,
      title: { type: "plain_text", text: "Study", emoji: true },
      close: null,
      submit: { type: "plain_text", text: "Submit", emoji: true },
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
