// The commands people send, as the core understands them, whatever the platform. Adapters build
// them from slash-command options (Discord) or text (Slack, console); text parsing lives here
// because it is the same everywhere.
import type { SettingsInput } from "../settings/settings.ts";
import type { RemindOptions } from "../reminders/reminder-service.ts";
import type { TeamInput } from "../team/team-service.ts";

export type Command =
  | { name: "study"; topic?: string | undefined }
  | { name: "quiz"; topic?: string | undefined; count?: number | undefined }
  | { name: "stats" }
  | { name: "topics" }
  /** `optimize`: fit the person's FSRS parameters now (queued, answered when done). */
  | { name: "settings"; changes: SettingsInput; optimize?: boolean | undefined }
  | { name: "undo" }
  | { name: "help" }
  | { name: "leaderboard"; period?: "week" | "month" | "all" | undefined; metric?: "xp" | "streak" | "reviews" | "accuracy" | undefined }
  | ({ name: "remind" } & RemindOptions)
  | { name: "vacation"; duration?: string | undefined }
  | { name: "team"; changes: TeamInput }
  | { name: "export" }
  | { name: "forget-me" }
  | {
      name: "game";
      action: "start" | "stop";
      topic?: string | undefined;
      questions?: number | undefined;
      seconds?: number | undefined;
      mode?: "mixed" | "weak" | "due" | undefined;
    }
  | { name: "deck"; action: "list" | "reports" }
  | { name: "deck"; action: "rename"; deckId: string; deckName: string }
  | { name: "deck"; action: "retire" | "export"; deckId: string }
  | { name: "deck"; action: "import"; file: { name: string; bytes: Uint8Array; size?: number }; deckName?: string | undefined };

export const COMMAND_NAMES = [
  "study",
  "quiz",
  "stats",
  "topics",
  "settings",
  "undo",
  "help",
  "leaderboard",
  "remind",
  "vacation",
  "team",
  "export",
  "forget-me",
  "deck",
  "game",
] as const;
export type CommandName = (typeof COMMAND_NAMES)[number];
