// Renders a core form as a Slack modal (an input block per field: a static select for a choice, a
// plain text input for text), reads a submission's state back into field id -> value, and shows
// the core's answer in place of the form.
import type { Form, View } from "../../core/views/view.ts";
import { renderBlocks, SLACK_LIMITS } from "./render-slack.ts";

export const SLACK_MODAL_LIMITS = {
  title: 24,
  button: 24,
  label: 2000,
  placeholder: 150,
  options: 100,
  optionText: 75,
  textInput: 3000,
  privateMetadata: 3000,
} as const;

const plain = (text: string, max: number) => ({ type: "plain_text" as const, text: [...text].slice(0, max).join("") });

export function renderSlackModal(form: Form, privateMetadata: string) {
  return {
    type: "modal" as const,
    callback_id: form.action,
    private_metadata: privateMetadata.slice(0, SLACK_MODAL_LIMITS.privateMetadata),
    title: plain(form.title, SLACK_MODAL_LIMITS.title),
    submit: plain(form.submit, SLACK_MODAL_LIMITS.button),
    close: plain(form.cancel, SLACK_MODAL_LIMITS.button),
    blocks: form.fields.map((field) =>
      field.kind === "choice"
        ? {
            type: "input" as const,
            block_id: field.id,
            label: plain(field.label, SLACK_MODAL_LIMITS.label),
            element: {
              type: "static_select" as const,
              action_id: field.id,
              options: field.options
                .slice(0, SLACK_MODAL_LIMITS.options)
                .map((o) => ({ text: plain(o.label, SLACK_MODAL_LIMITS.optionText), value: o.value })),
            },
          }
        : {
            type: "input" as const,
            block_id: field.id,
            optional: !field.required,
            label: plain(field.label, SLACK_MODAL_LIMITS.label),
            element: {
              type: "plain_text_input" as const,
              action_id: field.id,
              max_length: Math.min(field.maxLength, SLACK_MODAL_LIMITS.textInput),
              placeholder: plain(field.placeholder, SLACK_MODAL_LIMITS.placeholder),
            },
          },
    ),
  };
}

type StateValues = Record<string, Record<string, { value?: string | null; selected_option?: { value?: string } | null } | undefined>>;

/** What was submitted, by block id (the field id): a select's value, an input's text. Untrusted: the core validates it. */
export function modalValues(state: unknown): Record<string, string> {
  const values: Record<string, string> = {};
  if (typeof state !== "object" || state === null) return values;
  for (const [blockId, actions] of Object.entries(state as StateValues)) {
    const input = actions?.[blockId];
    const value = input?.selected_option?.value ?? input?.value;
    if (typeof value === "string") values[blockId] = value;
  }
  return values;
}

/**
 * The answer to a submitted form, shown in the modal in its place (`response_action: "update"`). The
 * close button keeps the form's label; without one, Slack shows its own.
 */
export function answerModal(title: string, close: string | undefined, view: View) {
  return {
    type: "modal" as const,
    title: plain(title, SLACK_MODAL_LIMITS.title),
    ...(close === undefined ? {} : { close: plain(close, SLACK_MODAL_LIMITS.button) }),
    blocks: renderBlocks({ ...view, buttons: [] }, SLACK_LIMITS.blocksPerView),
  };
}
