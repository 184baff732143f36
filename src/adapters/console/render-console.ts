// Renders a view as plain terminal text; buttons become numbered choices, and a preselected button
// is the one Enter presses.
import type { View } from "../../core/views/view.ts";
import { renderMentions } from "../../core/views/user-mention.ts";
import { renderTimes } from "../../core/views/time-mention.ts";
import { renderPlaces } from "../../core/views/place-mention.ts";

/** `nameOf` names the people a view mentions (the console knows only its own person); others show as their id. */
export function renderConsole(
  view: View,
  nameOf: (userId: string) => string | undefined = () => undefined,
): { text: string; actions: string[]; preselected?: { action: string; label: string } } {
  const plain = (s: string) => stripMarkdown(s, nameOf);
  const lines: string[] = [];
  if (view.title) lines.push(`== ${plain(view.title)} ==`);
  for (const paragraph of view.body) lines.push(plain(paragraph));
  if (view.footer) lines.push(`(${plain(view.footer)})`);
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

function stripMarkdown(s: string, nameOf: (userId: string) => string | undefined): string {
  return renderPlaces(
    renderTimes(
      renderMentions(s, (userId) => nameOf(userId) ?? userId),
      (at) => at.toLocaleTimeString(),
    ),
    (place) => `#${place.channelId}`,
  )
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1");
}
