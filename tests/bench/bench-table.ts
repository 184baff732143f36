// One table for every benchmark: each row is a measurement, beside its baseline when it has one.

export interface BenchRow {
  benchmark: string;
  p50Ms?: number | undefined;
  p99Ms?: number | undefined;
  opsPerSec?: number | undefined;
  callsPerOp?: string | undefined;
  /** Free-form measured value for rows that are not latencies (RSS, shares, totals). */
  value?: string | undefined;
  vsBaseline?: string | undefined;
  target?: string | undefined;
  met?: boolean | undefined;
}

export interface LatencySummary {
  p50: number;
  p99: number;
  opsPerSec: number;
  count: number;
}

export function summarize(samplesMs: number[], wallMs: number): LatencySummary {
  const sorted = [...samplesMs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p99: at(0.99), opsPerSec: (samplesMs.length / wallMs) * 1000, count: samplesMs.length };
}

export function formatTable(rows: BenchRow[]): string {
  const header = ["benchmark", "p50 ms", "p99 ms", "ops/s", "db calls/op", "value", "vs baseline", "target", "met"];
  const fmt = (n: number | undefined, digits = 2) => (n === undefined ? "" : n.toFixed(digits));
  const cells = rows.map((r) => [
    r.benchmark,
    fmt(r.p50Ms, 3),
    fmt(r.p99Ms, 3),
    fmt(r.opsPerSec, 0),
    r.callsPerOp ?? "",
    r.value ?? "",
    r.vsBaseline ?? "",
    r.target ?? "",
    r.met === undefined ? "" : r.met ? "yes" : "NO",
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? "").length)));
  const line = (c: string[]) => `| ${c.map((v, i) => v.padEnd(widths[i] ?? 0)).join(" | ")} |`;
  return [line(header), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...cells.map(line)].join("\n");
}
