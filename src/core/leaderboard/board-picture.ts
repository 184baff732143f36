// The /leaderboard picture's data: the ranked people (at most the top ten) with their figures and
// the asker's own line. The core knows people only by id, so each row carries the id with a neutral
// name and a "?" badge; the adapter puts in the names it already has in memory (no request is made
// for a picture) and draws what it cannot name as the neutral label.
import type { Locale } from "../i18n/locale.ts";
import { pictureMessages } from "../i18n/picture-messages.ts";
import type { LeaderboardRow } from "../ports/records.ts";
import type { BoardPicture } from "../views/picture.ts";

export const BOARD_ROWS = 10;

export interface BoardInput {
  title: string;
  top: LeaderboardRow[];
  /** The asker's id, to mark their row. */
  self: string;
  /** The figure as shown (in the asker's language), from the value. */
  format: (value: number) => string;
  /** The asker's own line, plain text. */
  own: string;
}

export function boardPicture(input: BoardInput, locale: Locale): BoardPicture {
  const p = pictureMessages(locale);
  const rows = input.top.slice(0, BOARD_ROWS).map((row) => ({
    rank: row.rank,
    userId: row.userId,
    initials: "?",
    name: p.boardSomeone,
    value: input.format(row.value),
    amount: Math.max(0, row.value),
    self: row.userId === input.self,
  }));
  return {
    kind: "board",
    title: input.title,
    subtitle: p.boardSubtitle(rows.length),
    rows,
    own: input.own.replace(/\*\*/g, ""),
    ...(rows.length === 0 ? { empty: p.boardEmpty } : {}),
  };
}
