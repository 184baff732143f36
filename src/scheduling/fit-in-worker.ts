// Runs a fit in a worker thread and answers with its result; the worker ends with the fit.
import { Worker } from "node:worker_threads";
import { z } from "zod";
import type { FitAnswer, FitRequest } from "./fit-parameters.ts";

const WORKER_URL = new URL("./fit-worker.ts", import.meta.url);

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

export function fitInWorker(request: FitRequest, timeoutMs = 10 * 60_000): Promise<FitAnswer> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER_URL);
    const timer = setTimeout(() => void worker.terminate().then(() => reject(new Error("fit timed out"))), timeoutMs);
    const done = () => {
      clearTimeout(timer);
      void worker.terminate();
    };
    worker.once("message", (message: unknown) => {
      done();
      const parsed = answerSchema.safeParse(message);
      if (!parsed.success) reject(new Error("unexpected answer from the fitting worker"));
      else if (parsed.data.ok) resolve(parsed.data.answer);
      else reject(new Error(parsed.data.error));
    });
    worker.once("error", (e) => {
      done();
      reject(e);
    });
    worker.postMessage(request);
  });
}
