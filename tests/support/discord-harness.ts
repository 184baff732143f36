// The real discord.js client, running the bot's Discord adapter on a real database, against the
// local fake Discord.
import type { Bot } from "../../src/core/bot.ts";
import type { Library } from "../../src/core/deck/item.ts";
import { registerCommands } from "../../src/adapters/discord/register-commands.ts";
import { startDiscord, type DiscordAdapter } from "../../src/adapters/discord/start-discord.ts";
import type { RouterOptions } from "../../src/adapters/discord/interaction-router.ts";
import { FakeDiscord } from "../fakes/discord/fake-discord.ts";
import type { StoredMessage } from "../fakes/discord/message-store.ts";
import { captureLogs, type CapturedLogs } from "./captured-logs.ts";
import type { DatabaseKind } from "./databases.ts";
import { startTestBot, type TestBot } from "./test-bot.ts";

export interface DiscordHarness {
  fake: FakeDiscord;
  t: TestBot;
  adapter: DiscordAdapter;
  logs: CapturedLogs;
  /** Stops the client and starts a new one (a restart of the bot process), same database. */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export const APPLICATION_ID = "1100000000000000001";
/** A token of a real one's shape (configuration refuses any other); the local fakes accept any token. */
export const FAKE_DISCORD_TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.GfAkE0.fake-discord-token-for-the-local-fakes";

export async function startDiscordHarness(
  kind: DatabaseKind,
  library: Library,
  options: { router?: Partial<RouterOptions>; wrapBot?: (bot: Bot) => Bot } = {},
): Promise<DiscordHarness> {
  const fake = await FakeDiscord.start({ applicationId: APPLICATION_ID, heartbeatIntervalMs: 5_000 });
  const t = await startTestBot(kind, library);
  const logs = captureLogs();
  await registerCommands({ token: "fake-token", applicationId: APPLICATION_ID, apiUrl: fake.restUrl });
  const start = () =>
    startDiscord({
      bot: options.wrapBot ? options.wrapBot(t.bot) : t.bot,
      logger: logs.logger,
      token: "fake-token",
      client: { apiUrl: fake.restUrl },
      router: { now: () => t.clock.now, ...options.router },
    });
  const harness: DiscordHarness = {
    fake,
    t,
    logs,
    adapter: await start(),
    async restart() {
      await harness.adapter.stop();
      harness.adapter = await start();
    },
    async stop() {
      await harness.adapter.stop();
      await fake.stop();
      await t.close();
    },
  };
  return harness;
}

/** The text a message shows: its content and its embeds' titles, descriptions and footers. */
export function textOf(message: StoredMessage | undefined): string {
  if (!message) return "";
  return [message.content, ...message.embeds.flatMap((e) => [e.title ?? "", e.description ?? "", e.footer?.text ?? ""])].join("\n");
}

export function buttonsOf(message: StoredMessage | undefined): { label: string; customId: string }[] {
  return (message?.components ?? []).flatMap((row) =>
    "components" in row
      ? (row.components as { label?: string; custom_id?: string }[]).map((b) => ({ label: b.label ?? "", customId: b.custom_id ?? "" }))
      : [],
  );
}

export function buttonId(message: StoredMessage | undefined, labelStart: string): string {
  const found = buttonsOf(message).find((b) => b.label.startsWith(labelStart));
  if (!found) throw new Error(`no button "${labelStart}" in ${JSON.stringify(buttonsOf(message).map((b) => b.label))}`);
  return found.customId;
}
