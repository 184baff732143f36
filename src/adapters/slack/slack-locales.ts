// The language of each Slack user, from users.info (include_locale), remembered for an hour so
// that interactions do not each cost a Web API call. Failures fall back to "unknown".
import type { WebClient } from "@slack/web-api";
import { toLocale, type Locale } from "../../core/i18n/locale.ts";
import type { Logger } from "../../ops/logger.ts";

const TTL_MS = 3600_000;

export class SlackLocales {
  private readonly known = new Map<string, { locale: Locale | undefined; at: number }>();

  constructor(private readonly logger: Logger) {}

  /** The language last seen for a user, without calling Slack. */
  cached(userId: string): Locale | undefined {
    return this.known.get(userId)?.locale;
  }

  async of(client: WebClient, userId: string, now = Date.now()): Promise<Locale | undefined> {
    const cached = this.known.get(userId);
    if (cached && now - cached.at < TTL_MS) return cached.locale;
    let locale: Locale | undefined;
    try {
      const info = await client.users.info({ user: userId, include_locale: true });
      locale = toLocale((info.user as { locale?: string } | undefined)?.locale);
    } catch (e) {
      this.logger.warn({ err: e, user: userId }, "could not read the user's locale");
    }
    if (this.known.size > 50_000) this.known.clear();
    this.known.set(userId, { locale, at: now });
    return locale;
  }
}
