// Moves SQLite's WAL checkpoints off the interaction path. By default a commit that pushes the WAL
// past 1,000 pages checkpoints inline, and with a large database that write-back (and its fsync)
// stalls the click that happened to trigger it by tens of milliseconds. Instead the bot's own
// connection never checkpoints, and a worker thread with its own connection checkpoints every
// second (PASSIVE: it never blocks readers or writers), then truncates the WAL when it stops.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";

const WORKER = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { timeout: 10000 });
const checkpoint = (mode) => {
  try {
    db.pragma("wal_checkpoint(" + mode + ")");
  } catch (error) {
    parentPort.postMessage({ error: String(error && error.message || error) });
  }
};
const timer = setInterval(() => checkpoint("PASSIVE"), workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint("TRUNCATE");
  db.close();
  parentPort.close();
});
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

export function startCheckpointer(file: string, onError: (message: string) => void, intervalMs = 1000): Checkpointer {
  const worker = new Worker(WORKER, {
    eval: true,
    workerData: { file, intervalMs, driver: fileURLToPath(import.meta.resolve("better-sqlite3")) },
  });
  worker.unref();
  worker.on("message", (m: { error?: string }) => {
    if (m.error) onError(m.error);
  });
  worker.on("error", (e) => onError(e.message));
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        // Keep the process alive until the final checkpoint is done.
        worker.ref();
        worker.once("exit", () => resolve());
        worker.postMessage("stop");
      }),
  };
}
