// Draws the README's example /stats pictures (docs/stats-en.png, docs/stats-ja.png) from a made-up,
// seeded learner, through the same code the bot uses: node --import tsx tests/support/draw-docs-pictures.ts
import { writeFileSync } from "node:fs";
import { statsPicture } from "../../src/core/stats/stats-picture.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { addDays } from "../../src/core/time/zoned-time.ts";
import { drawPicture } from "../../src/pictures/draw-picture.ts";

const TODAY = "2026-12-03";
const random = seededRandom("docs-pictures");
const days = [];
for (let i = 0; i < 365; i++) {
  // Studied on most days of the last five months, now and then before.
  if (random() < (i < 150 ? 0.8 : 0.25)) {
    const reviews = 5 + Math.floor(random() * 60);
    const mature = Math.floor(reviews * 0.6);
    days.push({ day: addDays(TODAY, -i), reviews, mature, recalled: Math.round(mature * (0.82 + random() * 0.12)) });
  }
}
const dues = Array.from({ length: 420 }, () => new Date(Date.parse(`${TODAY}T03:00:00Z`) + Math.floor(random() ** 1.6 * 30 * 86_400_000)));
for (const locale of ["en", "ja"] as const) {
  writeFileSync(`docs/stats-${locale}.png`, drawPicture(statsPicture({ days, dues }, TODAY, "Asia/Tokyo", locale)));
}
