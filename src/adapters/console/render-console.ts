// Renders a view as plain terminal text; buttons become numbered choices.
import type { View } from "../../core/views/view.ts";
import { renderMentions } from "../../core/views/user-mention.ts";

export function renderConsole(view: View): { text: string; actions: string[] } {
  const lines: string[] = [];
  if (view.title) lines.push(`== ${stripMarkdown(view.title)} ==`);
  for (const paragraph of view.body) lines.push(stripMarkdown(paragraph));
  if (view.footer) lines.push(`(${stripMarkdown(view.footer)})`);
  const actions: string[] = [];
  const buttons = view.buttons.flat();
  if (buttons.length > 0) {
    lines.push(buttons.map((b) => `[${actions.push(b.action)}] ${b.label}`).join("  "));
  }
  return { text: lines.join("\n"), actions };
}

function stripMarkdown(s: string): string {
  return renderMentions(s, (userId) => userId)
    .replace(/\*\*(.+?)\*\*/g, "$1")
    .replace(/`([^`]+)`/g, "$1");
}
