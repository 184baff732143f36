// What every adapter does around one interaction: time it for the metrics, and meet an unexpected
// failure the same way everywhere: logged once with context, then a short apology to the person,
// never a stack trace and never silence.
import type { Bot } from "../../core/bot.ts";
import type { Locale } from "../../core/i18n/locale.ts";
import type { Reply } from "../../core/views/view.ts";
import type { Logger } from "../../ops/logger.ts";

/** Reports one handled interaction, for metrics. */
export type Observe = (kind: string, outcome: "ok" | "error", ms: number) => void;

/** Runs an interaction's work, timed and reported as `kind`; a failure goes to `failed`, and nothing is thrown. */
export async function observed(
  kind: string,
  observe: Observe | undefined,
  work: () => Promise<void>,
  failed: (error: unknown) => Promise<void>,
): Promise<void> {
  const started = performance.now();
  try {
    await work();
    observe?.(kind, "ok", performance.now() - started);
  } catch (error) {
    observe?.(kind, "error", performance.now() - started);
    await failed(error);
  }
}

export interface Apology {
  bot: Pick<Bot, "apology">;
  logger: Logger;
  /** The person's language when it can be known without asking anyone (English otherwise). */
  locale: Locale | undefined;
  send(reply: Reply): Promise<unknown>;
  /** What the warning names when the apology cannot be sent either. */
  context?: Record<string, unknown>;
}

/** Logs an unexpected failure once, with what the adapter knows of the interaction, and apologises. */
export async function logAndApologise(error: unknown, log: { context: Record<string, unknown>; message: string }, apology: Apology) {
  apology.logger.error({ err: error, ...log.context }, log.message);
  try {
    await apology.send(apology.bot.apology(apology.locale ?? "en"));
  } catch (second) {
    apology.logger.warn({ err: second, ...apology.context }, "could not send the apology");
  }
}
