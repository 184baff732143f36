// The options of /game start, checked the same way whichever platform or text they came from.
import { z } from "zod";

export const GAME_QUESTIONS = { min: 3, max: 20, default: 10 } as const;
export const GAME_SECONDS = { min: 10, max: 60, default: 20 } as const;
export const GAME_MODES = ["mixed", "weak", "due"] as const;

export const gameQuestionsSchema = z.number().int().min(GAME_QUESTIONS.min).max(GAME_QUESTIONS.max);
export const gameSecondsSchema = z.number().int().min(GAME_SECONDS.min).max(GAME_SECONDS.max);
export const gameModeSchema = z.enum(GAME_MODES);

/** The first option out of its range, if any: its name and its bounds. */
export function outOfRange(o: {
  questions?: number | undefined;
  seconds?: number | undefined;
}): { option: "questions" | "seconds"; min: number; max: number } | undefined {
  if (o.questions !== undefined && !gameQuestionsSchema.safeParse(o.questions).success)
    return { option: "questions", min: GAME_QUESTIONS.min, max: GAME_QUESTIONS.max };
  if (o.seconds !== undefined && !gameSecondsSchema.safeParse(o.seconds).success)
    return { option: "seconds", min: GAME_SECONDS.min, max: GAME_SECONDS.max };
  return undefined;
}
