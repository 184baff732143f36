// Renders a core form as a Discord modal (a label around a string select for a choice, around a
// text input for text), and reads a submitted modal back into field id -> value.
import {
  ComponentType,
  TextInputStyle,
  type APIModalInteractionResponseCallbackData,
  type APILabelComponent,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Form, FormField } from "../../core/views/view.ts";
import { truncate } from "../shared/truncate.ts";

export const DISCORD_MODAL_LIMITS = {
  title: 45,
  components: 5,
  label: 45,
  placeholder: 100,
  optionLabel: 100,
  options: 25,
  textInput: 4000,
} as const;

function labelled(field: FormField): APILabelComponent {
  const label = truncate(field.label, DISCORD_MODAL_LIMITS.label);
  if (field.kind === "choice") {
    return {
      type: ComponentType.Label,
      label,
      component: {
        type: ComponentType.StringSelect,
        custom_id: field.id,
        min_values: 1,
        max_values: 1,
        required: true,
        options: field.options
          .slice(0, DISCORD_MODAL_LIMITS.options)
          .map((o) => ({ label: truncate(o.label, DISCORD_MODAL_LIMITS.optionLabel), value: o.value })),
      },
    };
  }
  return {
    type: ComponentType.Label,
    label,
    component: {
      type: ComponentType.TextInput,
      custom_id: field.id,
      style: TextInputStyle.Short,
      max_length: Math.min(field.maxLength, DISCORD_MODAL_LIMITS.textInput),
      required: field.required,
      placeholder: truncate(field.placeholder, DISCORD_MODAL_LIMITS.placeholder),
    },
  };
}

export function renderDiscordModal(form: Form): APIModalInteractionResponseCallbackData {
  return {
    custom_id: form.action,
    title: truncate(form.title, DISCORD_MODAL_LIMITS.title),
    components: form.fields.slice(0, DISCORD_MODAL_LIMITS.components).map(labelled),
  };
}

/** What was submitted, by field id: a select's first value, a text input's text. Untrusted: the core validates it. */
export function modalValues(interaction: ModalSubmitInteraction): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [id, field] of interaction.fields.fields) {
    if (field.type === ComponentType.TextInput && typeof field.value === "string") values[id] = field.value;
    else if (field.type === ComponentType.StringSelect && Array.isArray(field.values) && typeof field.values[0] === "string")
      values[id] = field.values[0];
  }
  return values;
}
