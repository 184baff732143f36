// The drawing thread: ECharts and resvg take tens to hundreds of milliseconds a picture, which
// would stall every other interaction on the main thread. Each message is one picture.
import { parentPort, workerData } from "node:worker_threads";
import { drawPicture } from "./draw-picture.ts";
import { useFontSubsets } from "./svg-to-png.ts";

// The folder for this thread's font subsets, which the thread's owner removes (PictureWorkers.close).
const fontDir = (workerData as { fontDir?: unknown } | null)?.fontDir;
if (typeof fontDir === "string") useFontSubsets(fontDir);

// Loads ECharts, the font and the subsetter before the first request: a thread is started ahead of need (warm()).
drawPicture({ kind: "board", title: "", subtitle: "", rows: [], own: "" });

parentPort?.on("message", (message: { id: number; picture: unknown }) => {
  try {
    // resvg's buffer lives outside the JavaScript heap and cannot be transferred: copy it once.
    const png = new Uint8Array(drawPicture(message.picture));
    parentPort?.postMessage({ id: message.id, png }, [png.buffer]);
  } catch (e) {
    parentPort?.postMessage({ id: message.id, error: e instanceof Error ? e.message : String(e) });
  }
});
