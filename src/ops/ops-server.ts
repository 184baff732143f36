// The operations port: GET /healthz for orchestrators' probes and GET /metrics for Prometheus.
// Kept apart from any chat platform's HTTP server so that probes and scrapes never compete with
// users, and so that it can stay private while the Slack events endpoint is public.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { MetricsRegistry } from "./metrics.ts";

export interface HealthCheck {
  name: string;
  check(): Promise<boolean> | boolean;
}

export interface OpsServer {
  /** The port actually bound (useful when asked for port 0). */
  port: number;
  close(): Promise<void>;
}

export interface OpsServerOptions {
  port: number;
  host?: string;
  metrics: MetricsRegistry;
  checks: HealthCheck[];
  /** How long one check may take before it counts as failed. */
  checkTimeoutMs?: number;
}

const DEFAULT_CHECK_TIMEOUT_MS = 2000;

export async function startOpsServer(o: OpsServerOptions): Promise<OpsServer> {
  const timeoutMs = o.checkTimeoutMs ?? DEFAULT_CHECK_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`checkTimeoutMs must be a positive number, got ${timeoutMs}`);
  const names = new Set<string>();
  for (const { name } of o.checks) {
    if (names.has(name)) throw new Error(`duplicate health check ${JSON.stringify(name)}`);
    names.add(name);
  }

  const server = createServer((req, res) => {
    handle(req, res, o.metrics, o.checks, timeoutMs).catch(() => {
      // Nothing about the failure goes out: the body could otherwise carry a secret.
      if (!res.headersSent) send(res, 500, "text/plain; charset=utf-8", "internal error\n");
      else res.destroy();
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(o.port, o.host ?? "0.0.0.0", () => {
      server.off("error", reject);
      resolve();
    });
  });

  let closing: Promise<void> | undefined;
  return {
    port: (server.address() as AddressInfo).port,
    close() {
      closing ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Without this, a scraper's keep-alive connection would hold close() open for seconds.
        server.closeAllConnections();
      });
      return closing;
    },
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, metrics: MetricsRegistry, checks: HealthCheck[], timeoutMs: number) {
  const path = (req.url ?? "/").split("?", 1)[0];
  if (path !== "/healthz" && path !== "/metrics") {
    send(res, 404, "text/plain; charset=utf-8", "not found\n");
    return;
  }
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.setHeader("Allow", "GET, HEAD");
    send(res, 405, "text/plain; charset=utf-8", "method not allowed\n");
    return;
  }
  if (path === "/metrics") {
    send(res, 200, metrics.contentType, await metrics.metrics());
    return;
  }
  const results = await Promise.all(checks.map(async (c) => [c.name, await passes(c, timeoutMs)] as const));
  const healthy = results.every(([, ok]) => ok);
  const body = { status: healthy ? "ok" : "unhealthy", checks: Object.fromEntries(results) };
  send(res, healthy ? 200 : 503, "application/json; charset=utf-8", JSON.stringify(body));
}

/** True only if the check answers `true` in time; throwing, timing out or anything else is a failure. */
async function passes(c: HealthCheck, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  try {
    const answer = Promise.resolve()
      .then(() => c.check())
      .then(
        (ok) => ok === true,
        () => false,
      );
    return await Promise.race([answer, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function send(res: ServerResponse, status: number, contentType: string, body: string): void {
  // HEAD gets the same status and headers; Node drops the body itself.
  res.writeHead(status, {
    "Content-Type": contentType,
    "Content-Length": Buffer.byteLength(body),
    "Cache-Control": "no-store",
  });
  res.end(body);
}
