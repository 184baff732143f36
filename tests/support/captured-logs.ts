// A logger whose JSON lines tests can read back.
import { Writable } from "node:stream";
import { createLogger, type Logger } from "../../src/ops/logger.ts";

export interface CapturedLogs {
  logger: Logger;
  lines: () => Record<string, unknown>[];
  text: () => string;
}

export function captureLogs(level = "debug"): CapturedLogs {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(level, stream);
  return {
    logger,
    text: () => chunks.join(""),
    lines: () =>
      chunks
        .join("")
        .split("\n")
        .filter(Boolean)
        .map((l) => JSON.parse(l) as Record<string, unknown>),
  };
}
