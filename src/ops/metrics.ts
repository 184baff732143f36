// The bot's Prometheus metrics, on prom-client (the registry every Node service uses), with its
// default process, garbage-collection and event-loop metrics beside the bot's own.
import { collectDefaultMetrics, Counter, Histogram, Registry } from "prom-client";

export { Registry as MetricsRegistry } from "prom-client";

/** Prometheus' default buckets, in seconds: from 5 ms to 10 s. */
export const INTERACTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type InteractionLabels = "platform" | "kind" | "outcome";

/** The bot's own metrics, created on a registry. */
export interface BotMetrics {
  registry: Registry;
  interactions: Counter<InteractionLabels>;
  interactionSeconds: Histogram<"platform" | "kind">;
  remindersSent: Counter<"platform">;
  remindersFailed: Counter<"platform" | "reason">;
  errors: Counter<"source">;
  /** Adapter hook: (kind, outcome, ms) as the Discord and Slack adapters report each interaction. */
  observer(platform: string): (kind: string, outcome: "ok" | "error", ms: number) => void;
}

export interface BotMetricsOptions {
  registry?: Registry;
  /** prom-client's process, heap, GC and event-loop metrics (on in the service; tests may leave them off). */
  processMetrics?: boolean;
}

export function createBotMetrics(options: BotMetricsOptions = {}): BotMetrics {
  const registry = options.registry ?? new Registry();
  const registers = [registry];
  if (options.processMetrics) collectDefaultMetrics({ register: registry });
  const interactions = new Counter({
    name: "study_bot_interactions_total",
    help: "Interactions handled, by platform, kind and outcome.",
    labelNames: ["platform", "kind", "outcome"] as const,
    registers,
  });
  const interactionSeconds = new Histogram({
    name: "study_bot_interaction_duration_seconds",
    help: "Time to handle an interaction, in seconds.",
    buckets: INTERACTION_BUCKETS,
    labelNames: ["platform", "kind"] as const,
    registers,
  });
  const remindersSent = new Counter({
    name: "study_bot_reminders_sent_total",
    help: "Reminders delivered.",
    labelNames: ["platform"] as const,
    registers,
  });
  const remindersFailed = new Counter({
    name: "study_bot_reminders_failed_total",
    help: "Reminders that could not be delivered.",
    labelNames: ["platform", "reason"] as const,
    registers,
  });
  const errors = new Counter({
    name: "study_bot_errors_total",
    help: "Unexpected errors, by where they were caught.",
    labelNames: ["source"] as const,
    registers,
  });
  return {
    registry,
    interactions,
    interactionSeconds,
    remindersSent,
    remindersFailed,
    errors,
    observer: (platform) => (kind, outcome, ms) => {
      interactions.inc({ platform, kind, outcome });
      interactionSeconds.observe({ platform, kind }, ms / 1000);
    },
  };
}
