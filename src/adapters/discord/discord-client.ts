// The discord.js client as the bot needs it: only the Guilds intent (no privileged intents), and
// caches limited to what interactions use, so memory stays flat as the number of servers grows.
import { Client, GatewayIntentBits, Options, type ClientOptions } from "discord.js";

export interface DiscordClientOptions {
  /** REST base (DISCORD_API_URL); the gateway address then comes from that server. */
  apiUrl?: string | undefined;
  /** Turn off only to measure what the limits save. */
  cacheLimits?: boolean;
  shards?: ClientOptions["shards"];
  shardCount?: number;
}

/**
 * Interactions carry everything the bot reads (user, member permissions, locale), so nothing
 * about members, messages, emojis or presences needs to be cached. Guilds and their channels
 * stay: discord.js needs them to route events.
 */
export const LIMITED_CACHES = Options.cacheWithLimits({
  ApplicationCommandManager: 0,
  ApplicationEmojiManager: 0,
  AutoModerationRuleManager: 0,
  BaseGuildEmojiManager: 0,
  DMMessageManager: 0,
  EntitlementManager: 0,
  GuildBanManager: 0,
  GuildEmojiManager: 0,
  GuildForumThreadManager: 0,
  GuildInviteManager: 0,
  GuildMemberManager: { maxSize: 0, keepOverLimit: (member) => member.id === member.client.user.id },
  GuildMessageManager: 0,
  GuildScheduledEventManager: 0,
  GuildStickerManager: 0,
  GuildTextThreadManager: 0,
  MessageManager: 0,
  PresenceManager: 0,
  ReactionManager: 0,
  ReactionUserManager: 0,
  StageInstanceManager: 0,
  ThreadManager: 0,
  ThreadMemberManager: 0,
  UserManager: { maxSize: 0, keepOverLimit: (user) => user.id === user.client.user.id },
  VoiceStateManager: 0,
});

export function createDiscordClient(options: DiscordClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
    ...(options.cacheLimits === false ? {} : { makeCache: LIMITED_CACHES }),
    ...(options.shards !== undefined ? { shards: options.shards } : {}),
    ...(options.shardCount !== undefined ? { shardCount: options.shardCount } : {}),
  });
}
