import { request } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import { Counter } from "prom-client";
import { MetricsRegistry } from "../../src/ops/metrics.ts";
import { startOpsServer, type HealthCheck, type OpsServer } from "../../src/ops/ops-server.ts";

const servers: OpsServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function start(checks: HealthCheck[], extra: { metrics?: MetricsRegistry; checkTimeoutMs?: number } = {}): Promise<string> {
  const server = await startOpsServer({ port: 0, host: "127.0.0.1", metrics: extra.metrics ?? new MetricsRegistry(), checks, ...extra });
  servers.push(server);
  return `http://127.0.0.1:${server.port}`;
}

const passing = (name: string): HealthCheck => ({ name, check: () => true });

describe("the ops server", () => {
  it("binds a free port when asked for port 0 and reports the real one", async () => {
    const server = await startOpsServer({ port: 0, host: "127.0.0.1", metrics: new MetricsRegistry(), checks: [] });
    servers.push(server);
    expect(server.port).toBeGreaterThan(0);
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
  });

  it("answers /healthz with 200 and every check's result when all pass", async () => {
    const base = await start([passing("database"), { name: "discord", check: async () => true }]);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
    expect(await res.text()).toBe('{"status":"ok","checks":{"database":true,"discord":true}}');
  });

  it("answers /healthz with 503 when a check returns false", async () => {
    const base = await start([passing("database"), { name: "discord", check: () => false }]);
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unhealthy", checks: { database: true, discord: false } });
  });

  it("counts a check that throws or rejects as failed, without revealing the error", async () => {
    const base = await start([
      {
        name: "database",
        check: () => {
          throw new Error("connect failed: postgres://bot:hunter2@db");
        },
      },
      { name: "slack", check: () => Promise.reject(new Error("xoxb-secret-token")) },
      passing("discord"),
    ]);
    const res = await fetch(`${base}/healthz`);
    const body = await res.text();
    expect(res.status).toBe(503);
    expect(JSON.parse(body)).toEqual({ status: "unhealthy", checks: { database: false, slack: false, discord: true } });
    expect(body).not.toContain("hunter2");
    expect(body).not.toContain("xoxb");
  });

  it("counts a check that takes longer than the timeout as failed, and answers in about that time", async () => {
    const base = await start([passing("database"), { name: "discord", check: () => new Promise<boolean>(() => undefined) }], {
      checkTimeoutMs: 50,
    });
    const started = performance.now();
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toEqual({ status: "unhealthy", checks: { database: true, discord: false } });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it("counts only a literal true as passing", async () => {
    const base = await start([{ name: "odd", check: () => "yes" as unknown as boolean }]);
    expect((await fetch(`${base}/healthz`)).status).toBe(503);
  });

  it("serves the registry on /metrics with the Prometheus 0.0.4 content type", async () => {
    const metrics = new MetricsRegistry();
    new Counter({ name: "things_total", help: "Things.", labelNames: ["k"], registers: [metrics] }).inc({ k: "a" });
    const base = await start([], { metrics });
    const res = await fetch(`${base}/metrics`);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(await res.text()).toBe('# HELP things_total Things.\n# TYPE things_total counter\nthings_total{k="a"} 1\n');
  });

  it("ignores a query string on known paths", async () => {
    const base = await start([]);
    expect((await fetch(`${base}/metrics?debug=1`)).status).toBe(200);
  });

  it("answers HEAD with the status and headers but no body", async () => {
    const base = await start([{ name: "database", check: () => false }]);
    const res = await fetch(`${base}/healthz`, { method: "HEAD" });
    expect(res.status).toBe(503);
    expect(await res.text()).toBe("");
    expect((await fetch(`${base}/metrics`, { method: "HEAD" })).headers.get("content-type")).toContain("version=0.0.4");
  });

  it("answers 404 in plain text for any other path", async () => {
    const base = await start([]);
    for (const path of ["/", "/health", "/metrics/extra", "/HEALTHZ"]) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    }
  });

  it("answers 405 with an Allow header for methods other than GET and HEAD", async () => {
    const base = await start([passing("database")]);
    for (const [method, path] of [
      ["POST", "/healthz"],
      ["PUT", "/metrics"],
      ["DELETE", "/healthz"],
    ] as const) {
      const res = await fetch(`${base}${path}`, { method });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD");
    }
  });

  it("stops listening on close, promptly even with a keep-alive connection open", async () => {
    const server = await startOpsServer({ port: 0, host: "127.0.0.1", metrics: new MetricsRegistry(), checks: [] });
    const status = await new Promise<number>((resolve, reject) => {
      const req = request({ host: "127.0.0.1", port: server.port, path: "/healthz", headers: { connection: "keep-alive" } }, (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      });
      req.on("error", reject);
      req.end();
    });
    expect(status).toBe(200);
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(fetch(`http://127.0.0.1:${server.port}/healthz`)).rejects.toThrow();
    await server.close();
  });

  it("closes promptly even while a slow health check holds a request open", async () => {
    let called!: () => void;
    const checking = new Promise<void>((resolve) => (called = resolve));
    const server = await startOpsServer({
      port: 0,
      host: "127.0.0.1",
      metrics: new MetricsRegistry(),
      checks: [{ name: "slow", check: () => (called(), new Promise<boolean>(() => undefined)) }],
      checkTimeoutMs: 20_000,
    });
    const pending = fetch(`http://127.0.0.1:${server.port}/healthz`);
    await checking;
    const started = performance.now();
    await server.close();
    expect(performance.now() - started).toBeLessThan(1000);
    await expect(pending).rejects.toThrow();
  });

  it("rejects duplicate check names and a non-positive timeout at start", async () => {
    await expect(startOpsServer({ port: 0, metrics: new MetricsRegistry(), checks: [passing("db"), passing("db")] })).rejects.toThrow(
      /duplicate health check/,
    );
    await expect(startOpsServer({ port: 0, metrics: new MetricsRegistry(), checks: [], checkTimeoutMs: 0 })).rejects.toThrow(
      /checkTimeoutMs/,
    );
  });

  it("fails to start when the port is taken", async () => {
    const first = await startOpsServer({ port: 0, host: "127.0.0.1", metrics: new MetricsRegistry(), checks: [] });
    servers.push(first);
    await expect(startOpsServer({ port: first.port, host: "127.0.0.1", metrics: new MetricsRegistry(), checks: [] })).rejects.toThrow(
      /EADDRINUSE/,
    );
  });
});
