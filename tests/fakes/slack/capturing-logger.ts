import { LogLevel, type Logger } from "@slack/bolt";
import { format } from "node:util";

export interface LogLine {
  level: LogLevel;
  text: string;
}

/**
 * A Bolt/web-api/socket-mode logger that keeps every line (at any level) in memory instead of printing:
 * keeps test output quiet and lets a test assert on logs (e.g. that no token is ever logged).
 * Give it to the App together with `logLevel` (Bolt calls setLevel(INFO) on a logger passed alone).
 */
export class CapturingLogger implements Logger {
  readonly lines: LogLine[] = [];
  #level: LogLevel = LogLevel.DEBUG;

  debug(...msg: unknown[]): void {
    this.#push(LogLevel.DEBUG, msg);
  }
  info(...msg: unknown[]): void {
    this.#push(LogLevel.INFO, msg);
  }
  warn(...msg: unknown[]): void {
    this.#push(LogLevel.WARN, msg);
  }
  error(...msg: unknown[]): void {
    this.#push(LogLevel.ERROR, msg);
  }
  setLevel(level: LogLevel): void {
    this.#level = level;
  }
  getLevel(): LogLevel {
    return this.#level;
  }
  setName(_name: string): void {}

  /** Every captured line joined, for `expect(logger.text()).not.toContain(secret)`. */
  text(): string {
    return this.lines.map((line) => `[${line.level}] ${line.text}`).join("\n");
  }

  #push(level: LogLevel, msg: unknown[]): void {
    this.lines.push({ level, text: format(...msg) });
  }
}
