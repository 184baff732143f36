// `fake.interact.*`: builds INTERACTION_CREATE payloads like Discord's (guild member or DM user, channel, locale,
// permissions, resolved data), dispatches them to the right shard and returns a handle to await the bot's answer.
import { randomBytes } from "node:crypto";
import { ApplicationCommandOptionType, ChannelType, ComponentType, GatewayDispatchEvents, InteractionType } from "discord.js";
import type {
  APIApplicationCommandInteractionDataOption,
  APIApplicationCommandOption,
  APIInteractionDataResolved,
  APIMessage,
  APIUser,
} from "discord.js";
import type { FakeWorld } from "./fake-world.ts";
import type { GatewayServer } from "./gateway-server.ts";
import { InteractionHandle, TrackedInteraction, type InteractionTracker } from "./interactions.ts";
import type { StoredMessage } from "./message-store.ts";
import {
  autocompleteInteractionPayload,
  commandInteractionPayload,
  commandOption,
  componentInteractionPayload,
  DEFAULT_APP_PERMISSIONS,
  DEFAULT_MEMBER_PERMISSIONS,
  interactionMemberPayload,
  modalSubmitInteractionPayload,
  type InteractionContextInit,
} from "./payloads.ts";
import type { RequestLog } from "./request-log.ts";

/** A user by id (from the fake's user table or a generated guild member) or a user object. */
export type UserRef = string | APIUser;

/** Option values by name (types come from the registered command, else from the JS type), or raw API options. */
export type CommandOptionsInput = Record<string, string | number | boolean> | APIApplicationCommandInteractionDataOption[];

/** Where and by whom: shared by every interaction kind. Omit `guildId` for a DM with the bot. */
export interface InteractionWhere {
  user: UserRef;
  guildId?: string;
  /** Defaults to the guild's first text channel, or the user's DM channel. */
  channelId?: string;
  /** The user's client language. Default: the `locale` given to addUser(), else "en-US". */
  locale?: string;
  /** The guild's language (`guild_locale`). Default: the guild's locale. */
  guildLocale?: string;
  /** The member's permissions in the channel (string bit set). */
  memberPermissions?: string;
  /** The bot's permissions in the channel (`app_permissions`). */
  appPermissions?: string;
}

export interface CommandInteractionInit extends InteractionWhere {
  name: string;
  options?: CommandOptionsInput;
  subcommand?: string;
  subcommandGroup?: string;
}

export interface AutocompleteInteractionInit extends InteractionWhere {
  name: string;
  /** What the user typed so far, by option name (all strings, as typed). */
  options: Record<string, string | number | boolean>;
  /** The option being typed in. */
  focused: string;
  subcommand?: string;
  subcommandGroup?: string;
}

export interface ComponentInteractionInit extends Omit<InteractionWhere, "guildId" | "channelId"> {
  customId: string;
  /** The message holding the component: an id from the store, a stored message, or a raw API message. */
  message: string | StoredMessage | APIMessage;
  /** Selected values, for select menus. */
  values?: string[];
}

export interface ModalSubmitInteractionInit extends InteractionWhere {
  customId: string;
  /** Text input values by custom_id. */
  fields: Record<string, string>;
  /** Selected values by custom_id, for string selects (in labels). */
  selects?: Record<string, string[]>;
  /**
   * The modal as the app opened it (the `data` of the component's type 9 response). With it the
   * submit is laid out as Discord lays it out (labels or action rows, in the modal's order), and
   * answers Discord's client would not let a user give are refused: a select value that is not
   * an option, too few or many values, a required input left empty, text over its max_length.
   */
  modal?: Record<string, unknown>;
  /** The message whose component opened the modal, if it was opened from a component. */
  message?: string | StoredMessage | APIMessage;
}

const SUBCOMMAND_TYPES = new Set([ApplicationCommandOptionType.Subcommand, ApplicationCommandOptionType.SubcommandGroup]);

export class InteractionFactory {
  constructor(
    private readonly world: FakeWorld,
    private readonly gateway: () => GatewayServer,
    private readonly tracker: InteractionTracker,
    private readonly log: RequestLog,
    private readonly responseTimeoutMs: number,
  ) {}

  /** A slash command (type 2, CHAT_INPUT). */
  command(init: CommandInteractionInit): InteractionHandle {
    const where = this.resolveWhere(init);
    const registered = this.world.findCommand(init.name, where.guildId);
    const options = this.buildOptions(init.options, registered?.options, init.subcommand, init.subcommandGroup);
    const resolved = this.resolveOptions(options, where.guildId);
    const ctx = this.context(where);
    const payload = commandInteractionPayload(ctx, {
      commandId: registered?.id ?? this.world.adHocCommandId(init.name),
      name: init.name,
      options,
      ...(resolved ? { resolved } : {}),
      ...(registered?.guild_id ? { guildId: registered.guild_id } : {}),
    });
    return this.send(ctx, InteractionType.ApplicationCommand, payload, where, `/${init.name}`, null);
  }

  /** An autocomplete request (type 4) while the user types in option `focused`. */
  autocomplete(init: AutocompleteInteractionInit): InteractionHandle {
    const where = this.resolveWhere(init);
    const registered = this.world.findCommand(init.name, where.guildId);
    const options = this.buildOptions(init.options, registered?.options, init.subcommand, init.subcommandGroup);
    markFocused(options, init.focused);
    const ctx = this.context(where);
    const payload = autocompleteInteractionPayload(ctx, {
      commandId: registered?.id ?? this.world.adHocCommandId(init.name),
      name: init.name,
      options,
      ...(registered?.guild_id ? { guildId: registered.guild_id } : {}),
    });
    return this.send(ctx, InteractionType.ApplicationCommandAutocomplete, payload, where, `/${init.name} autocomplete`, null);
  }

  /** A click on a button or a choice in a select menu (type 3) on a message; the component must exist and be enabled. */
  component(init: ComponentInteractionInit): InteractionHandle {
    const message = this.resolveMessage(init.message);
    const component = findComponent(message.components ?? [], init.customId);
    if (!component) {
      throw new Error(
        `message ${message.id} has no component with custom_id "${init.customId}" (it has: ${listCustomIds(message.components ?? []).join(", ") || "none"})`,
      );
    }
    if (component["disabled"] === true)
      throw new Error(`component "${init.customId}" on message ${message.id} is disabled: a user cannot use it`);
    const componentType = component["type"] as ComponentType;
    if (componentType === ComponentType.StringSelect) {
      const allowed = new Set(((component["options"] as { value: string }[] | undefined) ?? []).map((option) => option.value));
      const unknown = (init.values ?? []).filter((value) => !allowed.has(value));
      if (unknown.length) throw new Error(`select "${init.customId}" has no option(s) ${unknown.join(", ")}`);
    }
    const guildId = this.world.guildOfChannel(message.channel_id)?.id;
    const where = this.resolveWhere({ ...init, ...(guildId ? { guildId } : {}), channelId: message.channel_id });
    const ctx = this.context(where);
    const isSelect = componentType !== ComponentType.Button;
    const payload = componentInteractionPayload(ctx, {
      customId: init.customId,
      componentType,
      message,
      ...(isSelect ? { values: init.values ?? [] } : {}),
    });
    return this.send(ctx, InteractionType.MessageComponent, payload, where, `component ${init.customId}`, message.id);
  }

  /** A modal submit (type 5) with the given text input values. */
  modalSubmit(init: ModalSubmitInteractionInit): InteractionHandle {
    const message = init.message === undefined ? undefined : this.resolveMessage(init.message);
    const guildId = message ? this.world.guildOfChannel(message.channel_id)?.id : init.guildId;
    const where = this.resolveWhere({
      ...init,
      ...(guildId ? { guildId } : {}),
      ...(message ? { channelId: message.channel_id } : {}),
    });
    const ctx = this.context(where);
    const payload = modalSubmitInteractionPayload(ctx, {
      customId: init.customId,
      fields: init.fields,
      ...(init.selects ? { selects: init.selects } : {}),
      ...(init.modal ? { modal: init.modal } : {}),
      ...(message ? { message } : {}),
    });
    return this.send(ctx, InteractionType.ModalSubmit, payload, where, `modal ${init.customId}`, message?.id ?? null);
  }

  // --- building blocks ---------------------------------------------------------------------------------------

  private resolveWhere(init: InteractionWhere): ResolvedWhere {
    const user = typeof init.user === "string" ? this.world.user(init.user) : init.user;
    if (!user) throw new Error(`unknown user ${String(init.user)}: add it with fake.addUser() first`);
    if (init.guildId === undefined) {
      const dm = this.world.openDm(user.id);
      if (init.channelId !== undefined && init.channelId !== dm.id)
        throw new Error(`channel ${init.channelId} is not the DM channel of user ${user.id}`);
      return { user, guildId: null, channelId: dm.id, init };
    }
    const guild = this.world.guilds.get(init.guildId);
    if (!guild) throw new Error(`unknown guild ${init.guildId}: add it with fake.addGuild()/addGuilds() first`);
    const channelId = init.channelId ?? guild.defaultChannelId;
    if (!guild.channel(channelId)) throw new Error(`channel ${channelId} is not in guild ${guild.id}`);
    return { user, guildId: guild.id, channelId, init };
  }

  private context(where: ResolvedWhere): InteractionContextInit {
    const { user, init } = where;
    const id = this.world.ids.next();
    const memberPermissions = init.memberPermissions ?? DEFAULT_MEMBER_PERMISSIONS;
    const base = {
      id,
      applicationId: this.world.applicationId,
      // Real tokens are long opaque strings; the id prefix keeps logs readable.
      token: `aW50ZXJhY3Rpb24-${id}-${randomBytes(24).toString("base64url")}`,
      user,
      locale: init.locale ?? this.world.userLocale(user.id),
      // A channel that denies the bot a permission takes it out of app_permissions, as Discord computes them.
      appPermissions: init.appPermissions ?? this.world.appPermissionsIn(where.channelId, DEFAULT_APP_PERMISSIONS),
    };
    if (where.guildId === null) {
      const dm = this.world.openDm(user.id);
      return { ...base, channel: { ...dm } };
    }
    const guild = this.world.guilds.get(where.guildId);
    if (!guild) throw new Error(`unknown guild ${where.guildId}`);
    const member = guild.member(user.id) ?? guild.addMember(user);
    const channel = guild.channel(where.channelId);
    return {
      ...base,
      guild: {
        id: guild.id,
        locale: init.guildLocale ?? guild.locale,
        features: [],
        member: interactionMemberPayload(member, memberPermissions, user),
      },
      // Interactions carry a partial channel with the invoker's computed permissions in it.
      channel: { ...(channel ?? { id: where.channelId, type: ChannelType.GuildText }), permissions: memberPermissions },
    };
  }

  private send(
    ctx: InteractionContextInit,
    type: InteractionType,
    payload: unknown,
    where: ResolvedWhere,
    label: string,
    componentMessageId: string | null,
  ): InteractionHandle {
    const gateway = this.gateway();
    const shard = gateway.shardFor(where.guildId);
    if (shard === null) {
      const connected = gateway.readyShards.map(([id, count]) => `[${id}, ${count}]`).join(", ") || "none";
      throw new Error(
        `no gateway session would receive an interaction ${where.guildId ? `in guild ${where.guildId}` : "in a DM"} (connected shards: ${connected}); log the client in and wait for ready first`,
      );
    }
    const tracked = new TrackedInteraction(ctx.id, ctx.token, type, payload as Record<string, unknown>, Date.now(), {
      channelId: where.channelId,
      guildId: where.guildId,
      userId: where.user.id,
      label,
      componentMessageId,
      shard,
    });
    this.tracker.add(tracked);
    gateway.dispatch(GatewayDispatchEvents.InteractionCreate, payload, { guildId: where.guildId });
    return new InteractionHandle(tracked, this.world.messages, this.log, this.responseTimeoutMs);
  }

  private resolveMessage(ref: string | StoredMessage | APIMessage): APIMessage {
    if (typeof ref !== "string" && !("api" in ref)) return structuredClone(ref);
    const id = typeof ref === "string" ? ref : ref.id;
    const message = this.world.messages.apiPayload(id);
    if (!message) throw new Error(`message ${id} is not in the fake's store (or was deleted)`);
    return message;
  }

  /** Turns `{ deck: "jp", count: 5 }` into API options, typed from the registered command's definition. */
  private buildOptions(
    input: CommandOptionsInput | undefined,
    definitions: APIApplicationCommandOption[] | undefined,
    subcommand: string | undefined,
    group: string | undefined,
  ): APIApplicationCommandInteractionDataOption[] {
    if (Array.isArray(input)) return structuredClone(input);
    let defs = definitions;
    const groupDef = group ? defs?.find((def) => def.name === group) : undefined;
    if (groupDef && "options" in groupDef) defs = groupDef.options;
    const subDef = subcommand ? defs?.find((def) => def.name === subcommand) : undefined;
    if (subDef && "options" in subDef) defs = subDef.options;
    const leafDefs = defs?.filter((def) => !SUBCOMMAND_TYPES.has(def.type));
    const leaves = Object.entries(input ?? {}).map(([name, value]) => {
      const def = leafDefs?.find((candidate) => candidate.name === name);
      return commandOption(name, value, def?.type);
    });
    if (!subcommand) return leaves;
    const sub = {
      type: ApplicationCommandOptionType.Subcommand,
      name: subcommand,
      options: leaves,
    } as APIApplicationCommandInteractionDataOption;
    return group
      ? [{ type: ApplicationCommandOptionType.SubcommandGroup, name: group, options: [sub] } as APIApplicationCommandInteractionDataOption]
      : [sub];
  }

  /** `resolved` users, members and channels for USER / MENTIONABLE / CHANNEL options. */
  private resolveOptions(
    options: APIApplicationCommandInteractionDataOption[],
    guildId: string | null,
  ): APIInteractionDataResolved | undefined {
    const resolved: APIInteractionDataResolved = {};
    const visit = (list: APIApplicationCommandInteractionDataOption[]): void => {
      for (const option of list) {
        if ("options" in option && Array.isArray(option.options)) visit(option.options);
        if (!("value" in option)) continue;
        const value = String(option.value);
        if (option.type === ApplicationCommandOptionType.User || option.type === ApplicationCommandOptionType.Mentionable) {
          const user = this.world.user(value);
          if (!user) continue;
          (resolved.users ??= {})[value] = user;
          const member = guildId ? this.world.guilds.get(guildId)?.member(value) : undefined;
          if (member) {
            // Resolved members carry neither `user` (it is in `users`) nor `deaf`/`mute`.
            (resolved.members ??= {})[value] = {
              nick: member.nick ?? null,
              avatar: member.avatar ?? null,
              roles: member.roles,
              joined_at: member.joined_at ?? null,
              premium_since: member.premium_since ?? null,
              pending: member.pending ?? false,
              flags: member.flags,
              communication_disabled_until: member.communication_disabled_until ?? null,
              permissions: DEFAULT_MEMBER_PERMISSIONS,
            };
          }
        } else if (option.type === ApplicationCommandOptionType.Attachment) {
          const attachment = this.world.attachments.get(value);
          if (attachment) (resolved.attachments ??= {})[value] = attachment;
        } else if (option.type === ApplicationCommandOptionType.Channel) {
          const channel = this.world.channel(value);
          if (channel && "name" in channel) {
            (resolved.channels ??= {})[value] = {
              id: channel.id,
              type: channel.type,
              name: channel.name ?? "",
              permissions: DEFAULT_MEMBER_PERMISSIONS,
            };
          }
        }
      }
    };
    visit(options);
    return Object.keys(resolved).length ? resolved : undefined;
  }
}

interface ResolvedWhere {
  user: APIUser;
  guildId: string | null;
  channelId: string;
  init: InteractionWhere;
}

function markFocused(options: APIApplicationCommandInteractionDataOption[], focused: string): void {
  for (const option of options) {
    if ("options" in option && Array.isArray(option.options)) markFocused(option.options, focused);
    else if (option.name === focused) Object.assign(option, { focused: true });
  }
}

type ComponentJson = Record<string, unknown>;

/** Finds a component by custom_id anywhere in a message (rows, containers, sections' accessories). */
function findComponent(nodes: unknown, customId: string): ComponentJson | undefined {
  if (Array.isArray(nodes)) {
    for (const node of nodes) {
      const found = findComponent(node, customId);
      if (found) return found;
    }
    return undefined;
  }
  if (typeof nodes !== "object" || nodes === null) return undefined;
  const node = nodes as ComponentJson;
  if (node["custom_id"] === customId) return node;
  return (
    findComponent(node["components"], customId) ?? findComponent(node["accessory"], customId) ?? findComponent(node["component"], customId)
  );
}

function listCustomIds(nodes: unknown): string[] {
  if (Array.isArray(nodes)) return nodes.flatMap(listCustomIds);
  if (typeof nodes !== "object" || nodes === null) return [];
  const node = nodes as ComponentJson;
  return [
    ...(typeof node["custom_id"] === "string" ? [node["custom_id"]] : []),
    ...listCustomIds(node["components"]),
    ...listCustomIds(node["accessory"]),
    ...listCustomIds(node["component"]),
  ];
}
