// Structured JSON logs (pino) on stderr, so that stdout stays the console session's own. Fields
// that could carry secrets are redacted wherever they appear.
import { pino, type DestinationStream, type Logger } from "pino";

export type { Logger };

export const REDACTED_PATHS = [
  "token",
  "*.token",
  "authorization",
  "*.authorization",
  "headers.authorization",
  "*.headers.authorization",
  "botToken",
  "appToken",
  "signingSecret",
  "*.botToken",
  "*.appToken",
  "*.signingSecret",
  "password",
  "*.password",
];

/** A logger writing JSON lines to `destination` (stderr by default). */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  return pino(
    { level, redact: { paths: REDACTED_PATHS, censor: "[redacted]" }, base: { service: "study-bot" } },
    destination ?? pino.destination({ dest: 2, sync: true }),
  );
}
