// The fitting process's entry: one fit, answered over IPC, then it exits. A separate process rather
// than a worker thread: the optimizer aborts its whole process on input it rejects, and fitting must
// never take the bot down or delay a click.
import { fitParameters, type FitRequest } from "./fit-parameters.ts";

process.once("message", (request: FitRequest) => {
  fitParameters(request).then(
    (answer) => process.send?.({ ok: true, answer }, () => process.exit(0)),
    (e: unknown) => process.send?.({ ok: false, error: e instanceof Error ? e.message : String(e) }, () => process.exit(0)),
  );
});
