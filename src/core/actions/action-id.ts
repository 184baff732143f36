// Button action ids. Everything the core needs to handle a click travels in the id itself
// (<= 100 characters, Discord's custom_id limit), so buttons keep working across restarts and
// on every instance. Ids from a client are untrusted input: they are parsed, never evaluated.
import { z } from "zod";
import { itemIdSchema, topicIdSchema } from "../deck/item.ts";
import { ratingSchema, type Rating } from "../scheduler/card-state.ts";

export const ACTION_ID_MAX = 100;

const version = z.coerce.number().int().nonnegative().max(1_000_000_000);
const optionalTopic = z.union([z.literal("").transform(() => undefined), topicIdSchema]);
const sessionId = z.string().regex(/^[0-9a-zA-Z]{10}$/);
const position = z.coerce.number().int().min(0).max(49);
const choice = z.coerce.number().int().min(0).max(4);

/** The ratings offered after a right pick. */
export type ChoiceRating = Exclude<Rating, 1>;
const choiceRating = z.coerce
  .number()
  .pipe(ratingSchema)
  .refine((r): r is ChoiceRating => r !== 1);

export type Action =
  | { kind: "study"; topic: string | undefined }
  | { kind: "show-answer"; itemId: string; version: number; topic: string | undefined }
  | { kind: "rate"; itemId: string; version: number; rating: Rating; topic: string | undefined }
  /** A choice picked on a study card (multiple-choice, scenario, true/false): `choice` is its index in the item. */
  | { kind: "study-pick"; itemId: string; version: number; choice: number; topic: string | undefined }
  /** After a right pick, how well it was known: Again is not offered, and the pick travels along to be checked. */
  | { kind: "choice-rate"; itemId: string; version: number; choice: number; rating: ChoiceRating; topic: string | undefined }
  | { kind: "quiz-answer"; sessionId: string; position: number; choice: number }
  | { kind: "quiz-next"; sessionId: string; position: number }
  | { kind: "quiz-start"; topic: string | undefined; count: number }
  /** Undo a given rating (itemId and the version that was rated), or the last one. */
  | { kind: "undo"; target?: { itemId: string; version: number } | undefined }
  | { kind: "leaderboard"; period: "week" | "month" | "all"; metric: "xp" | "streak" | "reviews" | "accuracy" }
  /** "Remind me in 1 hour" on the reminder of `userId` for the local date `day`. */
  | { kind: "snooze"; day: string; userId: string }
  /** An answer to a team's question of the day. */
  | { kind: "qotd-answer"; qotdId: string; choice: number }
  /** /forget-me confirmed by `userId` (only they may press it), or cancelled. */
  | { kind: "forget"; userId: string }
  | { kind: "forget-cancel" }
  /** "Report a problem" on an answer: opens the report form for the item. */
  | { kind: "report"; itemId: string }
  /** The report form of an item, submitted (its answers travel beside the id). */
  | { kind: "report-submit"; itemId: string }
  /** A player's answer to the question at `position` of a live round in a channel. */
  | { kind: "game-answer"; roundId: string; position: number; choice: number };

// Built once: constructing zod schemas costs more than using them.
const showAnswerParts = z.tuple([itemIdSchema, version, optionalTopic]);
const rateParts = z.tuple([itemIdSchema, version, z.coerce.number().pipe(ratingSchema), optionalTopic]);
const studyPickParts = z.tuple([itemIdSchema, version, choice, optionalTopic]);
const choiceRateParts = z.tuple([itemIdSchema, version, choice, choiceRating, optionalTopic]);
const quizAnswerParts = z.tuple([sessionId, position, choice]);
const quizNextParts = z.tuple([sessionId, position]);
const quizStartParts = z.tuple([optionalTopic, z.coerce.number().int().min(1).max(20)]);
const undoParts = z.tuple([itemIdSchema, version]);
const snoozeParts = z.tuple([z.string().regex(/^\d{4}-\d{2}-\d{2}$/), z.string().regex(/^[a-z]+:[A-Za-z0-9:@_-]{1,80}$/)]);
const qotdParts = z.tuple([sessionId, choice]);
const gameAnswerParts = z.tuple([sessionId, z.coerce.number().int().min(0).max(19), choice]);
const leaderboardParts = z.tuple([z.enum(["week", "month", "all"]), z.enum(["xp", "streak", "reviews", "accuracy"])]);

const parsers: Record<string, (parts: string[]) => Action | undefined> = {
  st: ([topic]) => {
    const t = optionalTopic.safeParse(topic ?? "");
    return t.success ? { kind: "study", topic: t.data } : undefined;
  },
  sa: ([item, v, topic]) => {
    const r = showAnswerParts.safeParse([item, v, topic ?? ""]);
    return r.success ? { kind: "show-answer", itemId: r.data[0], version: r.data[1], topic: r.data[2] } : undefined;
  },
  rt: ([item, v, rating, topic]) => {
    const r = rateParts.safeParse([item, v, rating, topic ?? ""]);
    return r.success ? { kind: "rate", itemId: r.data[0], version: r.data[1], rating: r.data[2], topic: r.data[3] } : undefined;
  },
  sp: ([item, v, picked, topic]) => {
    const r = studyPickParts.safeParse([item, v, picked, topic ?? ""]);
    return r.success ? { kind: "study-pick", itemId: r.data[0], version: r.data[1], choice: r.data[2], topic: r.data[3] } : undefined;
  },
  cr: ([item, v, picked, rating, topic]) => {
    const r = choiceRateParts.safeParse([item, v, picked, rating, topic ?? ""]);
    return r.success
      ? { kind: "choice-rate", itemId: r.data[0], version: r.data[1], choice: r.data[2], rating: r.data[3], topic: r.data[4] }
      : undefined;
  },
  qa: ([sid, pos, picked]) => {
    const r = quizAnswerParts.safeParse([sid, pos, picked]);
    return r.success ? { kind: "quiz-answer", sessionId: r.data[0], position: r.data[1], choice: r.data[2] } : undefined;
  },
  qn: ([sid, pos]) => {
    const r = quizNextParts.safeParse([sid, pos]);
    return r.success ? { kind: "quiz-next", sessionId: r.data[0], position: r.data[1] } : undefined;
  },
  qs: ([topic, count]) => {
    const r = quizStartParts.safeParse([topic ?? "", count]);
    return r.success ? { kind: "quiz-start", topic: r.data[0], count: r.data[1] } : undefined;
  },
  lb: ([period, metric]) => {
    const r = leaderboardParts.safeParse([period, metric]);
    return r.success ? { kind: "leaderboard", period: r.data[0], metric: r.data[1] } : undefined;
  },
  sn: ([day, ...user]) => {
    const r = snoozeParts.safeParse([day, user.join(":")]);
    return r.success ? { kind: "snooze", day: r.data[0], userId: r.data[1] } : undefined;
  },
  qd: ([id, picked]) => {
    const r = qotdParts.safeParse([id, picked]);
    return r.success ? { kind: "qotd-answer", qotdId: r.data[0], choice: r.data[1] } : undefined;
  },
  fm: ([first, ...rest]) => {
    if (first === "cancel" && rest.length === 0) return { kind: "forget-cancel" };
    const r = z
      .string()
      .regex(/^[a-z]+:[A-Za-z0-9:@_-]{1,80}$/)
      .safeParse([first, ...rest].join(":"));
    return r.success ? { kind: "forget", userId: r.data } : undefined;
  },
  rp: ([item, ...rest]) => {
    const r = itemIdSchema.safeParse(item);
    return r.success && rest.length === 0 ? { kind: "report", itemId: r.data } : undefined;
  },
  rs: ([item, ...rest]) => {
    const r = itemIdSchema.safeParse(item);
    return r.success && rest.length === 0 ? { kind: "report-submit", itemId: r.data } : undefined;
  },
  ga: ([round, pos, picked, ...rest]) => {
    const r = gameAnswerParts.safeParse([round, pos, picked]);
    return r.success && rest.length === 0 ? { kind: "game-answer", roundId: r.data[0], position: r.data[1], choice: r.data[2] } : undefined;
  },
  ud: ([item, v]) => {
    if (item === undefined) return { kind: "undo" };
    const r = undoParts.safeParse([item, v]);
    return r.success ? { kind: "undo", target: { itemId: r.data[0], version: r.data[1] } } : undefined;
  },
};

/** Parses a button's action id; undefined for anything malformed, unknown or oversized. */
export function parseAction(id: unknown): Action | undefined {
  if (typeof id !== "string" || id.length === 0 || id.length > ACTION_ID_MAX) return undefined;
  const [prefix, ...parts] = id.split(":");
  const parser = prefix ? parsers[prefix] : undefined;
  if (!parser || parts.length > (prefix === "cr" ? 5 : 4)) return undefined;
  try {
    return parser(parts);
  } catch {
    return undefined;
  }
}

export function actionId(action: Action): string {
  switch (action.kind) {
    case "study":
      return `st:${action.topic ?? ""}`;
    case "show-answer":
      return `sa:${action.itemId}:${action.version}:${action.topic ?? ""}`;
    case "rate":
      return `rt:${action.itemId}:${action.version}:${action.rating}:${action.topic ?? ""}`;
    case "study-pick":
      return `sp:${action.itemId}:${action.version}:${action.choice}:${action.topic ?? ""}`;
    case "choice-rate":
      return `cr:${action.itemId}:${action.version}:${action.choice}:${action.rating}:${action.topic ?? ""}`;
    case "quiz-answer":
      return `qa:${action.sessionId}:${action.position}:${action.choice}`;
    case "quiz-next":
      return `qn:${action.sessionId}:${action.position}`;
    case "quiz-start":
      return `qs:${action.topic ?? ""}:${action.count}`;
    case "undo":
      return action.target ? `ud:${action.target.itemId}:${action.target.version}` : "ud";
    case "leaderboard":
      return `lb:${action.period}:${action.metric}`;
    case "snooze":
      return `sn:${action.day}:${action.userId}`;
    case "qotd-answer":
      return `qd:${action.qotdId}:${action.choice}`;
    case "forget":
      return `fm:${action.userId}`;
    case "forget-cancel":
      return "fm:cancel";
    case "report":
      return `rp:${action.itemId}`;
    case "report-submit":
      return `rs:${action.itemId}`;
    case "game-answer":
      return `ga:${action.roundId}:${action.position}:${action.choice}`;
  }
}
