// Renders a core view as Block Kit: sections of mrkdwn, a context footer and one actions block
// per row of buttons, inside Slack's limits. Text is escaped so nothing echoed can mention anyone.
import { uniqueButtons, type Button, type View } from "../../core/views/view.ts";
import { renderMentions } from "../../core/views/user-mention.ts";
import { renderTimes } from "../../core/views/time-mention.ts";
import { renderPlaces } from "../../core/views/place-mention.ts";
import { slackUserOf } from "../shared/platform-ids.ts";
import { truncate } from "../shared/truncate.ts";
import { userMention } from "../shared/user-mention.ts";

export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  blocksPerView: 100,
  elementsPerActions: 25,
  sectionText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fallbackText: 3000,
} as const;

export interface SlackButton {
  type: "button";
  text: { type: "plain_text"; text: string; emoji: boolean };
  action_id: string;
  value: string;
  style?: "primary" | "danger";
}

export type SlackBlock =
  | { type: "section"; text: { type: "mrkdwn"; text: string } }
  | { type: "context"; elements: { type: "mrkdwn"; text: string }[] }
  | { type: "actions"; block_id: string; elements: SlackButton[] }
  | { type: "divider" };

export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's three control characters; escaping `<` is what keeps `<!everyone>` from being a mention. */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** A person as Slack shows them: a user mention. */
const mention = userMention(slackUserOf);

/** An instant as Slack's date token: each reader sees it in their own time zone (the fallback in UTC). */
function slackTime(at: Date): string {
  const unix = Math.floor(at.getTime() / 1000);
  return `<!date^${unix}^{time_secs}|${at.toISOString().slice(11, 19)} UTC>`;
}

/** The core's light markdown (**bold**, `code`) as Slack mrkdwn. */
export function toMrkdwn(text: string): string {
  const marked = renderMentions(escapeSlack(text).replace(/\*\*(.+?)\*\*/g, "*$1*"), mention);
  return renderPlaces(renderTimes(marked, slackTime), (place) => `<#${place.channelId}>`);
}

function button(b: Button): SlackButton {
  return {
    type: "button",
    text: { type: "plain_text", text: truncate(b.label, SLACK_LIMITS.buttonText), emoji: true },
    // The core's action id is both the listener key and the value; it is at most 100 characters.
    action_id: b.action,
    value: b.action,
    ...(b.style === "primary" || b.style === "success"
      ? { style: "primary" as const }
      : b.style === "danger"
        ? { style: "danger" as const }
        : {}),
  };
}

export function renderBlocks(view: View, maxBlocks: number = SLACK_LIMITS.blocksPerMessage): SlackBlock[] {
  const blocks: SlackBlock[] = [];
  if (view.title)
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(`*${escapeSlack(view.title)}*`, SLACK_LIMITS.sectionText) } });
  for (const paragraph of view.body) {
    if (paragraph.trim() === "") continue;
    blocks.push({ type: "section", text: { type: "mrkdwn", text: truncate(toMrkdwn(paragraph), SLACK_LIMITS.sectionText) } });
  }
  if (view.footer)
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: truncate(toMrkdwn(view.footer), SLACK_LIMITS.sectionText) }] });
  const rows = uniqueButtons(view.buttons);
  const room = Math.max(0, maxBlocks - rows.length);
  const kept = blocks.slice(0, room);
  rows.forEach((row, i) =>
    kept.push({ type: "actions", block_id: `row-${i}`, elements: row.slice(0, SLACK_LIMITS.elementsPerActions).map(button) }),
  );
  return kept;
}

export function renderSlack(view: View): SlackMessage {
  const text = truncate(
    [view.title, ...view.body]
      .filter(Boolean)
      .join("\n")
      .replace(/\*\*(.+?)\*\*/g, "$1"),
    SLACK_LIMITS.fallbackText,
  );
  // The notification text names people, times and places as Slack does, like the blocks.
  const marked = renderTimes(renderMentions(escapeSlack(text), mention), slackTime);
  return { text: renderPlaces(marked, (place) => `<#${place.channelId}>`), blocks: renderBlocks(view) };
}
