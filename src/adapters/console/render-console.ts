// Renders a view as plain terminal text; buttons become numbered choices, and a preselected button
// is the one Enter presses.
import type { View } from "../../core/views/view.ts";
import { renderMentions } from "../../core/views/user-mention.ts";
import { renderTimes } from "../../core/views/time-mention.ts";
import { renderPlaces } from "../../core/views/place-mention.ts";

export function renderConsole(view: View): { text: string; actions: string[]; preselected?: { action: string; label: string } } {
  const lines: string[] = [];
  if (view.title) lines.push(`== ${stripMarkdown(view.title)} ==`);
  for (const paragraph of view.body) lines.push(stripMarkdown(paragraph));
  if (view.footer) lines.push(`(${stripMarkdown(view.footer)})`);
  const actions: string[] = [];
  const buttons = view.buttons.flat();
  if (buttons.length > 0) {
    lines.push(buttons.map((b) => `[${actions.push(b.action)}] ${b.label}`).join("  "));
  }
  const preselected = buttons.find((b) => b.preselected);
  return {
    text: lines.join("\n"),
    actions,
    ...(preselected ? { preselected: { action: preselected.action, label: preselected.label } } : {}),
  };
}

function stripMarkdown(s: string): string {
  return renderPlaces(
    renderTimes(
      renderMentions(s, (userId) => userId),
      (at) => at.toLocaleTimeString(),
    ),
    (place) => `#${place.channelId}`,
  )
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1");
}
