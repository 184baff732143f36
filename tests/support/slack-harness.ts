// The real Bolt App, running the bot's Slack adapter on a real database, against the local fake
// Slack, in Socket Mode or HTTP mode.
import type { ViewSubmitAction } from "@slack/bolt";
import type { Library } from "../../src/core/deck/item.ts";
import { startSlack, type SlackAdapter } from "../../src/adapters/slack/start-slack.ts";
import type { PictureDrawer } from "../../src/pictures/picture-drawer.ts";
import { FakeSlack, encodeInteraction, encodeSlashCommand, postToApp, type StoredMessage } from "../fakes/slack/fake-slack.ts";
import { blockActionsPayload, DEFAULT_CHANNEL, DEFAULT_USER, slashCommandPayload, type Actor } from "../fakes/slack/payloads.ts";
import { STANDARD_WORKSPACE, type Workspace } from "../fakes/slack/workspace.ts";
import { captureLogs, type CapturedLogs } from "./captured-logs.ts";
import type { DatabaseKind } from "./databases.ts";
import { startTestBot, type TestBot } from "./test-bot.ts";

export const SIGNING_SECRET = "test-signing-secret";

export interface SlackHarness {
  fake: FakeSlack;
  t: TestBot;
  adapter: SlackAdapter;
  logs: CapturedLogs;
  mode: "socket" | "http";
  eventsUrl: string;
  /** Sends `/study <text>` and returns the ephemeral message it produced. */
  command(
    text: string,
    o?: { user?: Actor; workspace?: Workspace; triggerId?: string },
  ): Promise<{ message: StoredMessage; ackMs: number }>;
  /** Clicks the button whose label starts with `label` on a message, and waits for the answer. */
  click(
    message: StoredMessage,
    label: string,
    o?: { user?: Actor; workspace?: Workspace; waitForResponse?: boolean },
  ): Promise<{ responseUrl: string; ackMs: number }>;
  /** Submits a modal and returns what the app acknowledged it with (a `response_action`, or nothing). */
  submitView(payload: ViewSubmitAction): Promise<unknown>;
  stop(): Promise<void>;
}

export function buttonsOf(message: StoredMessage | undefined): { text: string; actionId: string; value: string }[] {
  return (
    (message?.blocks ?? []) as {
      type: string;
      elements?: { type: string; text?: { text: string }; action_id?: string; value?: string }[];
    }[]
  )
    .filter((b) => b.type === "actions")
    .flatMap((b) => b.elements ?? [])
    .map((e) => ({ text: e.text?.text ?? "", actionId: e.action_id ?? "", value: e.value ?? "" }));
}

export function textOf(message: StoredMessage | undefined): string {
  if (!message) return "";
  const blocks = (message.blocks ?? []) as { type: string; text?: { text: string }; elements?: { text?: string }[] }[];
  return [
    message.text ?? "",
    ...blocks.flatMap((b) => [b.text?.text ?? "", ...(b.type === "context" ? (b.elements ?? []).map((e) => e.text ?? "") : [])]),
  ].join("\n");
}

export async function startSlackHarness(
  kind: DatabaseKind,
  library: Library,
  mode: "socket" | "http",
  options: { pictures?: PictureDrawer } = {},
): Promise<SlackHarness> {
  const fake = await FakeSlack.start();
  const t = await startTestBot(kind, library);
  const logs = captureLogs();
  const adapter = await startSlack({
    bot: t.bot,
    logger: logs.logger,
    botToken: "xoxb-test-token",
    mode,
    appToken: mode === "socket" ? "xapp-test-token" : undefined,
    signingSecret: mode === "http" ? SIGNING_SECRET : undefined,
    apiUrl: fake.apiUrl,
    command: "/study",
    port: 0,
    host: "127.0.0.1",
    now: () => t.clock.now,
    ...(options.pictures ? { pictures: options.pictures } : {}),
  });
  const eventsUrl = `http://127.0.0.1:${adapter.port ?? 0}/slack/events`;

  async function deliver(
    kind: "command" | "action",
    payload: Parameters<typeof encodeSlashCommand>[0] | ReturnType<typeof blockActionsPayload>,
  ): Promise<number> {
    const started = Date.now();
    if (mode === "socket") {
      if (kind === "command") await fake.socket.sendSlashCommand(payload as Parameters<typeof encodeSlashCommand>[0]);
      else await fake.socket.sendBlockActions(payload as ReturnType<typeof blockActionsPayload>);
    } else {
      const body =
        kind === "command" ? encodeSlashCommand(payload as Parameters<typeof encodeSlashCommand>[0]) : encodeInteraction(payload);
      const response = await postToApp(eventsUrl, { body, signingSecret: SIGNING_SECRET });
      if (response.status !== 200) throw new Error(`the app answered ${response.status}: ${response.body}`);
    }
    return Date.now() - started;
  }

  const harness: SlackHarness = {
    fake,
    t,
    adapter,
    logs,
    mode,
    eventsUrl,
    async command(text, o = {}) {
      const responseUrl = fake.responseUrl({ userId: (o.user ?? DEFAULT_USER).id });
      const payload = slashCommandPayload({
        responseUrl,
        text,
        ...(o.user ? { user: o.user } : {}),
        ...(o.workspace ? { workspace: o.workspace } : {}),
        ...(o.triggerId ? { triggerId: o.triggerId } : {}),
      });
      const ackMs = await deliver("command", payload);
      const message = await fake.waitFor(() => fake.responseMessage(responseUrl), 5000);
      return { message, ackMs };
    },
    async click(message, label, o = {}) {
      const button = buttonsOf(message).find((b) => b.text.startsWith(label));
      if (!button) throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf(message).map((b) => b.text))}`);
      const user = o.user ?? DEFAULT_USER;
      const responseUrl = fake.responseUrl({ channel: message.channel, userId: user.id, messageTs: message.ts });
      const before = fake.responses(responseUrl).length;
      const payload = blockActionsPayload({
        responseUrl,
        container: { channelId: message.channel, messageTs: message.ts, isEphemeral: message.ephemeral },
        actions: [{ actionId: button.actionId, value: button.value, text: button.text }],
        user,
        ...(o.workspace ? { workspace: o.workspace } : {}),
      });
      const ackMs = await deliver("action", payload);
      if (o.waitForResponse !== false) await fake.waitFor(() => fake.responses(responseUrl).length > before, 5000);
      return { responseUrl, ackMs };
    },
    async submitView(payload) {
      if (mode === "socket") return (await fake.socket.sendViewSubmission(payload)).payload;
      const response = await postToApp(eventsUrl, { body: encodeInteraction(payload), signingSecret: SIGNING_SECRET });
      if (response.status !== 200) throw new Error(`the app answered ${response.status}: ${response.body}`);
      return response.body === "" ? undefined : (JSON.parse(response.body) as unknown);
    },
    async stop() {
      await adapter.stop();
      await fake.stop();
      await t.close();
    },
  };
  return harness;
}

export { DEFAULT_CHANNEL, DEFAULT_USER, STANDARD_WORKSPACE };
