// Connects the bot to Slack with Bolt: Socket Mode with an app-level token (no public URL needed),
// or HTTP mode on PORT at Bolt's /slack/events, verified with the signing secret. One slash command
// with subcommands, buttons that replace their own message, and an App Home tab.
import { App, LogLevel, type AllMiddlewareArgs, type BlockAction, type ButtonAction, type SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import type { Bot } from "../../core/bot.ts";
import { COMMAND_LINE_MAX, parseCommandLine } from "../../core/commands/parse-command-line.ts";
import type { Actor } from "../../core/identity.ts";
import type { Reply } from "../../core/views/view.ts";
import type { SlackConfig } from "../../config/env.ts";
import type { Logger } from "../../ops/logger.ts";
import { RecentIds } from "../recent-ids.ts";
import { boltLogger } from "./bolt-logger.ts";
import { renderBlocks, renderSlack, SLACK_LIMITS } from "./render-slack.ts";
import { answerModal, modalValues, renderSlackModal } from "./render-slack-modal.ts";
import { slackTeamId, slackUserId } from "./slack-identity.ts";
import {
  DECK_FILE_ACTION,
  DECK_FILE_BLOCK,
  DECK_IMPORT_CALLBACK,
  DECK_NAME_ACTION,
  DECK_NAME_BLOCK,
  deckImportModal,
  downloadSlackFile,
  sendFilesToDm,
} from "./slack-files.ts";
import { messages } from "../../core/i18n/messages.ts";
import { z } from "zod";

const metadataSchema = z.object({
  team: z.string().max(40),
  enterprise: z.string().max(40).nullable().optional(),
  channel: z.string().max(40).optional(),
});
import { SlackLocales } from "./slack-locales.ts";

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text || "{}");
  } catch {
    return undefined;
  }
}

export interface SlackOptions extends SlackConfig {
  bot: Bot;
  logger: Logger;
  host?: string;
  now?: () => Date;
  observe?: (kind: string, outcome: "ok" | "error", ms: number) => void;
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
}

/** Web API retries: waits out 429s (Retry-After) and transient failures, but not for half an hour. */
const RETRY_CONFIG = { retries: 5, factor: 2, minTimeout: 500, maxTimeout: 30_000, randomize: true };

export async function startSlack(o: SlackOptions): Promise<SlackAdapter> {
  const { bot, logger } = o;
  const now = o.now ?? (() => new Date());
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
  const recent = new RecentIds();
  const inFlight = new Set<Promise<unknown>>();
  let accepting = true;
  let ready = false;

  const idle = async () => {
    while (inFlight.size > 0) await Promise.allSettled([...inFlight]);
  };

  /** Runs a listener's work once per delivery, counted for shutdown and metrics; errors are logged once and apologised for. */
  async function work(
    kind: string,
    context: { user: string } & Record<string, unknown>,
    body: () => Promise<void>,
    apologise: (reply: Reply) => Promise<unknown>,
  ) {
    const started = performance.now();
    const task = (async () => {
      try {
        await body();
        o.observe?.(kind, "ok", performance.now() - started);
      } catch (error) {
        o.observe?.(kind, "error", performance.now() - started);
        logger.error({ err: error, slack: { kind, ...context } }, "slack interaction failed");
        const locale = locales.cached(context.user) ?? "en";
        await apologise(bot.apology(locale)).catch((second: unknown) => logger.warn({ err: second }, "could not send the apology"));
      }
    })();
    inFlight.add(task);
    await task.finally(() => inFlight.delete(task));
  }

  // Slack re-delivers what it thinks failed (HTTP retries, a repeated Socket Mode envelope): each
  // interaction is handled once per process; ratings are idempotent across processes anyway.
  app.use(async (args) => {
    const body = args.body as {
      event_id?: string;
      trigger_id?: string;
      type?: string;
      actions?: { action_ts?: string }[];
      user?: { id?: string };
    };
    const key =
      body.event_id ?? body.trigger_id ?? (body.actions?.[0]?.action_ts ? `${body.user?.id}:${body.actions[0].action_ts}` : undefined);
    if (!accepting || (key !== undefined && !recent.firstTime(key))) {
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      return;
    }
    await args.next();
  });

  async function actorFor(
    client: WebClient,
    user: { id: string; homeTeamId: string },
    workspace: string,
    enterpriseId: string | null | undefined,
    channelId?: string,
  ): Promise<Actor> {
    const info = await locales.of(client, user.id);
    return {
      userId: slackUserId({ enterpriseId, homeTeamId: user.homeTeamId, userId: user.id }),
      teamId: slackTeamId(workspace),
      clientLocale: info.locale,
      isAdmin: info.isAdmin,
      channelId,
    };
  }

  app.command(o.command, async ({ command, ack, respond, client }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    await work(
      "command",
      { command: command.command, team: command.team_id, user: command.user_id },
      async () => {
        const actor = await actorFor(
          client,
          { id: command.user_id, homeTeamId: command.team_id },
          command.team_id,
          command.enterprise_id,
          command.channel_id,
        );
        const text = command.text.trim();
        if (/^deck\s+import\b/i.test(text)) {
          // Files come through a modal: Slack's slash commands cannot carry attachments.
          // The person's chosen language, else their Slack client's, as every reply.
          const t = messages(await bot.locale(actor));
          await client.views.open({
            trigger_id: command.trigger_id,
            view: deckImportModal(
              {
                title: t.importModalTitle,
                file: t.importModalFile,
                name: t.importModalName,
                submit: t.importModalSubmit,
                cancel: t.cancel,
              },
              JSON.stringify({ team: command.team_id, enterprise: command.enterprise_id ?? null, channel: command.channel_id }),
            ),
          });
          return;
        }
        // Plain "/study" studies; anything past the parser's limit is refused by it with a message.
        const line = text === "" ? "study" : text.slice(0, COMMAND_LINE_MAX + 1);
        const reply = await bot.commandLine(actor, parseCommandLine(line), now(), { helpOnUnknown: true });
        await respond({ response_type: "ephemeral", replace_original: false, ...renderSlack(reply.view) });
        if (reply.files?.length) await sendFilesToDm(client, command.user_id, reply.files, reply.view.body[0] ?? "");
      },
      (apology) => respond({ response_type: "ephemeral", replace_original: false, ...renderSlack(apology.view) }),
    );
  });

  app.action({ type: "block_actions" }, async ({ body, ack, respond, client }) => {
    await ack();
    const payload = body as BlockAction<ButtonAction>;
    const action = payload.actions[0];
    await work(
      "button",
      { team: payload.team?.id, user: payload.user.id, action: action?.action_id?.slice(0, 100) },
      async () => {
        const workspace = payload.team?.id ?? payload.user.team_id ?? "";
        const actor = await actorFor(
          client,
          { id: payload.user.id, homeTeamId: payload.user.team_id ?? workspace },
          workspace,
          payload.enterprise?.id,
        );
        const value = typeof action?.value === "string" ? action.value : (action?.action_id ?? "");
        const reply = await bot.click(actor, value.slice(0, SLACK_LIMITS.buttonValue), now());
        if (reply.form) {
          const channel: unknown = payload.container?.channel_id;
          const metadata = {
            team: workspace,
            enterprise: payload.enterprise?.id ?? null,
            channel: typeof channel === "string" ? channel : undefined,
          };
          await client.views.open({ trigger_id: payload.trigger_id, view: renderSlackModal(reply.form, JSON.stringify(metadata)) });
          return;
        }
        const message = renderSlack(reply.view);
        if (payload.container?.type === "view" || !payload.response_url) {
          // From the App Home tab there is no message to replace: the session opens in the user's DM.
          const dm = await client.conversations.open({ users: payload.user.id });
          await client.chat.postMessage({ channel: dm.channel?.id ?? payload.user.id, ...message });
          return;
        }
        // A button on a message the whole channel sees (a reminder, the question of the day) answers
        // the clicker alone instead of turning that message into their session.
        const channelId = (payload.container?.channel_id as string | undefined) ?? payload.channel?.id ?? "";
        const shared = payload.container?.is_ephemeral === false && !channelId.startsWith("D");
        if (reply.mode === "update" && !shared) await respond({ replace_original: true, ...message });
        else await respond({ response_type: "ephemeral", replace_original: false, ...message });
      },
      (apology) => respond({ response_type: "ephemeral", replace_original: false, ...renderSlack(apology.view) }),
    );
  });

  app.view(DECK_IMPORT_CALLBACK, async ({ ack, body, view, client }) => {
    await ack();
    await work(
      "deck-import",
      { team: body.team?.id, user: body.user.id },
      async () => {
        const meta = metadataSchema.parse(JSON.parse(view.private_metadata || "{}"));
        const actor = await actorFor(
          client,
          { id: body.user.id, homeTeamId: body.user.team_id ?? meta.team },
          meta.team,
          meta.enterprise,
          meta.channel,
        );
        const state = view.state.values as Record<
          string,
          Record<string, { files?: { name?: string; size?: number; url_private_download?: string }[]; value?: string | null }>
        >;
        const file = state[DECK_FILE_BLOCK]?.[DECK_FILE_ACTION]?.files?.[0];
        const deckName = state[DECK_NAME_BLOCK]?.[DECK_NAME_ACTION]?.value ?? undefined;
        const reply = file
          ? await bot.command(actor, { name: "deck", action: "import", file: await downloadSlackFile(file, o.botToken), deckName }, now())
          : await bot.commandLine(actor, parseCommandLine("deck import"), now());
        const dm = await client.conversations.open({ users: body.user.id });
        await client.chat.postMessage({ channel: dm.channel?.id ?? body.user.id, ...renderSlack(reply.view) });
      },
      async (apology) => {
        const dm = await client.conversations.open({ users: body.user.id });
        await client.chat.postMessage({ channel: dm.channel?.id ?? body.user.id, ...renderSlack(apology.view) });
      },
    );
  });

  // A submitted core form (a problem report): the core's answer replaces the form in the modal.
  app.view({ callback_id: /^rs:/, type: "view_submission" }, async ({ ack, body, view, client }) => {
    let acked = false;
    const answer = async (reply: Reply) => {
      acked = true;
      await ack({ response_action: "update", view: answerModal(view.title.text, view.close?.text ?? "OK", reply.view) });
    };
    await work(
      "form",
      { team: body.team?.id, user: body.user.id },
      async () => {
        const meta = metadataSchema.safeParse(safeJson(view.private_metadata));
        const workspace = meta.success ? meta.data.team : (body.team?.id ?? body.user.team_id ?? "");
        const actor = await actorFor(
          client,
          { id: body.user.id, homeTeamId: body.user.team_id ?? workspace },
          workspace,
          meta.success ? meta.data.enterprise : body.enterprise?.id,
          meta.success ? meta.data.channel : undefined,
        );
        await answer(await bot.submit(actor, view.callback_id, modalValues(view.state.values), now()));
      },
      async (apology) => {
        if (!acked) await answer(apology);
      },
    );
  });

  app.event("app_home_opened", async ({ event, body, client }) => {
    if (event.tab !== "home") return;
    const envelope = body as { team_id: string; enterprise_id?: string };
    await work(
      "home",
      { team: envelope.team_id, user: event.user },
      async () => {
        const actor = await actorFor(client, { id: event.user, homeTeamId: envelope.team_id }, envelope.team_id, envelope.enterprise_id);
        const view = await bot.home(actor, now());
        await client.views.publish({ user_id: event.user, view: { type: "home", blocks: renderBlocks(view, SLACK_LIMITS.blocksPerView) } });
      },
      async () => undefined,
    );
  });

  app.error(async (error) => {
    logger.error({ err: error }, "slack error");
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
    idle,
    stop: async () => {
      accepting = false;
      ready = false;
      await app.stop();
      await idle();
    },
  };
}
