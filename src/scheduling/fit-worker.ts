// The worker thread's entry: one fit per message, so that fitting never runs on the thread that
// answers clicks.
import { parentPort } from "node:worker_threads";
import { fitParameters, type FitRequest } from "./fit-parameters.ts";

parentPort?.on("message", (request: FitRequest) => {
  fitParameters(request).then(
    (answer) => parentPort?.postMessage({ ok: true, answer }),
    (e: unknown) => parentPort?.postMessage({ ok: false, error: e instanceof Error ? e.message : String(e) }),
  );
});
