// Draws pictures on a worker thread, one at a time per thread, so that the main thread keeps
// answering interactions while a picture is drawn. A drawing that takes too long is abandoned (its
// thread is replaced) and reported as a failure: the adapter then sends the text alone.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Worker } from "node:worker_threads";
import { z } from "zod";
import type { Picture } from "../core/views/picture.ts";

export interface PictureDrawer {
  /** The picture as PNG bytes; rejects when it cannot be drawn in time. */
  draw(picture: Picture): Promise<Uint8Array>;
  close(): Promise<void>;
}

const answerSchema = z.union([
  z.object({ id: z.number(), png: z.instanceof(Uint8Array) }),
  z.object({ id: z.number(), error: z.string() }),
]);

interface Job {
  id: number;
  picture: Picture;
  resolve: (png: Uint8Array) => void;
  reject: (error: Error) => void;
}

const WORKER_URL = new URL("./picture-worker.ts", import.meta.url);

export class PictureWorkers implements PictureDrawer {
  private readonly timeoutMs: number;
  private readonly queue: Job[] = [];
  private readonly idle: Worker[] = [];
  private readonly all = new Set<Worker>();
  private readonly threads: number;
  private nextId = 1;
  private closed = false;
  /** The threads' font subsets (svg-to-png.ts), one folder each under this one, removed on close. */
  private fontDir: string | undefined;
  private spawned = 0;

  constructor(options: { threads?: number; timeoutMs?: number } = {}) {
    this.threads = Math.max(1, options.threads ?? 1);
    this.timeoutMs = options.timeoutMs ?? 20_000;
  }

  /**
   * Starts the threads now, so that the first learner to ask does not wait for ECharts and the
   * font to load (about a second on a busy machine).
   */
  warm(): this {
    while (!this.closed && this.all.size < this.threads) this.idle.push(this.spawn());
    return this;
  }

  draw(picture: Picture): Promise<Uint8Array> {
    if (this.closed) return Promise.reject(new Error("the picture drawer is closed"));
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, picture, resolve, reject });
      this.pump();
    });
  }

  /** The folder the threads keep their font subsets in, once a thread started. */
  get subsetFolder(): string | undefined {
    return this.fontDir;
  }

  /** The drawing threads' JavaScript heaps in use, in bytes (their native memory is in the process's RSS). */
  async heapUsed(): Promise<number> {
    // Worker#getHeapStatistics (Node 24) is newer than the installed @types/node.
    type WithHeap = Worker & { getHeapStatistics(): Promise<{ used_heap_size: number }> };
    // A thread not running yet (or any more) counts as nothing.
    const sizes = await Promise.all(
      [...this.all].map((w) =>
        (w as WithHeap)
          .getHeapStatistics()
          .then((h) => h.used_heap_size)
          .catch(() => 0),
      ),
    );
    return sizes.reduce((a, b) => a + b, 0);
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error("the picture drawer is closed"));
    await Promise.all([...this.all].map((w) => w.terminate()));
    this.all.clear();
    this.idle.length = 0;
    if (this.fontDir) rmSync(this.fontDir, { recursive: true, force: true });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.all.size < this.threads ? this.spawn() : undefined);
      if (!worker) return;
      this.run(worker, this.queue.shift() as Job);
    }
  }

  private spawn(): Worker {
    this.fontDir ??= mkdtempSync(path.join(tmpdir(), "study-bot-fonts-"));
    const worker = new Worker(WORKER_URL, { workerData: { fontDir: path.join(this.fontDir, `thread-${this.spawned++}`) } });
    worker.unref();
    this.all.add(worker);
    return worker;
  }

  private run(worker: Worker, job: Job): void {
    const done = (error: Error | undefined, png?: Uint8Array) => {
      clearTimeout(timer);
      worker.off("message", onMessage);
      worker.off("error", onError);
      worker.off("exit", onExit);
      if (error) {
        // The thread may be stuck or broken: replace it rather than reuse it.
        this.all.delete(worker);
        void worker.terminate();
        job.reject(error);
      } else {
        this.idle.push(worker);
        job.resolve(png as Uint8Array);
      }
      if (!this.closed) this.pump();
    };
    const onMessage = (message: unknown) => {
      const answer = answerSchema.safeParse(message);
      if (!answer.success || answer.data.id !== job.id) return done(new Error("the drawing thread answered something else"));
      if ("error" in answer.data) {
        // A picture it could not draw: the thread itself is fine.
        clearTimeout(timer);
        worker.off("message", onMessage);
        worker.off("error", onError);
        worker.off("exit", onExit);
        this.idle.push(worker);
        job.reject(new Error(`the picture could not be drawn: ${answer.data.error}`));
        if (!this.closed) this.pump();
        return;
      }
      done(undefined, answer.data.png);
    };
    const onError = (error: Error) => done(error);
    const onExit = (code: number) => done(new Error(`the drawing thread exited (${code})`));
    const timer = setTimeout(() => done(new Error(`the picture took more than ${this.timeoutMs} ms`)), this.timeoutMs);
    worker.on("message", onMessage);
    worker.on("error", onError);
    worker.on("exit", onExit);
    worker.postMessage({ id: job.id, picture: job.picture });
  }
}
