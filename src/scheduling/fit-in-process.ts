// Runs a fit in a child process and answers with its result; the process ends with the fit, and
// its crash or timeout is a failed fit, never the bot's.
import { fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { FitAnswer, FitRequest } from "./fit-parameters.ts";

const WORKER_PATH = fileURLToPath(new URL("./fit-worker.ts", import.meta.url));

const evaluation = z.object({ logLoss: z.number(), rmseBins: z.number() });
const answerSchema = z.union([
  z.object({ ok: z.literal(true), answer: z.object({ outcome: z.literal("too-few"), reviews: z.number() }) }),
  z.object({
    ok: z.literal(true),
    answer: z.object({
      outcome: z.enum(["adopted", "worse"]),
      reviews: z.number(),
      parameters: z.array(z.number()),
      fit: evaluation,
      current: evaluation,
    }),
  }),
  z.object({ ok: z.literal(false), error: z.string() }),
]);

/**
 * Fits in a child process; `signal` ends it (the instance is stopping), and the fit rejects.
 * `onStart` is told the process's id once it runs.
 */
export function fitInProcess(
  request: FitRequest,
  options: { timeoutMs?: number; signal?: AbortSignal; onStart?: (pid: number) => void } = {},
): Promise<FitAnswer> {
  const timeoutMs = options.timeoutMs ?? 10 * 60_000;
  return new Promise((resolve, reject) => {
    const child = fork(WORKER_PATH, [], {
      stdio: ["ignore", "ignore", "pipe", "ipc"],
      serialization: "advanced",
      ...(options.signal ? { signal: options.signal } : {}),
    });
    let settled = false;
    const timer = setTimeout(() => {
      child.kill();
      finish(() => reject(new Error("fit timed out")));
    }, timeoutMs);
    const finish = (settle: () => void) => {
      clearTimeout(timer);
      if (settled) return;
      settled = true;
      settle();
    };
    let stderr = "";
    child.stderr?.on("data", (chunk: Buffer) => (stderr = (stderr + String(chunk)).slice(-2000)));
    child.once("message", (message: unknown) => {
      finish(() => {
        const parsed = answerSchema.safeParse(message);
        if (!parsed.success) reject(new Error("unexpected answer from the fitting process"));
        else if (parsed.data.ok) resolve(parsed.data.answer);
        else reject(new Error(parsed.data.error));
      });
    });
    child.once("error", (e) => finish(() => reject(e)));
    child.once("exit", (code, signal) =>
      finish(() => reject(new Error(`fitting process ended (${signal ?? code}): ${stderr.split("\n").slice(0, 3).join(" ")}`))),
    );
    child.once("spawn", () => {
      if (child.pid !== undefined) options.onStart?.(child.pid);
    });
    child.send(request);
  });
}
