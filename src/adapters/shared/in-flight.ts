// The interactions an adapter is handling, so that stopping finishes them instead of dropping them:
// once closed, nothing new is taken, and idle() resolves when the last one has been answered.
export class InFlight {
  readonly #tasks = new Set<Promise<unknown>>();
  #accepting = true;

  get accepting(): boolean {
    return this.#accepting;
  }

  /** Counts a task until it settles; resolves or rejects as the task does. */
  track<T>(task: Promise<T>): Promise<T> {
    this.#tasks.add(task);
    return task.finally(() => this.#tasks.delete(task));
  }

  async idle(): Promise<void> {
    while (this.#tasks.size > 0) await Promise.allSettled([...this.#tasks]);
  }

  /** Takes nothing new; what is in flight goes on. */
  close(): void {
    this.#accepting = false;
  }
}
