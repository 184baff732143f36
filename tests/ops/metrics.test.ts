import { describe, expect, it } from "vitest";
import { createBotMetrics, INTERACTION_BUCKETS, MetricsRegistry } from "../../src/ops/metrics.ts";

describe("the metrics registry", () => {
  it("renders counters, gauges and histograms in the Prometheus text format, in registration order", () => {
    const registry = new MetricsRegistry();
    const requests = registry.counter("app_requests_total", "Requests served.", ["route", "code"]);
    const queue = registry.gauge("app_queue_depth", "Jobs waiting.");
    const latency = registry.histogram("app_latency_seconds", "Request latency.", [0.5, 0.1, 1]);
    requests.inc({ route: "/a", code: "200" });
    requests.inc({ route: "/b", code: "500" }, 2);
    requests.inc({ code: "200", route: "/a" }, 0.5);
    queue.set(7);
    latency.observe(0.05);
    latency.observe(0.3);
    latency.observe(3);

    expect(registry.render()).toBe(
      [
        "# HELP app_requests_total Requests served.",
        "# TYPE app_requests_total counter",
        'app_requests_total{route="/a",code="200"} 1.5',
        'app_requests_total{route="/b",code="500"} 2',
        "# HELP app_queue_depth Jobs waiting.",
        "# TYPE app_queue_depth gauge",
        "app_queue_depth 7",
        "# HELP app_latency_seconds Request latency.",
        "# TYPE app_latency_seconds histogram",
        'app_latency_seconds_bucket{le="0.1"} 1',
        'app_latency_seconds_bucket{le="0.5"} 2',
        'app_latency_seconds_bucket{le="1"} 2',
        'app_latency_seconds_bucket{le="+Inf"} 3',
        "app_latency_seconds_sum 3.35",
        "app_latency_seconds_count 3",
        "",
      ].join("\n"),
    );
  });

  it("renders the same text twice", () => {
    const registry = new MetricsRegistry();
    registry.counter("a_total", "A.", ["x"]).inc({ x: "1" });
    expect(registry.render()).toBe(registry.render());
  });

  it("shows an unlabelled metric at zero before its first use, and a labelled one with no samples", () => {
    const registry = new MetricsRegistry();
    registry.counter("starts_total", "Starts.");
    registry.counter("jobs_total", "Jobs.", ["queue"]);
    registry.histogram("wait_seconds", "Waits.", [1]);
    expect(registry.render()).toBe(
      [
        "# HELP starts_total Starts.",
        "# TYPE starts_total counter",
        "starts_total 0",
        "# HELP jobs_total Jobs.",
        "# TYPE jobs_total counter",
        "# HELP wait_seconds Waits.",
        "# TYPE wait_seconds histogram",
        'wait_seconds_bucket{le="1"} 0',
        'wait_seconds_bucket{le="+Inf"} 0',
        "wait_seconds_sum 0",
        "wait_seconds_count 0",
        "",
      ].join("\n"),
    );
  });

  it("escapes backslashes, double quotes and newlines in label values, and backslashes and newlines in help", () => {
    const registry = new MetricsRegistry();
    registry.counter("odd_total", 'Help with a \\ and a\nnewline and "quotes".', ["v"]).inc({ v: 'a\\b "c"\nd' });
    expect(registry.render()).toBe(
      [
        '# HELP odd_total Help with a \\\\ and a\\nnewline and "quotes".',
        "# TYPE odd_total counter",
        'odd_total{v="a\\\\b \\"c\\"\\nd"} 1',
        "",
      ].join("\n"),
    );
  });

  it("keeps histogram buckets cumulative per label set, with +Inf equal to the count", () => {
    const registry = new MetricsRegistry();
    const h = registry.histogram("size_bytes", "Sizes.", [10, 100, 1000], ["kind"]);
    for (const v of [1, 10, 11, 100, 5000]) h.observe(v, { kind: "a" });
    h.observe(50, { kind: "b" });
    h.observe(Infinity, { kind: "b" });
    const lines = registry.render().split("\n");
    expect(lines.filter((l) => l.startsWith("size_bytes"))).toEqual([
      'size_bytes_bucket{kind="a",le="10"} 2',
      'size_bytes_bucket{kind="a",le="100"} 4',
      'size_bytes_bucket{kind="a",le="1000"} 4',
      'size_bytes_bucket{kind="a",le="+Inf"} 5',
      'size_bytes_sum{kind="a"} 5122',
      'size_bytes_count{kind="a"} 5',
      'size_bytes_bucket{kind="b",le="10"} 0',
      'size_bytes_bucket{kind="b",le="100"} 1',
      'size_bytes_bucket{kind="b",le="1000"} 1',
      'size_bytes_bucket{kind="b",le="+Inf"} 2',
      'size_bytes_sum{kind="b"} +Inf',
      'size_bytes_count{kind="b"} 2',
    ]);
  });

  it("sorts buckets and treats a given +Inf as the implicit one", () => {
    const h = new MetricsRegistry().histogram("h", "H.", [5, Infinity, 1]);
    expect(h.buckets).toEqual([1, 5]);
  });

  it("counts a counter's value per label set, zero for one never seen", () => {
    const c = new MetricsRegistry().counter("c_total", "C.", ["k"]);
    c.inc({ k: "x" });
    c.inc({ k: "x" }, 3);
    expect(c.value({ k: "x" })).toBe(4);
    expect(c.value({ k: "y" })).toBe(0);
  });

  it("lets a gauge go down as well as up", () => {
    const g = new MetricsRegistry().gauge("g", "G.", ["k"]);
    g.set(5, { k: "x" });
    g.dec({ k: "x" }, 2);
    g.inc({ k: "x" });
    expect(g.value({ k: "x" })).toBe(4);
    g.set(-1.5, { k: "x" });
    expect(g.value({ k: "x" })).toBe(-1.5);
  });

  it("rejects invalid metric and label names at creation", () => {
    const registry = new MetricsRegistry();
    expect(() => registry.counter("1starts_with_digit", "x")).toThrow(/invalid metric name/);
    expect(() => registry.counter("has-dash", "x")).toThrow(/invalid metric name/);
    expect(() => registry.counter("", "x")).toThrow(/invalid metric name/);
    expect(() => registry.gauge("ok", "x", ["bad label"])).toThrow(/invalid label name/);
    expect(() => registry.gauge("ok", "x", ["with:colon"])).toThrow(/invalid label name/);
    expect(() => registry.gauge("ok", "x", ["__reserved"])).toThrow(/invalid label name/);
    expect(() => registry.gauge("ok", "x", ["a", "a"])).toThrow(/duplicate label name/);
    expect(() => registry.histogram("ok", "x", [1], ["le"])).toThrow(/reserved/);
    expect(registry.counter("name:with_colons_total", "Colons are allowed in metric names.")).toBeDefined();
  });

  it("rejects a second metric with the same name", () => {
    const registry = new MetricsRegistry();
    registry.counter("twice_total", "x");
    expect(() => registry.gauge("twice_total", "x")).toThrow(/already registered/);
  });

  it("rejects duplicate or non-finite histogram buckets", () => {
    const registry = new MetricsRegistry();
    expect(() => registry.histogram("h1", "x", [1, 1])).toThrow(/duplicate bucket/);
    expect(() => registry.histogram("h2", "x", [NaN])).toThrow(/invalid bucket/);
    expect(() => registry.histogram("h3", "x", [-Infinity])).toThrow(/invalid bucket/);
  });

  it("refuses to make a counter go down or move by a non-finite amount", () => {
    const c = new MetricsRegistry().counter("up_total", "x");
    expect(() => c.inc(undefined, -1)).toThrow(/only go up/);
    expect(() => c.inc(undefined, NaN)).toThrow(/only go up/);
    expect(() => c.inc(undefined, Infinity)).toThrow(/only go up/);
    expect(c.value()).toBe(0);
  });

  it("throws on unknown or missing labels", () => {
    const registry = new MetricsRegistry();
    const c = registry.counter("l_total", "x", ["a", "b"]);
    expect(() => c.inc({ a: "1" })).toThrow(/missing label "b"/);
    expect(() => c.inc({ a: "1", b: "2", c: "3" })).toThrow(/unknown label "c"/);
    expect(() => c.inc()).toThrow(/missing label "a"/);
    const h = registry.histogram("l_seconds", "x", [1], ["a"]);
    expect(() => h.observe(1, { b: "1" })).toThrow(/unknown label "b"/);
    expect(() => registry.gauge("l", "x").set(1, { a: "1" })).toThrow(/unknown label "a"/);
  });

  it("refuses to observe NaN in a histogram", () => {
    const h = new MetricsRegistry().histogram("n_seconds", "x", [1]);
    expect(() => h.observe(NaN)).toThrow(/NaN/);
  });
});

describe("the bot's metrics", () => {
  it("declares every bot metric with help and type, even before anything happens", () => {
    const text = createBotMetrics().registry.render();
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

  it("buckets interaction durations from 5 ms to 10 s", () => {
    const { interactionSeconds } = createBotMetrics();
    expect(interactionSeconds.buckets[0]).toBe(0.005);
    expect(interactionSeconds.buckets.at(-1)).toBe(10);
    expect(interactionSeconds.buckets).toEqual(INTERACTION_BUCKETS);
  });

  it("feeds each adapter-reported interaction into the counter and, in seconds, the histogram", () => {
    const metrics = createBotMetrics();
    const discord = metrics.observer("discord");
    const slack = metrics.observer("slack");
    discord("command:study", "ok", 40);
    discord("command:study", "ok", 3);
    discord("command:study", "error", 2500);
    slack("button", "ok", 12000);

    expect(metrics.interactions.value({ platform: "discord", kind: "command:study", outcome: "ok" })).toBe(2);
    expect(metrics.interactions.value({ platform: "discord", kind: "command:study", outcome: "error" })).toBe(1);
    expect(metrics.interactions.value({ platform: "slack", kind: "button", outcome: "ok" })).toBe(1);

    const lines = metrics.registry.render().split("\n");
    expect(lines).toContain('study_bot_interaction_duration_seconds_bucket{platform="discord",kind="command:study",le="0.005"} 1');
    expect(lines).toContain('study_bot_interaction_duration_seconds_bucket{platform="discord",kind="command:study",le="0.05"} 2');
    expect(lines).toContain('study_bot_interaction_duration_seconds_bucket{platform="discord",kind="command:study",le="2.5"} 3');
    expect(lines).toContain('study_bot_interaction_duration_seconds_count{platform="discord",kind="command:study"} 3');
    expect(lines).toContain('study_bot_interaction_duration_seconds_sum{platform="discord",kind="command:study"} 2.543');
    expect(lines).toContain('study_bot_interaction_duration_seconds_bucket{platform="slack",kind="button",le="10"} 0');
    expect(lines).toContain('study_bot_interaction_duration_seconds_bucket{platform="slack",kind="button",le="+Inf"} 1');
  });

  it("counts reminders and errors by their labels", () => {
    const metrics = createBotMetrics();
    metrics.remindersSent.inc({ platform: "slack" });
    metrics.remindersFailed.inc({ platform: "discord", reason: "forbidden" });
    metrics.errors.inc({ source: "scheduler" });
    const text = metrics.registry.render();
    expect(text).toContain('study_bot_reminders_sent_total{platform="slack"} 1\n');
    expect(text).toContain('study_bot_reminders_failed_total{platform="discord",reason="forbidden"} 1\n');
    expect(text).toContain('study_bot_errors_total{source="scheduler"} 1\n');
  });

  it("can be created on a given registry, next to other metrics", () => {
    const registry = new MetricsRegistry();
    registry.gauge("other", "Other.");
    expect(createBotMetrics(registry).registry).toBe(registry);
    expect(registry.render().startsWith("# HELP other Other.\n")).toBe(true);
  });
});
