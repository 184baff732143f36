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
