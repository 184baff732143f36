// The weekly recap's picture: the week's board (the team's top ten by XP, each with an initials
// badge), the recap's title, the week under it, and the team's figures on the last line. Like the
// /leaderboard board it names people only by id; the sender puts in the names it already holds.
import { boardPicture } from "../leaderboard/board-picture.ts";
import type { Locale } from "../i18n/locale.ts";
import { pictureMessages } from "../i18n/picture-messages.ts";
import type { LeaderboardRow } from "../ports/records.ts";
import { altText } from "../views/alt-text.ts";
import type { PictureAttachment } from "../views/picture.ts";
import type { View } from "../views/view.ts";

export interface RecapPictureInput {
  /** The week's first study day (YYYY-MM-DD). */
  week: string;
  top: LeaderboardRow[];
  /** The team's figures (reviews, retention, ...), each a plain line. */
  figures: string[];
  /** The recap post the picture goes with: its words are the picture's alt text. */
  post: View;
}

export function recapPicture(input: RecapPictureInput, locale: Locale): PictureAttachment {
  const board = boardPicture(
    {
      title: input.post.title ?? "",
      top: input.top,
      // Nobody asked: no row is anyone's own.
      self: "",
      format: (xp) => `${xp} XP`,
      own: input.figures.join(" · ").slice(0, 200),
    },
    locale,
  );
  return {
    name: `recap-${input.week}`,
    picture: { ...board, subtitle: pictureMessages(locale).recapSubtitle(input.week) },
    alt: altText(input.post),
  };
}
