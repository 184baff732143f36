// Runs the scheduled jobs every minute with node-cron. Ticks never overlap within a process; across
// processes the jobs' own claims keep every send single, so any number of instances may tick.
import { schedule, type ScheduledTask } from "node-cron";
import type { Logger } from "../ops/logger.ts";

export interface Job {
  name: string;
  run(now: Date): Promise<unknown>;
}

export interface Scheduler {
  /** Runs every job once now (what each cron tick does). */
  tick(): Promise<void>;
  stop(): Promise<void>;
}

export function startScheduler(o: { jobs: Job[]; logger: Logger; now?: () => Date; expression?: string }): Scheduler {
  const now = o.now ?? (() => new Date());
  let running: Promise<void> | null = null;
  const tick = async () => {
    for (const job of o.jobs) {
      try {
        const result = await job.run(now());
        o.logger.debug({ job: job.name, result }, "job ran");
      } catch (e) {
        o.logger.error({ err: e, job: job.name }, "job failed");
      }
    }
  };
  const task: ScheduledTask = schedule(
    o.expression ?? "* * * * *",
    async () => {
      if (running) return;
      running = tick().finally(() => (running = null));
      await running;
    },
    { name: "study-bot-jobs", noOverlap: true },
  );
  return {
    tick: async () => {
      running = (running ?? Promise.resolve()).then(tick);
      await running;
      running = null;
    },
    stop: async () => {
      await task.stop();
      await task.destroy();
      if (running) await running;
    },
  };
}
