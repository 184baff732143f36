// A weekly recap as the team dispatcher makes it (its view and its picture, through the core's own
// functions), for the senders' tests, and a check of the PNG a sender attached.
import { decode } from "fast-png";
import { messages } from "../../src/core/i18n/messages.ts";
import type { Locale } from "../../src/core/i18n/locale.ts";
import { recapPicture } from "../../src/core/team/recap-picture.ts";
import type { PictureAttachment } from "../../src/core/views/picture.ts";
import { userMention } from "../../src/core/views/user-mention.ts";
import { view, type View } from "../../src/core/views/view.ts";
import { boardHeight } from "../../src/pictures/draw-board.ts";
import { COLOURS } from "../../src/pictures/picture-style.ts";

export function aRecap(people: { userId: string; xp: number }[], locale: Locale = "en"): { post: View; picture: PictureAttachment } {
  const t = messages(locale);
  const top = people.map((p, i) => ({ userId: p.userId, value: p.xp, rank: i + 1 }));
  const lines = t.recapLines({
    top: top.map((row) => `${row.rank}. ${userMention(row.userId)} · ${row.value} XP`),
    reviews: 42,
    retention: "91.0%",
    missedTopic: null,
  });
  const post = view({ title: t.recapTitle("2026-11-23"), body: lines });
  const picture = recapPicture({ week: "2026-11-23", top, figures: lines.slice(1).map((l) => l.replace(/\*\*/g, "")), post }, locale);
  return { post, picture };
}

/** A PNG decoded: its size, the size a board of `rows` people should have, its ink (non-background pixels) and bar-coloured pixels. */
export function recapPng(
  png: Uint8Array,
  rows: number,
): { width: number; height: number; expectedHeight: number; ink: number; bars: number } {
  const image = decode(png);
  const hex = (i: number) => `#${[0, 1, 2].map((n) => (image.data[i + n] ?? 0).toString(16).padStart(2, "0")).join("")}`;
  let ink = 0;
  let bars = 0;
  for (let i = 0; i < image.width * image.height; i++) {
    const colour = hex(i * image.channels);
    if (colour !== COLOURS.background) ink += 1;
    if (colour === COLOURS.levels[1]) bars += 1;
  }
  const expectedHeight = boardHeight({
    kind: "board",
    title: "",
    subtitle: "",
    rows: Array.from({ length: rows }, (_, i) => ({
      rank: i + 1,
      userId: `u${i}`,
      initials: "?",
      name: "",
      value: "",
      amount: 1,
      self: false,
    })),
    own: "",
  });
  return { width: image.width, height: image.height, expectedHeight, ink, bars };
}
