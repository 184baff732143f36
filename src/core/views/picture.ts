// A picture a view carries: neutral data (numbers and the learner's labels, already in their
// language) that src/pictures/ draws as a PNG. The core never draws; adapters attach the drawing,
// and the view's text stays the message (and the picture's alt text), so a failed drawing loses
// nothing. The schema checks the data where it crosses into the drawing thread.
import { z } from "zod";

const dayKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const label = z.string().max(200);

export const statsPictureSchema = z.object({
  kind: z.literal("stats"),
  title: label,
  /** The study days shown, first and last (YYYY-MM-DD): a year up to today. */
  from: dayKey,
  to: dayKey,
  /** Study days with reviews, and how many. */
  days: z.array(z.object({ day: dayKey, reviews: z.number().int().positive() })).max(400),
  /** Cards due on each of the next days (the first includes what is overdue), with each day's label. */
  forecast: z.array(z.object({ label, due: z.number().int().nonnegative() })).max(60),
  /** True retention per week, oldest first: percent of review-state cards not rated Again (null: none reviewed). */
  retention: z.array(z.object({ label, percent: z.number().min(0).max(100).nullable(), reviews: z.number().int().nonnegative() })).max(60),
  labels: z.object({
    heatmap: label,
    forecast: label,
    retention: label,
    legendFewer: label,
    legendMore: label,
    months: z.array(label).length(12),
    /** Monday first. */
    weekdays: z.array(label).length(7),
    /** Shown across the picture when there is nothing to draw yet. */
    empty: label.optional(),
  }),
});

export const boardPictureSchema = z.object({
  kind: z.literal("board"),
  title: label,
  subtitle: label,
  rows: z
    .array(
      z.object({
        rank: z.number().int().positive(),
        /** The person as the core names them: adapters put the name they already know in place of the neutral one. */
        userId: z.string().max(200),
        initials: z.string().max(4),
        name: label,
        value: label,
        /** The bar's length: the value as a number. */
        amount: z.number().nonnegative(),
        self: z.boolean(),
      }),
    )
    .max(12),
  /** The asker's own line (rank, or why they have none). */
  own: label,
  empty: label.optional(),
});

export const pictureSchema = z.discriminatedUnion("kind", [statsPictureSchema, boardPictureSchema]);

export type StatsPicture = z.infer<typeof statsPictureSchema>;
export type BoardPicture = z.infer<typeof boardPictureSchema>;
export type Picture = z.infer<typeof pictureSchema>;

/** A picture with what it says in words: the alt text (Slack) or description (Discord). */
export interface PictureAttachment {
  /** The file's name without its extension. */
  name: string;
  picture: Picture;
  alt: string;
}
