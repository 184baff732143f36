// Runs the bot as a child process (as `npm start` would) and collects its output.
import { spawn, type ChildProcess } from "node:child_process";

/**
 * How long a test waits for `npm start` to reach a line of output. Starting runs tsx, migrates a
 * fresh database and syncs the decks: a few seconds on a quiet machine, far more on a loaded one.
 */
export const START_WAIT_MS = 60_000;
/** A test's own timeout when it starts the bot once (twice: double it). */
export const PROCESS_TEST_MS = 120_000;

export interface RunningChild {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** How many times `pattern` (global) occurs in the output so far. */
  count(pattern: RegExp): number;
  /** SIGKILL to the child's whole process group (npm and node under it, shard processes), for cleanup. */
  killAll(): void;
}

export function startChild(
  command: string[],
  env: Record<string, string>,
  cwd = process.cwd(),
  /** Run as another user (tests running as root use this to meet file permissions). */
  as?: { uid: number; gid: number },
): RunningChild {
  const child = spawn(command[0]!, command.slice(1), {
    cwd,
    ...as,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LANG: "C", ...env },
    stdio: ["pipe", "pipe", "pipe"],
    // Its own process group, so that cleanup reaches what it started (`npm start` runs node under npm).
    detached: true,
  });
  let out = "";
  let err = "";
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => (err += d));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on("exit", (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    exited,
    killAll() {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    },
    count(pattern) {
      return (out + err).match(pattern)?.length ?? 0;
    },
    async waitForOutput(pattern, timeoutMs = START_WAIT_MS) {
      const started = Date.now();
      while (!pattern.test(out + err)) {
        if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${pattern}; output so far:\n${out}\n${err}`);
        if (child.exitCode !== null) throw new Error(`the process exited (${child.exitCode}) before ${pattern}:\n${out}\n${err}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}

/** The line the scheduler logs (at debug level) each time it runs the reminders job. */
export const REMINDERS_TICK = /"job":"reminders"[^\n]*"msg":"job ran"/g;

/**
 * Waits until every process has run its jobs `ticks` more times from now: the quiet signal before
 * checking that nothing more was sent (instead of sleeping and hoping the ticks happened).
 */
export async function moreTicks(children: RunningChild[], ticks: number, timeoutMs = START_WAIT_MS): Promise<void> {
  await Promise.all(
    children.map(async (child) => {
      const target = child.count(REMINDERS_TICK) + ticks;
      const started = Date.now();
      while (child.count(REMINDERS_TICK) < target) {
        if (Date.now() - started > timeoutMs)
          throw new Error(`a process did not tick ${ticks} more times:\n${child.stderr().slice(-2000)}`);
        if (child.child.exitCode !== null) throw new Error(`a process exited (${child.child.exitCode}) before ticking:\n${child.stderr()}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    }),
  );
}
