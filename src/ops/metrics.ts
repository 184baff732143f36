// A small Prometheus metrics registry (text exposition format 0.0.4), written here rather than
// pulled in as a dependency: the bot needs counters, gauges and histograms, nothing more.
// Misuse (a bad name, a missing or unknown label, a counter going down) is a programming error and
// throws at once, so it shows up in tests rather than as a silently wrong dashboard.

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
// Label names may not contain colons, and names starting with "__" are reserved for Prometheus.
const LABEL_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export type Labels = Record<string, string>;

type MetricType = "counter" | "gauge" | "histogram";

/** One label set's values, in the metric's label-name order. */
interface Series<T> {
  values: string[];
  state: T;
}

abstract class Metric<T> {
  readonly name: string;
  readonly help: string;
  readonly labelNames: readonly string[];
  abstract readonly type: MetricType;
  // A Map keeps insertion order, which makes rendering deterministic.
  private readonly series = new Map<string, Series<T>>();

  constructor(name: string, help: string, labelNames: readonly string[] = [], reserved: readonly string[] = []) {
    if (!METRIC_NAME.test(name)) throw new Error(`invalid metric name ${JSON.stringify(name)}`);
    const seen = new Set<string>();
    for (const label of labelNames) {
      if (!LABEL_NAME.test(label) || label.startsWith("__")) throw new Error(`invalid label name ${JSON.stringify(label)} on ${name}`);
      if (reserved.includes(label)) throw new Error(`label name ${JSON.stringify(label)} is reserved on ${name}`);
      if (seen.has(label)) throw new Error(`duplicate label name ${JSON.stringify(label)} on ${name}`);
      seen.add(label);
    }
    this.name = name;
    this.help = help;
    this.labelNames = [...labelNames];
  }

  protected abstract initial(): T;

  /** The state for `labels`, created on first use; throws on unknown or missing labels. */
  protected stateFor(labels: Labels | undefined): T {
    const values = this.labelValues(labels);
    const key = JSON.stringify(values);
    let series = this.series.get(key);
    if (!series) {
      series = { values, state: this.initial() };
      this.series.set(key, series);
    }
    return series.state;
  }

  /** The state for `labels` if that label set has been seen. */
  protected peek(labels: Labels | undefined): T | undefined {
    return this.series.get(JSON.stringify(this.labelValues(labels)))?.state;
  }

  private labelValues(labels: Labels | undefined): string[] {
    const given = labels ?? {};
    for (const key of Object.keys(given)) {
      if (!this.labelNames.includes(key)) throw new Error(`unknown label ${JSON.stringify(key)} on ${this.name}`);
    }
    return this.labelNames.map((label) => {
      const value = given[label];
      if (typeof value !== "string") throw new Error(`missing label ${JSON.stringify(label)} on ${this.name}`);
      return value;
    });
  }

  protected abstract sampleLines(pairs: [string, string][], state: T): string[];

  render(): string {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`];
    // A metric without labels has exactly one series: show it from the start, at zero.
    if (this.labelNames.length === 0) this.stateFor(undefined);
    for (const { values, state } of this.series.values()) {
      const pairs = this.labelNames.map((label, i): [string, string] => [label, values[i] ?? ""]);
      lines.push(...this.sampleLines(pairs, state));
    }
    return `${lines.join("\n")}\n`;
  }
}

export class Counter extends Metric<{ value: number }> {
  readonly type = "counter";

  protected initial(): { value: number } {
    return { value: 0 };
  }

  inc(labels?: Labels, by = 1): void {
    if (!Number.isFinite(by) || by < 0) throw new Error(`counter ${this.name} can only go up by a finite amount, got ${by}`);
    this.stateFor(labels).value += by;
  }

  value(labels?: Labels): number {
    return this.peek(labels)?.value ?? 0;
  }

  protected sampleLines(pairs: [string, string][], state: { value: number }): string[] {
    return [`${this.name}${formatLabels(pairs)} ${formatNumber(state.value)}`];
  }
}

export class Gauge extends Metric<{ value: number }> {
  readonly type = "gauge";

  protected initial(): { value: number } {
    return { value: 0 };
  }

  set(value: number, labels?: Labels): void {
    this.stateFor(labels).value = value;
  }

  inc(labels?: Labels, by = 1): void {
    this.stateFor(labels).value += by;
  }

  dec(labels?: Labels, by = 1): void {
    this.stateFor(labels).value -= by;
  }

  value(labels?: Labels): number {
    return this.peek(labels)?.value ?? 0;
  }

  protected sampleLines(pairs: [string, string][], state: { value: number }): string[] {
    return [`${this.name}${formatLabels(pairs)} ${formatNumber(state.value)}`];
  }
}

interface HistogramState {
  /** Observations per bucket, not cumulative; the +Inf bucket is `count`. */
  perBucket: number[];
  sum: number;
  count: number;
}

export class Histogram extends Metric<HistogramState> {
  readonly type = "histogram";
  /** Upper bounds, ascending, without +Inf (always added when rendering). */
  readonly buckets: readonly number[];

  constructor(name: string, help: string, buckets: readonly number[], labelNames: readonly string[] = []) {
    super(name, help, labelNames, ["le"]);
    const finite = buckets.filter((b) => b !== Infinity);
    for (const b of finite) if (!Number.isFinite(b)) throw new Error(`invalid bucket ${b} on ${name}`);
    const sorted = [...finite].sort((a, b) => a - b);
    for (let i = 1; i < sorted.length; i++) {
      if (sorted[i] === sorted[i - 1]) throw new Error(`duplicate bucket ${sorted[i]} on ${name}`);
    }
    this.buckets = sorted;
  }

  protected initial(): HistogramState {
    return { perBucket: this.buckets.map(() => 0), sum: 0, count: 0 };
  }

  observe(value: number, labels?: Labels): void {
    if (Number.isNaN(value)) throw new Error(`histogram ${this.name} cannot observe NaN`);
    const state = this.stateFor(labels);
    const index = this.buckets.findIndex((bound) => value <= bound);
    if (index >= 0) state.perBucket[index] = (state.perBucket[index] ?? 0) + 1;
    state.sum += value;
    state.count += 1;
  }

  protected sampleLines(pairs: [string, string][], state: HistogramState): string[] {
    const lines: string[] = [];
    let cumulative = 0;
    this.buckets.forEach((bound, i) => {
      cumulative += state.perBucket[i] ?? 0;
      lines.push(`${this.name}_bucket${formatLabels([...pairs, ["le", formatNumber(bound)]])} ${cumulative}`);
    });
    lines.push(`${this.name}_bucket${formatLabels([...pairs, ["le", "+Inf"]])} ${state.count}`);
    lines.push(`${this.name}_sum${formatLabels(pairs)} ${formatNumber(state.sum)}`);
    lines.push(`${this.name}_count${formatLabels(pairs)} ${state.count}`);
    return lines;
  }
}

export class MetricsRegistry {
  private readonly metrics = new Map<string, Counter | Gauge | Histogram>();

  counter(name: string, help: string, labelNames?: string[]): Counter {
    return this.add(new Counter(name, help, labelNames));
  }

  histogram(name: string, help: string, buckets: number[], labelNames?: string[]): Histogram {
    return this.add(new Histogram(name, help, buckets, labelNames));
  }

  gauge(name: string, help: string, labelNames?: string[]): Gauge {
    return this.add(new Gauge(name, help, labelNames));
  }

  /** Prometheus text format, every metric with # HELP and # TYPE, in registration order. */
  render(): string {
    return [...this.metrics.values()].map((metric) => metric.render()).join("");
  }

  private add<M extends Counter | Gauge | Histogram>(metric: M): M {
    if (this.metrics.has(metric.name)) throw new Error(`metric ${metric.name} is already registered`);
    this.metrics.set(metric.name, metric);
    return metric;
  }
}

/** Prometheus' default buckets, in seconds: from 5 ms to 10 s. */
export const INTERACTION_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** The bot's own metrics, created on a registry. */
export interface BotMetrics {
  registry: MetricsRegistry;
  interactions: Counter;
  interactionSeconds: Histogram;
  remindersSent: Counter;
  remindersFailed: Counter;
  errors: Counter;
  /** Adapter hook: (kind, outcome, ms) as the Discord and Slack adapters report each interaction. */
  observer(platform: string): (kind: string, outcome: "ok" | "error", ms: number) => void;
}

export function createBotMetrics(registry = new MetricsRegistry()): BotMetrics {
  const interactions = registry.counter("study_bot_interactions_total", "Interactions handled, by platform, kind and outcome.", [
    "platform",
    "kind",
    "outcome",
  ]);
  const interactionSeconds = registry.histogram(
    "study_bot_interaction_duration_seconds",
    "Time to handle an interaction, in seconds.",
    INTERACTION_BUCKETS,
    ["platform", "kind"],
  );
  const remindersSent = registry.counter("study_bot_reminders_sent_total", "Reminders delivered.", ["platform"]);
  const remindersFailed = registry.counter("study_bot_reminders_failed_total", "Reminders that could not be delivered.", [
    "platform",
    "reason",
  ]);
  const errors = registry.counter("study_bot_errors_total", "Unexpected errors, by where they were caught.", ["source"]);
  return {
    registry,
    interactions,
    interactionSeconds,
    remindersSent,
    remindersFailed,
    errors,
    observer: (platform) => (kind, outcome, ms) => {
      interactions.inc({ platform, kind, outcome });
      interactionSeconds.observe(ms / 1000, { platform, kind });
    },
  };
}

function formatLabels(pairs: [string, string][]): string {
  if (pairs.length === 0) return "";
  return `{${pairs.map(([name, value]) => `${name}="${escapeLabelValue(value)}"`).join(",")}}`;
}

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n");
}

function escapeHelp(help: string): string {
  return help.replace(/\\/g, "\\\\").replace(/\n/g, "\\n");
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (value === Infinity) return "+Inf";
  if (value === -Infinity) return "-Inf";
  return String(value);
}
