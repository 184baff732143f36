import { randomBytes, randomUUID } from "node:crypto";

/** Ids and timestamps shaped like Slack's, unique within the test process. */

let sequence = 0;
const next = (): number => {
  sequence += 1;
  return sequence;
};

/** Message timestamps (`ts`) are `seconds.micro` strings, unique per channel; unique globally here. */
export function messageTs(now: number = Date.now()): string {
  const seconds = Math.floor(now / 1000);
  return `${seconds}.${String(next()).padStart(6, "0")}`;
}

export function triggerId(): string {
  return `${1000000000 + next()}.${900000000 + next()}.${randomBytes(16).toString("hex")}`;
}

export function eventId(): string {
  return `Ev0${randomBytes(5).toString("hex").toUpperCase()}`;
}

export function envelopeId(): string {
  return randomUUID();
}

/** Slack ids: a type letter followed by upper-case alphanumerics (`D` DM, `V` view, `G` group DM). */
export function slackId(prefix: string): string {
  return `${prefix}0${String(next()).padStart(8, "0")}`;
}
