// What live quiz rounds need from storage: a round (one running per channel, enforced by the
// database), its answers (one per player and question, enforced by the database), the lease that
// lets one instance drive a round, and the team history that builds "weak" and "due" rounds.
import type { Locale } from "../i18n/locale.ts";

export type GameMode = "mixed" | "weak" | "due";
/**
 * Where the current question is: to be posted, open for answers, its results to show, the pause
 * after them; "over" once an ended round's podium went out.
 */
export type GamePhase = "post" | "open" | "close" | "pause" | "over";
export type GameStatus = "running" | "finished" | "stopped";

export interface GameRoundRecord {
  id: string;
  teamId: string;
  channelId: string;
  starterId: string;
  locale: Locale;
  topic: string | null;
  mode: GameMode;
  seconds: number;
  itemIds: string[];
  position: number;
  phase: GamePhase;
  deadline: Date | null;
  openedAt: Date | null;
  /** The posted questions' messages by position (null where unknown). */
  messageRefs: (string | null)[];
  /** The answered count the current question's message shows, and when it was last edited. */
  shownAnswers: number;
  shownAt: Date | null;
  /** Answers recorded for the current question. */
  answered: number;
  status: GameStatus;
  claimedBy: string | null;
  leaseUntil: Date | null;
  startedAt: Date;
  endedAt: Date | null;
}

export interface GameAnswerRecord {
  position: number;
  userId: string;
  choice: number;
  answeredAt: Date;
  correct: boolean;
  points: number;
}

export type NewGameRound = Pick<
  GameRoundRecord,
  "id" | "teamId" | "channelId" | "starterId" | "locale" | "topic" | "mode" | "seconds" | "itemIds" | "startedAt"
>;

/** The fields a driving instance moves a round on with. */
export type GameStep = Partial<
  Pick<GameRoundRecord, "position" | "phase" | "deadline" | "openedAt" | "messageRefs" | "shownAnswers" | "shownAt" | "status" | "endedAt">
>;

export interface GameStore {
  /** Creates a running round; "busy" with the running round's id when the channel already has one. */
  createRound(round: NewGameRound): Promise<{ status: "created" } | { status: "busy"; running: GameRoundRecord | null }>;
  loadRound(id: string): Promise<GameRoundRecord | null>;
  /** The round running in a channel, if any. */
  runningRound(teamId: string, channelId: string): Promise<GameRoundRecord | null>;
  /** Ends a running round (stopped or finished) and frees its channel; false when it was not running. */
  endRound(id: string, status: "finished" | "stopped", now: Date): Promise<boolean>;
  /** Deletes a round that never showed anything (its first post failed). */
  deleteRound(id: string): Promise<void>;
  /**
   * Records an answer to the question at `position` while it is open: before its deadline, posted
   * or being posted (its deadline is set just before the post, and a click may beat the post's
   * record); "duplicate" when the player already answered it, "closed" when it is not open.
   */
  recordAnswer(roundId: string, answer: GameAnswerRecord): Promise<"recorded" | "duplicate" | "closed">;
  answers(roundId: string): Promise<GameAnswerRecord[]>;
  /** A player's answer to one question, if they gave one. */
  playerAnswer(roundId: string, position: number, userId: string): Promise<GameAnswerRecord | null>;
  /** Rounds with a step left (running, or ended with the podium still to post) that no other instance holds a live lease on. */
  drivableRounds(owner: string, now: Date, limit: number): Promise<GameRoundRecord[]>;
  /** Takes or renews the lease on such a round; false when another instance holds it. */
  claimRound(id: string, owner: string, now: Date, leaseUntil: Date): Promise<boolean>;
  /** Moves a round on, only while `owner` holds it and it is still at `expected`; false otherwise. A new position starts with no answers counted. */
  stepRound(id: string, owner: string, expected: { position: number; phase: GamePhase }, step: GameStep): Promise<boolean>;
  /** How often members of the team rated each item Again, and how many reviews it had. */
  teamMisses(teamId: string): Promise<Map<string, { misses: number; reviews: number }>>;
  /** How many members of the team have each item due at `now`. */
  teamDue(teamId: string, now: Date): Promise<Map<string, number>>;
}
