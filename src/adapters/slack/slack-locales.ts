// What the bot needs to know about a Slack user from users.info (include_locale): their language,
// whether they administer the workspace, and the name they go by (drawn on leaderboard pictures). Remembered for an hour so that interactions do not
// each cost a Web API call; a failed lookup means "unknown".
import type { WebClient } from "@slack/web-api";
import { toLocale, type Locale } from "../../core/i18n/locale.ts";
import type { Logger } from "../../ops/logger.ts";

const TTL_MS = 3600_000;

export interface SlackUserInfo {
  locale: Locale | undefined;
  isAdmin: boolean;
  /** Display name, else real name; undefined when unknown. */
  name?: string | undefined;
}

export class SlackLocales {
  private readonly known = new Map<string, { info: SlackUserInfo; at: number }>();

  private readonly logger: Logger;

  constructor(logger: Logger) {
    this.logger = logger;
  }

  /** The language last seen for a user, without calling Slack. */
  cached(userId: string): Locale | undefined {
    return this.known.get(userId)?.info.locale;
  }

  /** The name last seen for a user, without calling Slack: undefined for anyone not seen lately. */
  knownName(userId: string): string | undefined {
    return this.known.get(userId)?.info.name;
  }

  async of(client: WebClient, userId: string, now = Date.now()): Promise<SlackUserInfo> {
    const cached = this.known.get(userId);
    if (cached && now - cached.at < TTL_MS) return cached.info;
    let info: SlackUserInfo = { locale: undefined, isAdmin: false };
    try {
      const result = await client.users.info({ user: userId, include_locale: true });
      const user = result.user;
      info = {
        locale: toLocale(user?.locale),
        isAdmin: user?.is_admin === true || user?.is_owner === true,
        name: user?.profile?.display_name || user?.profile?.real_name || user?.real_name || undefined,
      };
    } catch (e) {
      this.logger.warn({ err: e, user: userId }, "could not read the Slack user's profile");
    }
    if (this.known.size > 50_000) this.known.clear();
    this.known.set(userId, { info, at: now });
    return info;
  }
}
