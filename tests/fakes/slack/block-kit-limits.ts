/**
 * The Block Kit limits Slack enforces (docs/platform-facts.md), checked so a test fails the way Slack
 * would (`invalid_blocks`) instead of passing with a message Slack rejects. Only the limits a study bot
 * is likely to hit are checked; this is not a full Block Kit validator.
 */

export const BLOCK_LIMITS = {
  messageBlocks: 50,
  surfaceBlocks: 100, // modals and App Home
  actionsElements: 25,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  fileInputMaxFiles: 10,
  // Modals (the Block Kit reference: view payloads, input blocks, select menus, plain-text inputs).
  modalTitle: 24,
  modalButton: 24,
  callbackId: 255,
  privateMetadata: 3000,
  inputLabel: 2000,
  selectOptions: 100,
  optionText: 75,
  optionValue: 150,
  placeholder: 150,
  plainTextInputMax: 3000,
} as const;

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

/** Returns Slack-like error strings, empty when the blocks are within limits. */
export function blockKitProblems(blocks: unknown, surface: "message" | "view"): string[] {
  if (blocks === undefined) return [];
  if (!Array.isArray(blocks)) return ["blocks must be an array"];
  const problems: string[] = [];
  const maxBlocks = surface === "message" ? BLOCK_LIMITS.messageBlocks : BLOCK_LIMITS.surfaceBlocks;
  if (blocks.length > maxBlocks) {
    problems.push(`no more than ${maxBlocks} items allowed [json-pointer:/blocks]`);
  }
  blocks.forEach((block, index) => {
    if (!isRecord(block) || typeof block.type !== "string") {
      problems.push(`missing required field: type [json-pointer:/blocks/${index}]`);
      return;
    }
    const elements = Array.isArray(block.elements) ? block.elements : [];
    if (block.type === "actions" && elements.length > BLOCK_LIMITS.actionsElements) {
      problems.push(`no more than ${BLOCK_LIMITS.actionsElements} items allowed [json-pointer:/blocks/${index}/elements]`);
    }
    const interactive = block.type === "actions" ? elements : isRecord(block.accessory) ? [block.accessory] : [];
    interactive.forEach((element, elementIndex) => {
      const pointer = `/blocks/${index}/${block.type === "actions" ? `elements/${elementIndex}` : "accessory"}`;
      problems.push(...elementProblems(element, pointer));
      if (isRecord(element) && element.type === "file_input") {
        problems.push(`file_input is only allowed in an input block [json-pointer:${pointer}/type]`);
      }
    });
    if (block.type === "input" && isRecord(block.element)) {
      const pointer = `/blocks/${index}/element`;
      problems.push(...elementProblems(block.element, pointer));
      if (block.element.type === "file_input") {
        if (surface === "message") problems.push(`file_input is only allowed in modals [json-pointer:${pointer}/type]`);
        problems.push(...fileInputProblems(block.element, pointer));
      }
    }
  });
  return problems;
}

function elementProblems(element: unknown, pointer: string): string[] {
  if (!isRecord(element)) return [];
  const problems: string[] = [];
  if (typeof element.action_id === "string" && element.action_id.length > BLOCK_LIMITS.actionId) {
    problems.push(`must be less than ${BLOCK_LIMITS.actionId + 1} characters [json-pointer:${pointer}/action_id]`);
  }
  if (element.type === "button") {
    const text = isRecord(element.text) ? element.text.text : undefined;
    if (typeof text === "string" && text.length > BLOCK_LIMITS.buttonText) {
      problems.push(`must be less than ${BLOCK_LIMITS.buttonText + 1} characters [json-pointer:${pointer}/text]`);
    }
    if (typeof element.value === "string" && element.value.length > BLOCK_LIMITS.buttonValue) {
      problems.push(`must be less than ${BLOCK_LIMITS.buttonValue + 1} characters [json-pointer:${pointer}/value]`);
    }
  }
  return problems;
}

/** file_input: `max_files` 1-10, `filetypes` a list of extensions (the Block Kit reference). */
function fileInputProblems(element: Record<string, unknown>, pointer: string): string[] {
  const problems: string[] = [];
  const maxFiles = element.max_files;
  if (maxFiles !== undefined) {
    if (typeof maxFiles !== "number" || !Number.isInteger(maxFiles)) {
      problems.push(`must be an integer [json-pointer:${pointer}/max_files]`);
    } else if (maxFiles < 1 || maxFiles > BLOCK_LIMITS.fileInputMaxFiles) {
      problems.push(`must be between 1 and ${BLOCK_LIMITS.fileInputMaxFiles} [json-pointer:${pointer}/max_files]`);
    }
  }
  const filetypes = element.filetypes;
  if (filetypes !== undefined && (!Array.isArray(filetypes) || filetypes.some((type) => typeof type !== "string" || type === ""))) {
    problems.push(`must be an array of file extensions [json-pointer:${pointer}/filetypes]`);
  }
  return problems;
}

const textOf = (value: unknown): string | undefined => (isRecord(value) && typeof value.text === "string" ? value.text : undefined);

/**
 * A modal's own limits, beyond its blocks: a plain-text title of 1-24 characters, submit and close
 * labels of at most 24, a submit button when it has input blocks, callback_id <= 255 and
 * private_metadata <= 3000 characters; input labels <= 2000; static selects with 1-100 options of
 * text <= 75 and value <= 150; plain-text inputs with max_length <= 3000 and placeholders <= 150.
 */
export function modalProblems(view: Record<string, unknown>): string[] {
  if (view.type !== "modal") return [];
  const problems: string[] = [];
  const title = textOf(view.title);
  if (title === undefined || title.length === 0) problems.push("missing required field: title [json-pointer:/view/title]");
  else if (title.length > BLOCK_LIMITS.modalTitle)
    problems.push(`must be less than ${BLOCK_LIMITS.modalTitle + 1} characters [json-pointer:/view/title/text]`);
  for (const key of ["submit", "close"] as const) {
    const text = textOf(view[key]);
    if (text !== undefined && text.length > BLOCK_LIMITS.modalButton)
      problems.push(`must be less than ${BLOCK_LIMITS.modalButton + 1} characters [json-pointer:/view/${key}/text]`);
  }
  if (typeof view.callback_id === "string" && view.callback_id.length > BLOCK_LIMITS.callbackId)
    problems.push(`must be less than ${BLOCK_LIMITS.callbackId + 1} characters [json-pointer:/view/callback_id]`);
  if (typeof view.private_metadata === "string" && view.private_metadata.length > BLOCK_LIMITS.privateMetadata)
    problems.push(`must be less than ${BLOCK_LIMITS.privateMetadata + 1} characters [json-pointer:/view/private_metadata]`);
  const blocks = Array.isArray(view.blocks) ? view.blocks : [];
  if (blocks.some((b) => isRecord(b) && b.type === "input") && textOf(view.submit) === undefined)
    problems.push("a modal with input blocks needs a submit button [json-pointer:/view/submit]");
  blocks.forEach((block, index) => {
    if (!isRecord(block) || block.type !== "input") return;
    const label = textOf(block.label);
    if (label === undefined || label.length === 0) problems.push(`missing required field: label [json-pointer:/blocks/${index}/label]`);
    else if (label.length > BLOCK_LIMITS.inputLabel)
      problems.push(`must be less than ${BLOCK_LIMITS.inputLabel + 1} characters [json-pointer:/blocks/${index}/label/text]`);
    const element = isRecord(block.element) ? block.element : {};
    const pointer = `/blocks/${index}/element`;
    const placeholder = textOf(element.placeholder);
    if (placeholder !== undefined && placeholder.length > BLOCK_LIMITS.placeholder)
      problems.push(`must be less than ${BLOCK_LIMITS.placeholder + 1} characters [json-pointer:${pointer}/placeholder/text]`);
    if (element.type === "static_select") {
      const options = Array.isArray(element.options) ? element.options : [];
      if (options.length < 1 || options.length > BLOCK_LIMITS.selectOptions)
        problems.push(`must provide between 1 and ${BLOCK_LIMITS.selectOptions} options [json-pointer:${pointer}/options]`);
      options.forEach((option, i) => {
        const text = isRecord(option) ? textOf(option.text) : undefined;
        const value = isRecord(option) ? option.value : undefined;
        if (text === undefined || text.length > BLOCK_LIMITS.optionText)
          problems.push(`must be less than ${BLOCK_LIMITS.optionText + 1} characters [json-pointer:${pointer}/options/${i}/text]`);
        if (typeof value !== "string" || value.length > BLOCK_LIMITS.optionValue)
          problems.push(`must be less than ${BLOCK_LIMITS.optionValue + 1} characters [json-pointer:${pointer}/options/${i}/value]`);
      });
    }
    if (element.type === "plain_text_input" && element.max_length !== undefined) {
      const max = element.max_length;
      if (typeof max !== "number" || !Number.isInteger(max) || max < 1 || max > BLOCK_LIMITS.plainTextInputMax)
        problems.push(`must be between 1 and ${BLOCK_LIMITS.plainTextInputMax} [json-pointer:${pointer}/max_length]`);
    }
  });
  return problems;
}
