// The Discord REST endpoints the fake implements, with Discord's answers and error codes. Message-changing
// routes go through the message store so tests can read what users would see.
import { ApplicationCommandType, InteractionResponseType, InteractionType, MessageType } from "discord.js";
import type { APIAttachment, APIMessage, APIMessageInteractionMetadata, RESTGetAPIGatewayBotResult } from "discord.js";
import type { FakeWorld } from "./fake-world.ts";
import type { InteractionTracker, TrackedInteraction } from "./interactions.ts";
import { EPHEMERAL_FLAG, LOADING_FLAG, type MessageEdit, type MessageOrigin, type StoredMessage } from "./message-store.ts";
import { validateAutocompleteChoices, validateCommands, validateMessageBody, validateModal } from "./message-validation.ts";
import {
  applicationPayload,
  attachmentPayload,
  currentUserPayload,
  DiscordErrors,
  messagePayload,
  type DiscordErrorBody,
} from "./payloads.ts";
import type { RecordedFile } from "./request-log.ts";
import type { RestAnswer, RestRequest } from "./rest-server.ts";
import { Router, type RouteParams } from "./rest-router.ts";

export interface RouteContext {
  request: RestRequest;
  params: RouteParams;
  /** The JSON body if it is an object, else `{}`. */
  body: Record<string, unknown>;
  /** Set by interaction routes so the request is recorded against its interaction. */
  interactionId: string | null;
}

export type RouteHandler = (ctx: RouteContext) => RestAnswer;

export interface RestRouteDeps {
  world: FakeWorld;
  interactions: InteractionTracker;
  gatewayBot(): RESTGetAPIGatewayBotResult;
  gatewayUrl(): string;
  /** Milliseconds after dispatch within which the first callback must arrive (null: no deadline). */
  interactionDeadlineMs: number | null;
  /** Lifetime of an interaction token for webhook calls (Discord: 15 minutes). */
  interactionTokenLifetimeMs: number;
}

/** Message flags a bot may set when creating a message: SUPPRESS_EMBEDS, EPHEMERAL, SUPPRESS_NOTIFICATIONS, IS_VOICE_MESSAGE, IS_COMPONENTS_V2. */
const CREATE_FLAGS = 4 | EPHEMERAL_FLAG | 4096 | 8192 | 32768;

export const ok = (body: unknown, status = 200): RestAnswer => ({ status, body });
export const noContent = (): RestAnswer => ({ status: 204 });
export const fail = (status: number, error: DiscordErrorBody): RestAnswer => ({ status, body: { ...error } });

export function createRoutes(deps: RestRouteDeps): Router<RouteHandler> {
  const { world } = deps;
  const router = new Router<RouteHandler>();

  // --- gateway, users, application ---------------------------------------------------------------------------
  router
    .add("GET", "/gateway", () => ok({ url: deps.gatewayUrl() }))
    .add("GET", "/gateway/bot", () => ok(deps.gatewayBot()))
    .add("GET", "/users/@me", () => ok(currentUserPayload(world.bot)))
    .add("GET", "/applications/@me", () =>
      ok(applicationPayload({ id: world.applicationId, bot: world.bot, flags: world.applicationFlags, name: world.bot.username })),
    )
    .add("POST", "/users/@me/channels", ({ body }) => {
      const recipientId = String(body["recipient_id"] ?? "");
      if (!world.user(recipientId)) return fail(400, { code: 50033, message: "Invalid Recipient(s)" });
      return ok(world.openDm(recipientId));
    })
    .add("GET", "/users/:userId", ({ params }) => {
      const user = world.user(params["userId"] ?? "");
      return user ? ok(user) : fail(404, DiscordErrors.unknownUser);
    });

  // --- application commands ----------------------------------------------------------------------------------
  const commandScope = (ctx: RouteContext): { guildId: string | null } | RestAnswer => {
    if (ctx.params["appId"] !== world.applicationId) {
      return fail(403, { code: 20012, message: "You are not authorized to perform this action on this application" });
    }
    const guildId = ctx.params["guildId"] ?? null;
    if (guildId !== null && !world.guilds.has(guildId)) return fail(403, { code: 50001, message: "Missing Access" });
    return { guildId };
  };
  for (const base of ["/applications/:appId/commands", "/applications/:appId/guilds/:guildId/commands"]) {
    router
      .add("GET", base, (ctx) => {
        const scope = commandScope(ctx);
        return "status" in scope ? scope : ok(world.commands(scope.guildId));
      })
      .add("PUT", base, (ctx) => {
        const scope = commandScope(ctx);
        if ("status" in scope) return scope;
        const bodies = Array.isArray(ctx.request.body) ? (ctx.request.body as Record<string, unknown>[]) : [];
        const invalid = validateCommands(bodies);
        if (invalid) return fail(400, invalid);
        return ok(world.overwriteCommands(scope.guildId, bodies));
      })
      .add("POST", base, (ctx) => {
        const scope = commandScope(ctx);
        if ("status" in scope) return scope;
        const invalid = validateCommands([ctx.body]);
        if (invalid) return fail(400, invalid);
        const { command, created } = world.upsertCommand(scope.guildId, ctx.body);
        return ok(command, created ? 201 : 200);
      });
  }

  // --- interaction callback ----------------------------------------------------------------------------------
  router.add("POST", "/interactions/:interactionId/:token/callback", (ctx) => handleCallback(deps, ctx));

  // --- interaction webhooks (original response, follow-ups) ---------------------------------------------------
  const webhookMessage = (ctx: RouteContext, tracked: TrackedInteraction): string | undefined => {
    const messageId = ctx.params["messageId"];
    if (messageId === "@original" || messageId === undefined) return tracked.originalMessageId ?? undefined;
    const message = world.messages.get(messageId);
    const belongs = message !== undefined && (message.touchedBy.includes(tracked.id) || tracked.originalMessageId === messageId);
    return belongs ? messageId : undefined;
  };

  for (const messagePath of ["/webhooks/:appId/:token/messages/@original", "/webhooks/:appId/:token/messages/:messageId"]) {
    router
      .add("GET", messagePath, (ctx) =>
        withInteractionWebhook(deps, ctx, (tracked) => {
          const id = webhookMessage(ctx, tracked);
          const message = id ? world.messages.apiPayload(id) : undefined;
          return message ? ok(message) : fail(404, DiscordErrors.unknownMessage);
        }),
      )
      .add("PATCH", messagePath, (ctx) =>
        withInteractionWebhook(deps, ctx, (tracked) => {
          const id = webhookMessage(ctx, tracked);
          const current = id ? world.messages.get(id) : undefined;
          if (!id || !current || current.deleted) return fail(404, DiscordErrors.unknownMessage);
          const invalid = validateMessageBody(ctx.body, { isCreate: false });
          if (invalid) return fail(400, invalid);
          const edited = world.messages.edit(
            id,
            messageEdit(world, ctx.body, ctx.request.files, current.channelId, current.attachments),
            tracked.id,
          );
          return edited ? ok(edited.api) : fail(404, DiscordErrors.unknownMessage);
        }),
      )
      .add("DELETE", messagePath, (ctx) =>
        withInteractionWebhook(deps, ctx, (tracked) => {
          const id = webhookMessage(ctx, tracked);
          if (!id || !world.messages.delete(id)) return fail(404, DiscordErrors.unknownMessage);
          world.messages.touch(id, tracked.id);
          return noContent();
        }),
      );
  }

  router.add("POST", "/webhooks/:appId/:token", (ctx) =>
    withInteractionWebhook(deps, ctx, (tracked) => {
      const invalid = validateMessageBody(ctx.body, { isCreate: true, hasFiles: ctx.request.files.length > 0 });
      if (invalid) return fail(400, invalid);
      const message = createInteractionMessage(deps, tracked, ctx.body, ctx.request.files, "follow-up");
      // discord.js always asks for `wait=true`; without it Discord answers 204.
      return ctx.request.query.get("wait") === "true" ? ok(message.api) : noContent();
    }),
  );

  // --- channels and messages ---------------------------------------------------------------------------------
  router
    .add("GET", "/channels/:channelId", ({ params }) => {
      const channel = world.channel(params["channelId"] ?? "");
      if (channel && world.botDenied(channel.id) === "view") return fail(403, DiscordErrors.missingAccess);
      return channel ? ok(channel) : fail(404, DiscordErrors.unknownChannel);
    })
    .add("POST", "/channels/:channelId/messages", (ctx) => {
      const channelId = ctx.params["channelId"] ?? "";
      if (!world.channel(channelId)) return fail(404, DiscordErrors.unknownChannel);
      const denied = deniedAnswer(world, channelId);
      if (denied) return denied;
      const recipient = world.dmRecipient(channelId);
      if (recipient !== undefined && world.closedDms.has(recipient)) return fail(403, DiscordErrors.cannotMessageUser);
      const invalid = validateMessageBody(ctx.body, { isCreate: true, hasFiles: ctx.request.files.length > 0 });
      if (invalid) return fail(400, invalid);
      // Discord: with enforce_nonce, a nonce the same author used in the past few minutes answers the
      // message that create made, and creates none. A nonce is an integer or a string of at most 25 characters.
      const nonce = ctx.body["nonce"];
      if (
        nonce !== undefined &&
        !(typeof nonce === "number" && Number.isInteger(nonce)) &&
        !(typeof nonce === "string" && nonce.length <= 25)
      )
        return fail(400, DiscordErrors.invalidFormBody);
      if (ctx.body["enforce_nonce"] !== undefined && typeof ctx.body["enforce_nonce"] !== "boolean")
        return fail(400, DiscordErrors.invalidFormBody);
      const enforced = ctx.body["enforce_nonce"] === true && (typeof nonce === "string" || typeof nonce === "number") ? nonce : undefined;
      if (enforced !== undefined) {
        const earlier = world.nonceMessage(world.bot.id, enforced, Date.now());
        const api = earlier ? world.messages.apiPayload(earlier) : undefined;
        if (api) {
          world.nonceRepeats += 1;
          return ok(api);
        }
      }
      const edit = messageEdit(world, ctx.body, ctx.request.files, channelId, []);
      const guildId = world.guildOfChannel(channelId)?.id ?? null;
      const api = messagePayload({
        id: world.ids.next(),
        channelId,
        guildId,
        author: world.bot,
        content: edit.content ?? "",
        embeds: edit.embeds ?? [],
        components: edit.components ?? [],
        attachments: edit.attachments ?? [],
        // Ephemeral exists only for interaction responses.
        flags: (edit.flags ?? 0) & CREATE_FLAGS & ~EPHEMERAL_FLAG,
        ...(typeof ctx.body["nonce"] === "string" || typeof ctx.body["nonce"] === "number" ? { nonce: ctx.body["nonce"] } : {}),
        tts: ctx.body["tts"] === true,
      });
      const created = world.messages.add(api, { origin: "channel-message", guildId }).api;
      if (enforced !== undefined) world.rememberNonce(world.bot.id, enforced, created.id, Date.now());
      return ok(created);
    })
    .add("GET", "/channels/:channelId/messages/:messageId", ({ params }) => {
      if (world.botDenied(params["channelId"] ?? "") === "view") return fail(403, DiscordErrors.missingAccess);
      const message = channelMessage(world, params);
      return message ? ok(message.api) : fail(404, DiscordErrors.unknownMessage);
    })
    .add("PATCH", "/channels/:channelId/messages/:messageId", (ctx) => {
      // A bot may edit its own messages without Send Messages, but not in a channel it cannot see.
      if (world.botDenied(ctx.params["channelId"] ?? "") === "view") return fail(403, DiscordErrors.missingAccess);
      const message = channelMessage(world, ctx.params);
      if (!message) return fail(404, DiscordErrors.unknownMessage);
      if (message.authorId !== world.bot.id) return fail(403, { code: 50005, message: "Cannot edit a message authored by another user" });
      const invalid = validateMessageBody(ctx.body, { isCreate: false });
      if (invalid) return fail(400, invalid);
      const edited = world.messages.edit(
        message.id,
        messageEdit(world, ctx.body, ctx.request.files, message.channelId, message.attachments),
      );
      return edited ? ok(edited.api) : fail(404, DiscordErrors.unknownMessage);
    })
    .add("DELETE", "/channels/:channelId/messages/:messageId", ({ params }) => {
      const message = channelMessage(world, params);
      if (!message || !world.messages.delete(message.id)) return fail(404, DiscordErrors.unknownMessage);
      return noContent();
    });

  // --- guilds ------------------------------------------------------------------------------------------------
  router.add("GET", "/guilds/:guildId/members/:userId", ({ params }) => {
    const guild = world.guilds.get(params["guildId"] ?? "");
    if (!guild) return fail(404, DiscordErrors.unknownGuild);
    const member = guild.member(params["userId"] ?? "");
    return member ? ok(member) : fail(404, DiscordErrors.unknownMember);
  });

  return router;
}

/** 403 for a create in a channel where the bot may not post: 50001 if it cannot see it, else 50013. */
function deniedAnswer(world: FakeWorld, channelId: string): RestAnswer | undefined {
  const denied = world.botDenied(channelId);
  if (denied === "view") return fail(403, DiscordErrors.missingAccess);
  if (denied === "send") return fail(403, DiscordErrors.missingPermissions);
  return undefined;
}

function channelMessage(world: FakeWorld, params: RouteParams): StoredMessage | undefined {
  const message = world.messages.get(params["messageId"] ?? "");
  return message && !message.deleted && message.channelId === params["channelId"] ? message : undefined;
}

/** Resolves `/webhooks/:appId/:token` to a live interaction, or answers like Discord does. */
function withInteractionWebhook(deps: RestRouteDeps, ctx: RouteContext, handle: (tracked: TrackedInteraction) => RestAnswer): RestAnswer {
  const tracked = ctx.params["appId"] === deps.world.applicationId ? deps.interactions.byToken(ctx.params["token"] ?? "") : undefined;
  if (!tracked) return fail(404, DiscordErrors.unknownWebhook);
  ctx.interactionId = tracked.id;
  if (Date.now() - tracked.dispatchedAt > deps.interactionTokenLifetimeMs)
    return fail(401, { code: 50027, message: "Invalid Webhook Token" });
  // The interaction webhook only exists once the interaction was acknowledged.
  if (!tracked.callback) return fail(404, DiscordErrors.unknownWebhook);
  return handle(tracked);
}

const ALLOWED_CALLBACKS: Record<number, InteractionResponseType[]> = {
  [InteractionType.ApplicationCommand]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.MessageComponent]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.Modal,
    InteractionResponseType.PremiumRequired,
    InteractionResponseType.LaunchActivity,
  ],
  [InteractionType.ApplicationCommandAutocomplete]: [InteractionResponseType.ApplicationCommandAutocompleteResult],
  [InteractionType.ModalSubmit]: [
    InteractionResponseType.ChannelMessageWithSource,
    InteractionResponseType.DeferredChannelMessageWithSource,
    InteractionResponseType.DeferredMessageUpdate,
    InteractionResponseType.UpdateMessage,
    InteractionResponseType.PremiumRequired,
  ],
};

function handleCallback(deps: RestRouteDeps, ctx: RouteContext): RestAnswer {
  const { world } = deps;
  const tracked = deps.interactions.byId(ctx.params["interactionId"] ?? "");
  if (!tracked || tracked.token !== ctx.params["token"]) return fail(404, DiscordErrors.unknownInteraction);
  ctx.interactionId = tracked.id;
  const now = Date.now();
  const refuse = (status: number, error: DiscordErrorBody, reason: string): RestAnswer => {
    tracked.rejected.push({ receivedAt: now, status, code: error.code, reason });
    return fail(status, error);
  };

  if (tracked.callback) return refuse(400, DiscordErrors.alreadyAcknowledged, "the interaction was already acknowledged");
  const latencyMs = now - tracked.dispatchedAt;
  if (deps.interactionDeadlineMs !== null && latencyMs > deps.interactionDeadlineMs) {
    return refuse(
      404,
      DiscordErrors.unknownInteraction,
      `the first callback came ${latencyMs} ms after dispatch; the deadline is ${deps.interactionDeadlineMs} ms`,
    );
  }
  const type = ctx.body["type"] as InteractionResponseType;
  const data = (typeof ctx.body["data"] === "object" && ctx.body["data"] !== null ? ctx.body["data"] : undefined) as
    Record<string, unknown> | undefined;
  const allowed = ALLOWED_CALLBACKS[tracked.type] ?? [];
  const componentMessageId = tracked.context.componentMessageId;
  const needsMessage = type === InteractionResponseType.UpdateMessage || type === InteractionResponseType.DeferredMessageUpdate;
  if (!allowed.includes(type) || (needsMessage && !componentMessageId)) {
    return refuse(
      400,
      {
        ...DiscordErrors.invalidFormBody,
        errors: {
          type: {
            _errors: [
              { code: "INTERACTION_RESPONSE_TYPE_INVALID", message: `Interaction response type ${String(type)} is not valid here` },
            ],
          },
        },
      },
      `callback type ${String(type)} is not valid for interaction type ${tracked.type}`,
    );
  }

  const invalid =
    type === InteractionResponseType.ChannelMessageWithSource
      ? validateMessageBody(data ?? {}, { isCreate: true, hasFiles: ctx.request.files.length > 0, at: ["data"] })
      : type === InteractionResponseType.UpdateMessage
        ? validateMessageBody(data ?? {}, { isCreate: false, at: ["data"] })
        : type === InteractionResponseType.Modal
          ? validateModal(data ?? {})
          : type === InteractionResponseType.ApplicationCommandAutocompleteResult
            ? validateAutocompleteChoices(data ?? {})
            : null;
  if (invalid) return refuse(400, invalid, `invalid callback data: ${JSON.stringify(invalid.errors ?? invalid.message)}`);

  let resourceMessage: StoredMessage | undefined;
  switch (type) {
    case InteractionResponseType.ChannelMessageWithSource:
      resourceMessage = createInteractionMessage(deps, tracked, data ?? {}, ctx.request.files, "interaction-reply");
      tracked.originalMessageId = resourceMessage.id;
      break;
    case InteractionResponseType.DeferredChannelMessageWithSource: {
      const flags = ((typeof data?.["flags"] === "number" ? data["flags"] : 0) & EPHEMERAL_FLAG) | LOADING_FLAG;
      resourceMessage = createInteractionMessage(deps, tracked, { flags }, [], "deferred-reply");
      tracked.originalMessageId = resourceMessage.id;
      break;
    }
    case InteractionResponseType.DeferredMessageUpdate:
      tracked.originalMessageId = componentMessageId;
      if (componentMessageId) world.messages.touch(componentMessageId, tracked.id);
      break;
    case InteractionResponseType.UpdateMessage: {
      tracked.originalMessageId = componentMessageId;
      const current = componentMessageId ? world.messages.get(componentMessageId) : undefined;
      if (!componentMessageId || !current)
        return refuse(404, DiscordErrors.unknownMessage, "the component's message is not in the fake's store");
      resourceMessage = world.messages.edit(
        componentMessageId,
        messageEdit(world, data ?? {}, ctx.request.files, current.channelId, current.attachments),
        tracked.id,
      );
      break;
    }
    default:
      break;
  }

  tracked.callback = { type, data, receivedAt: now, latencyMs, withResponse: ctx.request.query.get("with_response") === "true" };
  if (!tracked.callback.withResponse) return noContent();
  const original = tracked.originalMessageId ? world.messages.get(tracked.originalMessageId) : undefined;
  const carriesMessage = type === InteractionResponseType.ChannelMessageWithSource || type === InteractionResponseType.UpdateMessage;
  return ok({
    interaction: {
      id: tracked.id,
      type: tracked.type,
      ...(original
        ? { response_message_id: original.id, response_message_loading: original.loading, response_message_ephemeral: original.ephemeral }
        : {}),
    },
    resource: { type, ...(carriesMessage && resourceMessage ? { message: resourceMessage.api } : {}) },
  });
}

/** A reply, deferred reply or follow-up: sent by the bot through the interaction webhook, in the interaction's channel. */
function createInteractionMessage(
  deps: RestRouteDeps,
  tracked: TrackedInteraction,
  body: Record<string, unknown>,
  files: RecordedFile[],
  origin: MessageOrigin,
): StoredMessage {
  const { world } = deps;
  const { channelId, guildId } = tracked.context;
  const edit = messageEdit(world, body, files, channelId, []);
  const data = tracked.payload["data"] as Record<string, unknown> | undefined;
  const isCommand = tracked.type === InteractionType.ApplicationCommand;
  const commandType = data?.["type"] as ApplicationCommandType | undefined;
  const user = world.user(tracked.context.userId) ?? world.bot;
  const metadata = {
    id: tracked.id,
    type: tracked.type,
    user,
    authorizing_integration_owners: tracked.payload["authorizing_integration_owners"],
    ...(origin === "follow-up" && tracked.originalMessageId ? { original_response_message_id: tracked.originalMessageId } : {}),
    ...(tracked.type === InteractionType.MessageComponent && tracked.context.componentMessageId
      ? { interacted_message_id: tracked.context.componentMessageId }
      : {}),
  } as APIMessageInteractionMetadata;
  const api: APIMessage = messagePayload({
    id: world.ids.next(),
    channelId,
    guildId,
    author: world.bot,
    content: edit.content ?? "",
    embeds: edit.embeds ?? [],
    components: edit.components ?? [],
    attachments: edit.attachments ?? [],
    flags: (edit.flags ?? 0) & (CREATE_FLAGS | LOADING_FLAG),
    type: isCommand
      ? commandType === ApplicationCommandType.ChatInput
        ? MessageType.ChatInputCommand
        : MessageType.ContextMenuCommand
      : MessageType.Default,
    webhookId: world.applicationId,
    applicationId: world.applicationId,
    interactionMetadata: metadata,
    ...(isCommand ? { interaction: { id: tracked.id, type: tracked.type, name: String(data?.["name"] ?? ""), user } } : {}),
  });
  return world.messages.add(api, { origin, guildId, interactionId: tracked.id });
}

/** The message fields of a create/edit body, with uploaded files turned into attachments. */
function messageEdit(
  world: FakeWorld,
  body: Record<string, unknown>,
  files: RecordedFile[],
  channelId: string,
  existing: APIAttachment[],
): MessageEdit {
  const edit: MessageEdit = {};
  if ("content" in body) edit.content = body["content"] as string | null;
  if ("embeds" in body) edit.embeds = body["embeds"] as MessageEdit["embeds"];
  if ("components" in body) edit.components = body["components"] as MessageEdit["components"];
  if ("flags" in body) edit.flags = body["flags"] as number | null;
  if ("attachments" in body || files.length > 0) {
    const keepIds = new Set(
      (Array.isArray(body["attachments"]) ? (body["attachments"] as { id?: unknown }[]) : []).map((a) => String(a.id)),
    );
    const kept = "attachments" in body ? existing.filter((attachment) => keepIds.has(attachment.id)) : existing;
    // `attachments: [{ id: n, description }]` names the part `files[n]`; the description is its alt text.
    const described = new Map<string, string>(
      (Array.isArray(body["attachments"]) ? (body["attachments"] as { id?: unknown; description?: unknown }[]) : []).flatMap((a) =>
        typeof a.description === "string" ? [[`files[${String(a.id)}]`, a.description] as const] : [],
      ),
    );
    const uploaded = files.map((file) => ({
      ...attachmentPayload({ id: world.ids.next(), filename: file.name, size: file.size, contentType: file.contentType, channelId }),
      ...(described.has(file.field) ? { description: described.get(file.field) } : {}),
    }));
    edit.attachments = [...kept, ...uploaded];
  }
  return edit;
}
