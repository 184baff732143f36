// Platform-neutral views: what the core answers with. Adapters render them as Discord messages,
// Slack blocks or console text, and turn a clicked button's action id back into a core call.
import type { PictureAttachment } from "./picture.ts";

export type ButtonStyle = "primary" | "secondary" | "success" | "danger";

export interface Button {
  /** Opaque to adapters; parsed by the core (src/core/actions/action-id.ts). At most 100 characters. */
  action: string;
  label: string;
  style: ButtonStyle;
  /** The button to press when the user just confirms (Enter in the console); platforms without one ignore it. */
  preselected?: boolean;
}

export type Tone = "neutral" | "info" | "success" | "warning" | "error";

export interface View {
  title?: string;
  /** Paragraphs in light markdown: **bold** and line breaks only. */
  body: string[];
  /** A short, quiet line under the body. */
  footer?: string;
  /** Rows of at most five buttons. */
  buttons: Button[][];
  tone: Tone;
}

/**
 * How to deliver a view: `update` replaces the message the user is working in (or is the first
 * reply to a command); `notice` is a short private message beside it, leaving the session intact.
 */
export interface Reply {
  mode: "update" | "notice";
  view: View;
  /** Files that go with the view (exports): adapters attach or upload them privately. */
  files?: ReplyFile[];
  /** A picture of the view's numbers, drawn and attached by the adapter; the view's text says the same. */
  picture?: PictureAttachment;
  /**
   * A form to open instead (a Discord or Slack modal, console prompts); `view` is the notice for
   * when it cannot be opened any more (Discord: only a first response can open one).
   */
  form?: Form;
}

/** One question of a form: a choice of fixed options, or a line of text. */
export type FormField =
  | { kind: "choice"; id: string; label: string; options: { value: string; label: string }[] }
  | { kind: "text"; id: string; label: string; placeholder: string; maxLength: number; required: boolean };

/**
 * A short form: at most five fields, a title of at most 24 characters (Slack's modal limit; Discord
 * allows 45). Its answers come back to the core as field id -> value with `action`.
 */
export interface Form {
  /** Opaque to adapters; parsed by the core (src/core/actions/action-id.ts). At most 100 characters. */
  action: string;
  title: string;
  submit: string;
  cancel: string;
  fields: FormField[];
}

export interface ReplyFile {
  name: string;
  contentType: string;
  content: string;
}

export function view(partial: Partial<View> & Pick<View, "body">): View {
  return { buttons: [], tone: "neutral", ...partial };
}

export function update(v: View): Reply {
  return { mode: "update", view: v };
}

export function notice(v: View): Reply {
  return { mode: "notice", view: v };
}

/** The rows with any button whose action already appeared dropped: platforms refuse repeated ids in one message. */
export function uniqueButtons(rows: Button[][]): Button[][] {
  const seen = new Set<string>();
  return rows.map((row) => row.filter((b) => !seen.has(b.action) && seen.add(b.action))).filter((row) => row.length > 0);
}

/** Splits buttons into rows of at most `perRow`. */
export function rows(buttons: Button[], perRow = 5): Button[][] {
  const out: Button[][] = [];
  for (let i = 0; i < buttons.length; i += perRow) out.push(buttons.slice(i, i + perRow));
  return out;
}
