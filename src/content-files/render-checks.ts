// Every item rendered the way users see it (card front and back with the rating buttons, the quiz
// question and its answer, the question of the day), in both languages, through the real Discord
// and Slack renderers, checked against the platforms' limits.
import { renderDiscord } from "../adapters/discord/render-discord.ts";
import { renderSlack } from "../adapters/slack/render-slack.ts";
import { Catalog } from "../core/deck/catalog.ts";
import { isGraded, type Item } from "../core/deck/item.ts";
import { LOCALES } from "../core/i18n/locale.ts";
import { QotdService } from "../core/qotd/qotd-service.ts";
import { questionView } from "../core/quiz/quiz-service.ts";
import { previewRatings } from "../core/scheduler/fsrs.ts";
import { backView, frontView } from "../core/study/card-views.ts";
import { rightPickView, wrongPickView } from "../core/study/choice-views.ts";
import type { View } from "../core/views/view.ts";
import { PLATFORM_LIMITS, type RenderCheck } from "./check-library.ts";

const catalog = new Catalog([], []);
const now = new Date("2026-01-01T00:00:00Z");
const qotd = new QotdService({} as never);

function viewsOf(item: Item): { name: string; view: View }[] {
  const out: { name: string; view: View }[] = [];
  for (const locale of LOCALES) {
    const context = { userId: "u", item, card: null, version: 999_999, topic: item.topics[0], locale, catalog };
    const outcomes = previewRatings(null, now, { retention: 0.9, parameters: null }, "check");
    out.push({ name: `card front (${locale})`, view: frontView(context, "x".repeat(60)) });
    if (item.kind === "flashcard") out.push({ name: `card back (${locale})`, view: backView({ ...context, item }, outcomes) });
    if (isGraded(item)) {
      const picked = { ...context, item };
      const undo = { action: "ud:x", label: "x".repeat(20), style: "secondary" as const };
      out.push({ name: `card answered right (${locale})`, view: rightPickView(picked, 0, outcomes) });
      out.push({ name: `card answered wrong (${locale})`, view: wrongPickView(picked, "x".repeat(60), undo) });
      const quiz = {
        id: "0123456789",
        userId: "u",
        teamId: "t",
        topic: null,
        itemIds: new Array(20).fill(item.id),
        createdAt: now,
        finishedAt: null,
        answers: [],
      };
      out.push({ name: `quiz question (${locale})`, view: questionView(quiz, 19, item, locale) });
      out.push({ name: `question of the day (${locale})`, view: qotd.questionView("0123456789", item, locale) });
      out.push({
        name: `question of the day results (${locale})`,
        view: qotd.resultsView("0123456789", item, { total: 1000, correct: 999 }, locale),
      });
    }
  }
  return out;
}

const renderedLimits: RenderCheck = (item: Item) => {
  const problems: { field: string; message: string }[] = [];
  for (const { name, view } of viewsOf(item)) {
    const discord = renderDiscord(view);
    const text = [discord.content, ...discord.embeds.map((e) => `${e.title ?? ""}${e.description ?? ""}${e.footer?.text ?? ""}`)].join("");
    if ((discord.embeds[0]?.description ?? "").length > PLATFORM_LIMITS.discordMessage) {
      problems.push({
        field: name,
        message: `renders to ${discord.embeds[0]?.description?.length} characters on Discord; keep it within ${PLATFORM_LIMITS.discordMessage}`,
      });
    }
    if (text.length > 6000)
      problems.push({ field: name, message: `renders to ${text.length} characters of embeds on Discord; the limit is 6000` });
    for (const row of discord.components) {
      for (const b of row.components) {
        if ("label" in b && (b.label ?? "").length > PLATFORM_LIMITS.discordButtonLabel)
          problems.push({ field: name, message: `a Discord button label is ${b.label?.length} characters; the limit is 80` });
        if ("custom_id" in b && b.custom_id.length > 100)
          problems.push({ field: name, message: `a button id is ${b.custom_id.length} characters; Discord allows 100` });
      }
    }
    const slack = renderSlack(view);
    if (slack.blocks.length > 50)
      problems.push({ field: name, message: `renders to ${slack.blocks.length} Slack blocks; the limit is 50` });
    for (const block of slack.blocks) {
      if (block.type === "section" && block.text.text.length > 3000)
        problems.push({ field: name, message: "a Slack section is longer than 3000 characters" });
      if (block.type === "actions") {
        for (const b of block.elements) {
          // The renderer shortens labels to fit; content must fit without being shortened.
          const original = view.buttons.flat().find((x) => x.action === b.action_id)?.label ?? "";
          if (original.length > PLATFORM_LIMITS.slackButtonText)
            problems.push({
              field: name,
              message: `a button reads "${original.slice(0, 40)}..." (${original.length} characters); Slack allows ${PLATFORM_LIMITS.slackButtonText}`,
            });
        }
      }
    }
  }
  return problems;
};

export const renderChecks: RenderCheck[] = [renderedLimits];
