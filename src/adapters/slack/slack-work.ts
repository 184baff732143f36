// The wrapper around each Slack listener's work (after its ack): counted in flight for shutdown,
// timed for the metrics, and an unexpected failure logged once and apologised for.
import type { Bot } from "../../core/bot.ts";
import type { Reply } from "../../core/views/view.ts";
import type { Logger } from "../../ops/logger.ts";
import type { InFlight } from "../shared/in-flight.ts";
import { logAndApologise, observed, type Observe } from "../shared/interaction-outcome.ts";
import type { SlackLocales } from "./slack-locales.ts";

export type SlackWork = (
  kind: string,
  context: { user: string } & Record<string, unknown>,
  body: () => Promise<void>,
  apologise: (reply: Reply) => Promise<unknown>,
) => Promise<void>;

export function slackWork(o: {
  bot: Bot;
  logger: Logger;
  locales: SlackLocales;
  inFlight: InFlight;
  observe?: Observe | undefined;
}): SlackWork {
  return (kind, context, body, apologise) =>
    o.inFlight.track(
      observed(kind, o.observe, body, (error) =>
        logAndApologise(
          error,
          { context: { slack: { kind, ...context } }, message: "slack interaction failed" },
          { bot: o.bot, logger: o.logger, locale: o.locales.cached(context.user), send: apologise },
        ),
      ),
    );
}
