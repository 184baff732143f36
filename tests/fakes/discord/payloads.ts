// Builders for the JSON Discord sends and returns, shaped like the examples in Discord's API docs (and typed with
// discord-api-types, so a missing required field is a compile error). Pure functions: the fake keeps the state.
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  ChannelType,
  ComponentType,
  GatewayOpcodes,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  InteractionContextType,
  InteractionType,
  MessageType,
} from "discord.js";
import type {
  APIApplicationCommand,
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIAttachment,
  APIApplicationCommandAutocompleteInteraction,
  APIChatInputApplicationCommandInteraction,
  APIDMChannel,
  APIEmbed,
  APIEmoji,
  APIGuildCategoryChannel,
  APIGuildMember,
  APIInteractionDataResolved,
  APIInteractionGuildMember,
  APIMessage,
  APIMessageComponentInteraction,
  APIMessageInteractionMetadata,
  APIMessageTopLevelComponent,
  APIModalSubmitInteraction,
  APIRole,
  APITextChannel,
  APIUnavailableGuild,
  APIUser,
  GatewayGuildCreateDispatchData,
  GatewayReadyDispatchData,
  Locale,
  RESTGetAPIGatewayBotResult,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
} from "discord.js";

// Flag fields are typed as enums; "no flags" is 0 in each of them.
const NO_USER_FLAGS = 0 as UserFlags;
const NO_MEMBER_FLAGS = 0 as GuildMemberFlags;
const NO_ROLE_FLAGS = 0 as RoleFlags;
const NO_CHANNEL_FLAGS = 0 as ChannelFlags;

// ---------------------------------------------------------------------------------------------------------------
// Permissions (string bit sets, as the API sends them)

/** What a default member has in a new guild: view, send, read history, use application commands, and so on. */
export const DEFAULT_MEMBER_PERMISSIONS = "2248473465835073";
/** What a bot invited with the usual "send messages + embed links + use commands" scopes gets. */
export const DEFAULT_APP_PERMISSIONS = "2147863616";
/** Upload limit of an unboosted guild, as `attachment_size_limit` reports it. */
export const DEFAULT_ATTACHMENT_SIZE_LIMIT = 10_485_760;

// ---------------------------------------------------------------------------------------------------------------
// Users, members, roles, emojis

export interface UserInit {
  id: string;
  username: string;
  globalName?: string | null;
  bot?: boolean;
  discriminator?: string;
  /** The user's client language (not part of user objects; the fake uses it as the interactions' `locale`). */
  locale?: string;
}

export function userPayload(init: UserInit): APIUser {
  return {
    id: init.id,
    username: init.username,
    // Bots keep 4-digit tags; migrated human accounts have "0".
    discriminator: init.discriminator ?? (init.bot ? "0420" : "0"),
    global_name: init.globalName === undefined ? (init.bot ? null : init.username) : init.globalName,
    avatar: null,
    ...(init.bot ? { bot: true } : {}),
    banner: null,
    accent_color: null,
    avatar_decoration_data: null,
    public_flags: NO_USER_FLAGS,
    flags: NO_USER_FLAGS,
  };
}

/** `GET /users/@me` for a bot: the user object plus the private fields only the owner sees. */
export function currentUserPayload(bot: APIUser): APIUser {
  return { ...bot, mfa_enabled: true, verified: true, email: null, locale: "en-US", premium_type: 0 };
}

export function guildMemberPayload(
  user: APIUser,
  init: { roles?: string[]; joinedAt?: string; nick?: string | null } = {},
): APIGuildMember {
  return {
    user,
    nick: init.nick ?? null,
    avatar: null,
    banner: null,
    roles: init.roles ?? [],
    joined_at: init.joinedAt ?? new Date().toISOString(),
    premium_since: null,
    deaf: false,
    mute: false,
    flags: NO_MEMBER_FLAGS,
    pending: false,
    communication_disabled_until: null,
  };
}

/** A member as it appears inside an interaction: with `user` and the member's computed `permissions`. */
export function interactionMemberPayload(member: APIGuildMember, permissions: string, user: APIUser): APIInteractionGuildMember {
  return { ...member, user, permissions };
}

export function everyoneRolePayload(guildId: string): APIRole {
  return rolePayload({ id: guildId, name: "@everyone", position: 0, permissions: DEFAULT_MEMBER_PERMISSIONS });
}

export function rolePayload(init: { id: string; name: string; position: number; permissions?: string; color?: number }): APIRole {
  const color = init.color ?? 0;
  return {
    id: init.id,
    name: init.name,
    color,
    colors: { primary_color: color, secondary_color: null, tertiary_color: null },
    hoist: false,
    icon: null,
    unicode_emoji: null,
    position: init.position,
    permissions: init.permissions ?? "0",
    managed: false,
    mentionable: false,
    flags: NO_ROLE_FLAGS,
  };
}

export function emojiPayload(init: { id: string; name: string; animated?: boolean }): APIEmoji {
  return {
    id: init.id,
    name: init.name,
    roles: [],
    require_colons: true,
    managed: false,
    animated: init.animated ?? false,
    available: true,
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Channels

export function categoryChannelPayload(init: { id: string; guildId: string; name: string; position: number }): APIGuildCategoryChannel {
  return {
    id: init.id,
    type: ChannelType.GuildCategory,
    guild_id: init.guildId,
    name: init.name,
    position: init.position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    flags: NO_CHANNEL_FLAGS,
  };
}

export function textChannelPayload(init: {
  id: string;
  guildId: string;
  name: string;
  position: number;
  parentId?: string | null;
  topic?: string | null;
}): APITextChannel {
  return {
    id: init.id,
    type: ChannelType.GuildText,
    guild_id: init.guildId,
    name: init.name,
    position: init.position,
    permission_overwrites: [],
    nsfw: false,
    topic: init.topic ?? null,
    last_message_id: null,
    last_pin_timestamp: null,
    rate_limit_per_user: 0,
    parent_id: init.parentId ?? null,
    default_auto_archive_duration: 1440,
    default_thread_rate_limit_per_user: 0,
    flags: NO_CHANNEL_FLAGS,
  };
}

/** `POST /users/@me/channels` answer and the `channel` of a DM interaction. */
export function dmChannelPayload(init: { id: string; recipient: APIUser; lastMessageId?: string | null }): APIDMChannel {
  return {
    id: init.id,
    type: ChannelType.DM,
    name: null,
    last_message_id: init.lastMessageId ?? null,
    flags: NO_CHANNEL_FLAGS,
    recipients: [init.recipient],
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Guilds

export interface GuildCreateInit {
  id: string;
  name: string;
  ownerId: string;
  joinedAt: string;
  channels: (APITextChannel | APIGuildCategoryChannel)[];
  roles: APIRole[];
  emojis: APIEmoji[];
  /** Members sent in the payload (Discord sends only a subset for large guilds). */
  members: APIGuildMember[];
  memberCount: number;
  large: boolean;
  systemChannelId: string | null;
  locale?: string;
}

export function guildCreatePayload(init: GuildCreateInit): GatewayGuildCreateDispatchData {
  return {
    id: init.id,
    name: init.name,
    icon: null,
    splash: null,
    discovery_splash: null,
    banner: null,
    description: null,
    owner_id: init.ownerId,
    afk_channel_id: null,
    afk_timeout: 300,
    widget_enabled: false,
    widget_channel_id: null,
    verification_level: GuildVerificationLevel.Low,
    default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
    explicit_content_filter: GuildExplicitContentFilter.AllMembers,
    roles: init.roles,
    emojis: init.emojis,
    stickers: [],
    features: [],
    mfa_level: GuildMFALevel.None,
    application_id: null,
    system_channel_id: init.systemChannelId,
    system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotificationReplies,
    rules_channel_id: null,
    max_presences: null,
    max_members: 500_000,
    vanity_url_code: null,
    premium_tier: GuildPremiumTier.None,
    premium_subscription_count: 0,
    preferred_locale: (init.locale ?? "en-US") as Locale,
    public_updates_channel_id: null,
    max_video_channel_users: 25,
    max_stage_video_channel_users: 50,
    nsfw_level: GuildNSFWLevel.Default,
    premium_progress_bar_enabled: false,
    safety_alerts_channel_id: null,
    incidents_data: null,
    hub_type: null,
    // Fields only present in GUILD_CREATE:
    joined_at: init.joinedAt,
    large: init.large,
    unavailable: false,
    member_count: init.memberCount,
    voice_states: [],
    members: init.members,
    channels: init.channels,
    threads: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}

export function unavailableGuildPayload(id: string): APIUnavailableGuild {
  return { id, unavailable: true };
}

// ---------------------------------------------------------------------------------------------------------------
// Gateway frames

export interface GatewayFrame {
  op: number;
  d: unknown;
  s: number | null;
  t: string | null;
}

export function helloFrame(heartbeatIntervalMs: number): GatewayFrame {
  return {
    op: GatewayOpcodes.Hello,
    d: { heartbeat_interval: heartbeatIntervalMs, _trace: ['["fake-gateway",{"micros":0}]'] },
    s: null,
    t: null,
  };
}

export function dispatchFrame(t: string, s: number, d: unknown): GatewayFrame {
  return { op: GatewayOpcodes.Dispatch, d, s, t };
}

export function heartbeatAckFrame(): GatewayFrame {
  return { op: GatewayOpcodes.HeartbeatAck, d: null, s: null, t: null };
}

/** Op 1 sent by the gateway: "heartbeat now". */
export function heartbeatRequestFrame(): GatewayFrame {
  return { op: GatewayOpcodes.Heartbeat, d: null, s: null, t: null };
}

export function invalidSessionFrame(resumable: boolean): GatewayFrame {
  return { op: GatewayOpcodes.InvalidSession, d: resumable, s: null, t: null };
}

export function reconnectFrame(): GatewayFrame {
  return { op: GatewayOpcodes.Reconnect, d: null, s: null, t: null };
}

export function readyPayload(init: {
  user: APIUser;
  applicationId: string;
  applicationFlags: number;
  sessionId: string;
  resumeGatewayUrl: string;
  guildIds: string[];
  shard: [number, number];
}): GatewayReadyDispatchData & Record<string, unknown> {
  return {
    v: 10,
    user_settings: {},
    user: { ...init.user, mfa_enabled: true, verified: true, email: null, flags: NO_USER_FLAGS },
    session_type: "normal",
    session_id: init.sessionId,
    resume_gateway_url: init.resumeGatewayUrl,
    relationships: [],
    private_channels: [],
    presences: [],
    guilds: init.guildIds.map(unavailableGuildPayload),
    guild_join_requests: [],
    geo_ordered_rtc_regions: ["fake-local"],
    application: { id: init.applicationId, flags: init.applicationFlags, flags_new: String(init.applicationFlags) },
    shard: init.shard,
    _trace: ['["fake-gateway",{"micros":0}]'],
  };
}

export function gatewayBotPayload(init: {
  url: string;
  shards: number;
  remaining: number;
  maxConcurrency: number;
}): RESTGetAPIGatewayBotResult {
  return {
    url: init.url,
    shards: init.shards,
    session_start_limit: {
      total: 1000,
      remaining: init.remaining,
      // @discordjs/ws caches this answer for `reset_after` ms; Discord sends the time until the daily reset.
      reset_after: 14_400_000,
      max_concurrency: init.maxConcurrency,
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Applications and commands

export function applicationPayload(init: { id: string; bot: APIUser; flags: number; name: string }): Record<string, unknown> {
  return {
    id: init.id,
    name: init.name,
    icon: null,
    description: "",
    summary: "",
    type: null,
    bot: init.bot,
    bot_public: true,
    bot_require_code_grant: false,
    verify_key: "0".repeat(64),
    flags: init.flags,
    team: null,
    owner: userPayload({ id: "1", username: "fake-owner" }),
    hook: true,
    is_monetized: false,
    approximate_guild_count: 0,
    redirect_uris: [],
    interactions_endpoint_url: null,
    integration_types_config: { "0": {}, "1": {} },
  };
}

/** A stored application command as Discord answers it, from a `PUT`/`POST` body. */
export function applicationCommandPayload(
  body: Record<string, unknown>,
  init: { id: string; applicationId: string; guildId?: string; version: string },
): APIApplicationCommand {
  const type = (body["type"] as ApplicationCommandType | undefined) ?? ApplicationCommandType.ChatInput;
  return {
    id: init.id,
    application_id: init.applicationId,
    version: init.version,
    type,
    name: String(body["name"] ?? ""),
    name_localizations: (body["name_localizations"] as APIApplicationCommand["name_localizations"]) ?? null,
    description: String(body["description"] ?? ""),
    description_localizations: (body["description_localizations"] as APIApplicationCommand["description_localizations"]) ?? null,
    default_member_permissions: (body["default_member_permissions"] as string | null | undefined) ?? null,
    nsfw: Boolean(body["nsfw"] ?? false),
    ...(init.guildId ? { guild_id: init.guildId } : {}),
    ...(body["options"] ? { options: body["options"] as APIApplicationCommandOption[] } : {}),
    ...(init.guildId
      ? {}
      : {
          integration_types: (body["integration_types"] as ApplicationIntegrationType[] | undefined) ?? [
            ApplicationIntegrationType.GuildInstall,
          ],
          contexts: (body["contexts"] as InteractionContextType[] | null | undefined) ?? null,
          dm_permission: body["dm_permission"] === undefined ? true : Boolean(body["dm_permission"]),
        }),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Messages

export interface MessageInit {
  id: string;
  channelId: string;
  guildId?: string | null;
  author: APIUser;
  content?: string;
  embeds?: APIEmbed[];
  components?: APIMessageTopLevelComponent[];
  attachments?: APIAttachment[];
  flags?: number;
  type?: MessageType;
  /** Set for messages sent through an interaction webhook (replies, follow-ups). */
  webhookId?: string;
  applicationId?: string;
  interactionMetadata?: APIMessageInteractionMetadata;
  /** The deprecated `interaction` field Discord still sends next to `interaction_metadata`. */
  interaction?: APIMessage["interaction"];
  timestamp?: string;
  nonce?: string | number;
  tts?: boolean;
}

export function messagePayload(init: MessageInit): APIMessage {
  return {
    id: init.id,
    channel_id: init.channelId,
    author: init.author,
    content: init.content ?? "",
    timestamp: init.timestamp ?? new Date().toISOString(),
    edited_timestamp: null,
    tts: init.tts ?? false,
    mention_everyone: false,
    mentions: [],
    mention_roles: [],
    attachments: init.attachments ?? [],
    embeds: init.embeds ?? [],
    pinned: false,
    type: init.type ?? MessageType.Default,
    flags: init.flags ?? 0,
    components: init.components ?? [],
    ...(init.nonce === undefined ? {} : { nonce: init.nonce }),
    ...(init.webhookId ? { webhook_id: init.webhookId } : {}),
    ...(init.applicationId ? { application_id: init.applicationId } : {}),
    ...(init.interactionMetadata ? { interaction_metadata: init.interactionMetadata } : {}),
    ...(init.interaction ? { interaction: init.interaction } : {}),
    ...(init.guildId ? { guild_id: init.guildId } : {}),
  };
}

export function attachmentPayload(init: {
  id: string;
  filename: string;
  size: number;
  contentType?: string;
  channelId: string;
}): APIAttachment {
  const url = `https://cdn.discordapp.com/attachments/${init.channelId}/${init.id}/${encodeURIComponent(init.filename)}`;
  return {
    id: init.id,
    filename: init.filename,
    size: init.size,
    url,
    proxy_url: url.replace("cdn.discordapp.com", "media.discordapp.net"),
    ...(init.contentType ? { content_type: init.contentType } : {}),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Interactions

/** Where an interaction happens and who triggers it: the parts every interaction type shares. */
export interface InteractionContextInit {
  id: string;
  applicationId: string;
  token: string;
  user: APIUser;
  locale: string;
  appPermissions: string;
  /** A guild interaction: the member (with permissions) and guild facts. Absent for a bot DM. */
  guild?: { id: string; locale: string; features: string[]; member: APIInteractionGuildMember };
  /** The channel the interaction happened in (partial guild channel, or the DM channel with `recipients`). */
  channel: Record<string, unknown> & { id: string; type: ChannelType };
}

function interactionBase(type: InteractionType, ctx: InteractionContextInit): Record<string, unknown> {
  const inGuild = ctx.guild !== undefined;
  return {
    id: ctx.id,
    application_id: ctx.applicationId,
    type,
    token: ctx.token,
    version: 1,
    ...(ctx.guild
      ? {
          guild_id: ctx.guild.id,
          guild: { id: ctx.guild.id, locale: ctx.guild.locale, features: ctx.guild.features },
          guild_locale: ctx.guild.locale,
          member: ctx.guild.member,
        }
      : { user: ctx.user }),
    channel: ctx.channel,
    channel_id: ctx.channel.id,
    locale: ctx.locale,
    app_permissions: ctx.appPermissions,
    entitlements: [],
    // A guild-installed app: keyed by integration type; in a bot DM the guild-install owner is "0".
    authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: inGuild ? ctx.guild?.id : "0" },
    context: inGuild ? InteractionContextType.Guild : InteractionContextType.BotDM,
    attachment_size_limit: DEFAULT_ATTACHMENT_SIZE_LIMIT,
  };
}

export function commandInteractionPayload(
  ctx: InteractionContextInit,
  data: {
    commandId: string;
    name: string;
    options?: APIApplicationCommandInteractionDataOption[];
    resolved?: APIInteractionDataResolved;
    guildId?: string;
  },
): APIChatInputApplicationCommandInteraction {
  return {
    ...interactionBase(InteractionType.ApplicationCommand, ctx),
    data: {
      id: data.commandId,
      name: data.name,
      type: ApplicationCommandType.ChatInput,
      ...(data.options?.length ? { options: data.options } : {}),
      ...(data.resolved ? { resolved: data.resolved } : {}),
      ...(data.guildId ? { guild_id: data.guildId } : {}),
    },
  } as unknown as APIChatInputApplicationCommandInteraction;
}

export function autocompleteInteractionPayload(
  ctx: InteractionContextInit,
  data: { commandId: string; name: string; options: APIApplicationCommandInteractionDataOption[]; guildId?: string },
): APIApplicationCommandAutocompleteInteraction {
  return {
    ...interactionBase(InteractionType.ApplicationCommandAutocomplete, ctx),
    data: {
      id: data.commandId,
      name: data.name,
      type: ApplicationCommandType.ChatInput,
      options: data.options,
      ...(data.guildId ? { guild_id: data.guildId } : {}),
    },
  } as unknown as APIApplicationCommandAutocompleteInteraction;
}

export function componentInteractionPayload(
  ctx: InteractionContextInit,
  data: { customId: string; componentType: ComponentType; values?: string[]; message: APIMessage; resolved?: APIInteractionDataResolved },
): APIMessageComponentInteraction {
  return {
    ...interactionBase(InteractionType.MessageComponent, ctx),
    message: data.message,
    data: {
      custom_id: data.customId,
      component_type: data.componentType,
      ...(data.values ? { values: data.values } : {}),
      ...(data.resolved ? { resolved: data.resolved } : {}),
    },
  } as unknown as APIMessageComponentInteraction;
}

/**
 * A modal submit. `fields` maps each text input's custom_id to the typed value, `selects` each string
 * select's custom_id to the chosen values. Without `modal`: text inputs in action rows (the legacy
 * layout), then selects in labels. With the `modal` the app opened: its own layout and order, and
 * only answers its components allow (see ModalSubmitInteractionInit).
 */
export function modalSubmitInteractionPayload(
  ctx: InteractionContextInit,
  data: {
    customId: string;
    fields: Record<string, string>;
    selects?: Record<string, string[]>;
    modal?: Record<string, unknown>;
    message?: APIMessage;
  },
): APIModalSubmitInteraction {
  const selects = data.selects ?? {};
  const components = data.modal
    ? submittedLayout(data.modal, data.fields, selects)
    : [
        ...Object.entries(data.fields).map(([customId, value]) => ({
          type: ComponentType.ActionRow,
          components: [{ type: ComponentType.TextInput, custom_id: customId, value }],
        })),
        ...Object.entries(selects).map(([customId, values]) => ({
          type: ComponentType.Label,
          component: { type: ComponentType.StringSelect, custom_id: customId, values },
        })),
      ];
  return {
    ...interactionBase(InteractionType.ModalSubmit, ctx),
    ...(data.message ? { message: data.message } : {}),
    data: { custom_id: data.customId, components },
  } as unknown as APIModalSubmitInteraction;
}

type JsonObject = Record<string, unknown>;
const isJsonObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** The submitted components of an opened modal, refusing answers its client would not allow. */
function submittedLayout(modal: JsonObject, fields: Record<string, string>, selects: Record<string, string[]>): unknown[] {
  const answer = (component: JsonObject): JsonObject => {
    const customId = String(component["custom_id"]);
    const required = component["required"] !== false;
    if (component["type"] === ComponentType.TextInput) {
      const value = fields[customId] ?? "";
      if (required && value === "") throw new Error(`modal submit: the text input "${customId}" is required`);
      const max = typeof component["max_length"] === "number" ? component["max_length"] : 4000;
      if ([...value].length > max) throw new Error(`modal submit: "${customId}" takes at most ${max} characters`);
      return { type: ComponentType.TextInput, custom_id: customId, value };
    }
    if (component["type"] === ComponentType.StringSelect) {
      const values = selects[customId] ?? [];
      const options = (Array.isArray(component["options"]) ? component["options"] : []).filter(isJsonObject).map((o) => o["value"]);
      const unknown = values.filter((v) => !options.includes(v));
      if (unknown.length > 0) throw new Error(`modal submit: ${JSON.stringify(unknown)} are not options of "${customId}"`);
      const min = required ? (typeof component["min_values"] === "number" ? component["min_values"] : 1) : 0;
      const max = typeof component["max_values"] === "number" ? component["max_values"] : 1;
      if (values.length < min || values.length > max) throw new Error(`modal submit: "${customId}" takes ${min} to ${max} values`);
      return { type: ComponentType.StringSelect, custom_id: customId, values };
    }
    throw new Error(`modal submit: component type ${String(component["type"])} is not supported by this fake`);
  };
  const top = Array.isArray(modal["components"]) ? modal["components"].filter(isJsonObject) : [];
  return top.flatMap((component): JsonObject[] => {
    if (component["type"] === ComponentType.Label && isJsonObject(component["component"]))
      return [{ type: ComponentType.Label, component: answer(component["component"]) }];
    if (component["type"] === ComponentType.ActionRow)
      return [
        {
          type: ComponentType.ActionRow,
          components: (Array.isArray(component["components"]) ? component["components"] : []).filter(isJsonObject).map(answer),
        },
      ];
    return [];
  });
}

/** An option value as a command interaction carries it; the type comes from the registered command if known. */
export function commandOption(
  name: string,
  value: string | number | boolean,
  type?: ApplicationCommandOptionType,
): APIApplicationCommandInteractionDataOption {
  const inferred =
    type ??
    (typeof value === "boolean"
      ? ApplicationCommandOptionType.Boolean
      : typeof value === "number"
        ? Number.isInteger(value)
          ? ApplicationCommandOptionType.Integer
          : ApplicationCommandOptionType.Number
        : ApplicationCommandOptionType.String);
  return { name, type: inferred, value } as APIApplicationCommandInteractionDataOption;
}

// ---------------------------------------------------------------------------------------------------------------
// REST answers

export interface DiscordErrorBody {
  message: string;
  code: number;
  errors?: unknown;
}

/** JSON error codes the fake answers with, with Discord's own messages. */
export const DiscordErrors = {
  general: { code: 0, message: "General error" },
  unauthorized: { code: 0, message: "401: Unauthorized" },
  notFound: { code: 0, message: "404: Not Found" },
  unknownChannel: { code: 10003, message: "Unknown Channel" },
  unknownGuild: { code: 10004, message: "Unknown Guild" },
  unknownMember: { code: 10007, message: "Unknown Member" },
  unknownMessage: { code: 10008, message: "Unknown Message" },
  unknownUser: { code: 10013, message: "Unknown User" },
  unknownWebhook: { code: 10015, message: "Unknown Webhook" },
  unknownApplicationCommand: { code: 10063, message: "Unknown application command" },
  unknownInteraction: { code: 10062, message: "Unknown interaction" },
  emptyMessage: { code: 50006, message: "Cannot send an empty message" },
  cannotMessageUser: { code: 50007, message: "Cannot send messages to this user" },
  missingPermissions: { code: 50013, message: "Missing Permissions" },
  missingAccess: { code: 50001, message: "Missing Access" },
  invalidFormBody: { code: 50035, message: "Invalid Form Body" },
  invalidJson: { code: 50109, message: "The request body contains invalid JSON." },
  alreadyAcknowledged: { code: 40060, message: "Interaction has already been acknowledged." },
} as const satisfies Record<string, DiscordErrorBody>;

export function rateLimitBody(retryAfterSeconds: number, global: boolean): DiscordErrorBody & { retry_after: number; global: boolean } {
  return { message: "You are being rate limited.", retry_after: retryAfterSeconds, global, code: 0 };
}
