// A guild whose content (channels, members, roles, emojis) is computed on demand from reserved id blocks, so the
// fake can hold thousands of guilds for memory measurements without holding their payloads.
import type { APIGuildCategoryChannel, APIGuildMember, APITextChannel, APIUser, GatewayGuildCreateDispatchData } from "discord.js";
import {
  categoryChannelPayload,
  emojiPayload,
  everyoneRolePayload,
  guildCreatePayload,
  guildMemberPayload,
  rolePayload,
  textChannelPayload,
  userPayload,
} from "./payloads.ts";
import { snowflakeIndex, snowflakeOffset, type SnowflakeGenerator } from "./snowflake.ts";

export interface GuildShape {
  name?: string;
  /** Text channels (plus one category holding them). Default 3. */
  channels?: number;
  /** Human members, each with a user object; the first one owns the guild. Default 5. */
  members?: number;
  /** Roles besides @everyone; member k gets role k % roles. Default 2. */
  roles?: number;
  /** Custom emojis. Default 0. */
  emojis?: number;
  /** `preferred_locale` and the `guild_locale` of its interactions. Default "en-US". */
  locale?: string;
}

export class FakeGuild {
  readonly id: string;
  readonly name: string;
  readonly locale: string;
  readonly joinedAt = new Date().toISOString();
  readonly counts: { channels: number; members: number; roles: number; emojis: number };
  readonly categoryId: string;
  readonly #channelBase: string;
  readonly #memberBase: string;
  readonly #roleBase: string;
  readonly #emojiBase: string;
  /** Members that joined after creation (for example users the test makes interact in this guild). */
  readonly #extraMembers = new Map<string, APIGuildMember>();

  constructor(ids: SnowflakeGenerator, guildIds: SnowflakeGenerator, shape: GuildShape, index: number) {
    this.id = guildIds.next();
    this.name = shape.name ?? `Study Guild ${index + 1}`;
    this.locale = shape.locale ?? "en-US";
    this.counts = {
      channels: shape.channels ?? 3,
      members: shape.members ?? 5,
      roles: shape.roles ?? 2,
      emojis: shape.emojis ?? 0,
    };
    this.categoryId = ids.next();
    this.#channelBase = ids.reserve(this.counts.channels);
    this.#memberBase = ids.reserve(this.counts.members);
    this.#roleBase = ids.reserve(this.counts.roles);
    this.#emojiBase = ids.reserve(this.counts.emojis);
  }

  /** Id of text channel k (0-based). */
  channelId(k: number): string {
    return snowflakeOffset(this.#channelBase, k);
  }

  get textChannelIds(): string[] {
    return Array.from({ length: this.counts.channels }, (_, k) => this.channelId(k));
  }

  /** The channel interactions happen in by default (the "general" channel). */
  get defaultChannelId(): string {
    return this.counts.channels > 0 ? this.channelId(0) : this.categoryId;
  }

  /** User id of generated member k (0-based); member 0 owns the guild. */
  memberUserId(k: number): string {
    return snowflakeOffset(this.#memberBase, k);
  }

  get ownerId(): string {
    return this.counts.members > 0 ? this.memberUserId(0) : this.id;
  }

  channel(id: string): APITextChannel | APIGuildCategoryChannel | undefined {
    if (id === this.categoryId) return categoryChannelPayload({ id, guildId: this.id, name: "Text Channels", position: 0 });
    const k = snowflakeIndex(this.#channelBase, this.counts.channels, id);
    if (k < 0) return undefined;
    return textChannelPayload({
      id,
      guildId: this.id,
      name: k === 0 ? "general" : `study-room-${k}`,
      position: k,
      parentId: this.categoryId,
      topic: k === 0 ? "Say hi and run /study" : null,
    });
  }

  /** The user object of a generated member, or undefined. */
  generatedUser(userId: string): APIUser | undefined {
    const k = snowflakeIndex(this.#memberBase, this.counts.members, userId);
    return k < 0 ? undefined : userPayload({ id: userId, username: `learner_${this.id.slice(-4)}_${k}` });
  }

  member(userId: string): APIGuildMember | undefined {
    const extra = this.#extraMembers.get(userId);
    if (extra) return structuredClone(extra);
    const k = snowflakeIndex(this.#memberBase, this.counts.members, userId);
    if (k < 0) return undefined;
    const user = this.generatedUser(userId);
    return user
      ? guildMemberPayload(user, {
          roles: this.counts.roles > 0 ? [snowflakeOffset(this.#roleBase, k % this.counts.roles)] : [],
          joinedAt: this.joinedAt,
        })
      : undefined;
  }

  addMember(user: APIUser, roles: string[] = []): APIGuildMember {
    const existing = this.member(user.id);
    if (existing) return existing;
    const member = guildMemberPayload(user, { roles });
    this.#extraMembers.set(user.id, member);
    return structuredClone(member);
  }

  get memberCount(): number {
    return this.counts.members + this.#extraMembers.size;
  }

  /**
   * The GUILD_CREATE payload. Like Discord, a guild with more than `largeThreshold` members is "large" and its
   * payload carries only the bot's own member; smaller guilds carry every member.
   */
  guildCreate(bot: APIUser, largeThreshold: number): GatewayGuildCreateDispatchData {
    const memberCount = this.memberCount + 1; // plus the bot
    const large = memberCount > largeThreshold;
    const botMember = guildMemberPayload(bot, { joinedAt: this.joinedAt });
    const members = large
      ? [botMember]
      : [
          ...Array.from({ length: this.counts.members }, (_, k) => this.member(this.memberUserId(k))).filter(
            (m): m is APIGuildMember => m !== undefined,
          ),
          ...this.#extraMembers.values(),
          botMember,
        ];
    const channels: (APITextChannel | APIGuildCategoryChannel)[] = [
      categoryChannelPayload({ id: this.categoryId, guildId: this.id, name: "Text Channels", position: 0 }),
      ...this.textChannelIds.map((id) => this.channel(id) as APITextChannel),
    ];
    return guildCreatePayload({
      id: this.id,
      name: this.name,
      ownerId: this.ownerId,
      joinedAt: this.joinedAt,
      channels,
      roles: [
        everyoneRolePayload(this.id),
        ...Array.from({ length: this.counts.roles }, (_, k) =>
          rolePayload({
            id: snowflakeOffset(this.#roleBase, k),
            name: k === 0 ? "Learners" : `Level ${k}`,
            position: k + 1,
            color: 0x5865f2,
          }),
        ),
      ],
      emojis: Array.from({ length: this.counts.emojis }, (_, k) =>
        emojiPayload({ id: snowflakeOffset(this.#emojiBase, k), name: `streak_${k}` }),
      ),
      members: structuredClone(members),
      memberCount,
      large,
      systemChannelId: this.counts.channels > 0 ? this.channelId(0) : null,
      locale: this.locale,
    });
  }
}
