// The commands people send, as the core understands them, whatever the platform. Adapters build
// them from slash-command options (Discord) or text (Slack, console); text parsing lives here
// because it is the same everywhere.
import type { SettingsInput } from "../settings/settings.ts";

export type Command =
  | { name: "study"; topic?: string | undefined }
  | { name: "quiz"; topic?: string | undefined; count?: number | undefined }
  | { name: "stats" }
  | { name: "topics" }
  | { name: "settings"; changes: SettingsInput }
  | { name: "undo" }
  | { name: "help" };

export const COMMAND_NAMES = ["study", "quiz", "stats", "topics", "settings", "undo", "help"] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
