// Connects the bot to Slack with Bolt: Socket Mode with an app-level token (no public URL needed),
// or HTTP mode on PORT at Bolt's /slack/events, verified with the signing secret. One slash command
// with subcommands, buttons that replace their own message, and an App Home tab: their listeners
// live in listeners/; this file only builds the app, registers them, starts and stops.
import { App, LogLevel } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Bot } from "../../core/bot.ts";
import type { SlackConfig } from "../../config/env.ts";
import type { Logger } from "../../ops/logger.ts";
import type { PictureDrawer } from "../../pictures/picture-drawer.ts";
import type { KnownName } from "../shared/attached-picture.ts";
import { InFlight } from "../shared/in-flight.ts";
import { slackUserOf } from "../shared/platform-ids.ts";
import type { Observe } from "../shared/interaction-outcome.ts";
import { boltLogger } from "./bolt-logger.ts";
import { registerListeners } from "./listeners/index.ts";
import { slackActor } from "./slack-actor.ts";
import { SlackLocales } from "./slack-locales.ts";
import { slackWork } from "./slack-work.ts";

export interface SlackOptions extends SlackConfig {
  bot: Bot;
  logger: Logger;
  host?: string;
  now?: () => Date;
  observe?: Observe;
  pictures?: PictureDrawer;
}

export interface SlackAdapter {
  app: App;
  client: WebClient;
  /** The HTTP port in HTTP mode. */
  port: number | undefined;
  isReady(): boolean;
  /** Resolves once every interaction handed to the adapter so far has been handled. */
  idle(): Promise<void>;
  stop(): Promise<void>;
  /** Names the adapter already holds (from users.info answers), for pictures drawn outside a reply (the weekly recap). */
  nameOf: KnownName;
}

/** Web API retries: waits out 429s (Retry-After) and transient failures, but not for half an hour. */
const RETRY_CONFIG = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true };

export async function startSlack(o: SlackOptions): Promise<SlackAdapter> {
  const { bot, logger } = o;
  const app = new App({
    token: o.botToken,
    ...(o.mode === "socket" ? { socketMode: true, appToken: o.appToken } : { signingSecret: o.signingSecret }),
    logger: boltLogger(logger),
    logLevel: LogLevel.INFO,
    clientOptions: { ...(o.apiUrl ? { slackApiUrl: o.apiUrl.endsWith("/") ? o.apiUrl : `${o.apiUrl}/` } : {}), retryConfig: RETRY_CONFIG },
    deferInitialization: true,
  });
  // auth.test happens here: a bad token is a clear error at start-up.
  await app.init();

  const locales = new SlackLocales(logger);
  const inFlight = new InFlight();
  let ready = false;
  const nameOf: KnownName = (userId) => {
    const slackUser = slackUserOf(userId);
    return slackUser ? locales.knownName(slackUser) : undefined;
  };
  registerListeners(app, {
    bot,
    logger,
    now: o.now ?? (() => new Date()),
    command: o.command,
    botToken: o.botToken,
    accepting: () => inFlight.accepting,
    actor: (client, who) => slackActor(locales, client, who),
    work: slackWork({ bot, logger, locales, inFlight, observe: o.observe }),
    pictures: o.pictures,
    nameOf,
  });

  const started = await app.start(...((o.mode === "http" ? [{ port: o.port, host: o.host }] : []) as []));
  ready = true;
  const port = o.mode === "http" ? ((started as unknown as Server).address() as AddressInfo | null)?.port : undefined;
  logger.info({ mode: o.mode, port, command: o.command }, "connected to Slack");
  return {
    app,
    client: app.client,
    port,
    isReady: () => ready,
    idle: () => inFlight.idle(),
    nameOf,
    stop: async () => {
      inFlight.close();
      ready = false;
      await app.stop();
      await inFlight.idle();
    },
  };
}
