import { describe, expect, it } from "vitest";
import { createBotMetrics, MetricsRegistry } from "../../src/ops/metrics.ts";

async function value(metric: { get(): Promise<{ values: { labels: object; value: number }[] }> }, labels: object): Promise<number> {
  const found = (await metric.get()).values.find((v) => JSON.stringify(v.labels) === JSON.stringify(labels));
  return found?.value ?? 0;
}

describe("the bot's metrics", () => {
  it("declares every bot metric with help and type, under the names dashboards already use", async () => {
    const text = await createBotMetrics().registry.metrics();
    for (const [name, type] of [
      ["study_bot_interactions_total", "counter"],
      ["study_bot_interaction_duration_seconds", "histogram"],
      ["study_bot_reminders_sent_total", "counter"],
      ["study_bot_reminders_failed_total", "counter"],
      ["study_bot_errors_total", "counter"],
    ]) {
      expect(text).toContain(`# HELP ${name} `);
      expect(text).toContain(`# TYPE ${name} ${type}\n`);
    }
  });

  it("feeds each adapter-reported interaction into the counter and, in seconds, the histogram", async () => {
    const metrics = createBotMetrics();
    const discord = metrics.observer("discord");
    const slack = metrics.observer("slack");
    discord("command:study", "ok", 40);
    discord("command:study", "ok", 3);
    discord("command:study", "error", 2500);
    slack("button", "ok", 12000);

    expect(await value(metrics.interactions, { platform: "discord", kind: "command:study", outcome: "ok" })).toBe(2);
    expect(await value(metrics.interactions, { platform: "discord", kind: "command:study", outcome: "error" })).toBe(1);
    expect(await value(metrics.interactions, { platform: "slack", kind: "button", outcome: "ok" })).toBe(1);

    const lines = (await metrics.registry.metrics()).split("\n");
    const bucket = (platform: string, kind: string, le: string, n: number) =>
      `study_bot_interaction_duration_seconds_bucket{le="${le}",platform="${platform}",kind="${kind}"} ${n}`;
    expect(lines).toContain(bucket("discord", "command:study", "0.005", 1));
    expect(lines).toContain(bucket("discord", "command:study", "0.05", 2));
    expect(lines).toContain(bucket("discord", "command:study", "2.5", 3));
    expect(lines).toContain('study_bot_interaction_duration_seconds_count{platform="discord",kind="command:study"} 3');
    expect(lines).toContain('study_bot_interaction_duration_seconds_sum{platform="discord",kind="command:study"} 2.543');
    expect(lines).toContain(bucket("slack", "button", "10", 0));
    expect(lines).toContain(bucket("slack", "button", "+Inf", 1));
  });

  it("counts reminders and errors by their labels", async () => {
    const metrics = createBotMetrics();
    metrics.remindersSent.inc({ platform: "slack" });
    metrics.remindersFailed.inc({ platform: "discord", reason: "forbidden" });
    metrics.errors.inc({ source: "scheduler" });
    const text = await metrics.registry.metrics();
    expect(text).toContain('study_bot_reminders_sent_total{platform="slack"} 1\n');
    expect(text).toContain('study_bot_reminders_failed_total{platform="discord",reason="forbidden"} 1\n');
    expect(text).toContain('study_bot_errors_total{source="scheduler"} 1\n');
  });

  it("adds the process, heap, GC and event-loop metrics when asked, as the service does", async () => {
    const withProcess = await createBotMetrics({ processMetrics: true }).registry.metrics();
    for (const name of [
      "process_cpu_seconds_total",
      "process_resident_memory_bytes",
      "nodejs_heap_size_used_bytes",
      "nodejs_eventloop_lag_seconds",
      "nodejs_gc_duration_seconds",
    ]) {
      expect(withProcess).toContain(`# TYPE ${name} `);
    }
    expect(await createBotMetrics().registry.metrics()).not.toContain("process_cpu_seconds_total");
  });

  it("can be created on a given registry, next to other metrics", async () => {
    const registry = new MetricsRegistry();
    registry.registerMetric(new (await import("prom-client")).Gauge({ name: "other", help: "Other.", registers: [] }));
    expect(createBotMetrics({ registry }).registry).toBe(registry);
    expect((await registry.metrics()).startsWith("# HELP other Other.\n")).toBe(true);
  });
});
