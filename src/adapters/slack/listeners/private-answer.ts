// An answer only the person who asked sees, posted beside the original message (never replacing it).
import type { View } from "../../../core/views/view.ts";
import { renderSlack } from "../render-slack.ts";

export function privateAnswer(view: View) {
  return { response_type: "ephemeral" as const, replace_original: false, ...renderSlack(view) };
}
