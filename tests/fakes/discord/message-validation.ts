// The limits Discord enforces on message, modal, autocomplete and command bodies, answered the way Discord does
// (400, code 50035 "Invalid Form Body" with nested `errors`), so a bot that breaks a limit fails in tests too.
import { ApplicationCommandType, ComponentType } from "discord.js";
import { DiscordErrors, type DiscordErrorBody } from "./payloads.ts";

export interface FieldError {
  path: (string | number)[];
  code: string;
  message: string;
}

const IS_COMPONENTS_V2_FLAG = 1 << 15;
const COMMAND_NAME = /^[-_\p{L}\p{N}\p{sc=Deva}\p{sc=Thai}]{1,32}$/u;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

class Checker {
  readonly errors: FieldError[] = [];

  maxLength(path: FieldError["path"], value: unknown, max: number): void {
    if (typeof value === "string" && [...value].length > max) {
      this.errors.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` });
    }
  }

  lengthBetween(path: FieldError["path"], value: unknown, min: number, max: number): void {
    const length = typeof value === "string" ? [...value].length : -1;
    if (length < min || length > max) {
      this.errors.push({ path, code: "BASE_TYPE_BAD_LENGTH", message: `Must be between ${min} and ${max} in length.` });
    }
  }

  maxItems(path: FieldError["path"], value: unknown, max: number): void {
    if (Array.isArray(value) && value.length > max) {
      this.errors.push({ path, code: "BASE_TYPE_MAX_LENGTH", message: `Must be ${max} or fewer in length.` });
    }
  }

  fail(path: FieldError["path"], code: string, message: string): void {
    this.errors.push({ path, code, message });
  }
}

/**
 * Checks a message create/edit body; `isCreate` also rejects empty messages. Returns an error body or null.
 * `at` prefixes error paths: an interaction callback nests the message under `data`.
 */
export function validateMessageBody(
  body: Json,
  options: { isCreate: boolean; hasFiles?: boolean; at?: string[] },
): DiscordErrorBody | null {
  const check = new Checker();
  const flags = typeof body["flags"] === "number" ? body["flags"] : 0;
  const componentsV2 = (flags & IS_COMPONENTS_V2_FLAG) !== 0;

  check.maxLength(["content"], body["content"], 2000);
  if (componentsV2 && typeof body["content"] === "string" && body["content"] !== "") {
    check.fail(
      ["content"],
      "MESSAGE_CANNOT_USE_LEGACY_FIELDS_WITH_COMPONENTS_V2",
      "The 'content' field cannot be used when using MessageFlags.IS_COMPONENTS_V2",
    );
  }

  const embeds = asArray(body["embeds"]);
  check.maxItems(["embeds"], body["embeds"], 10);
  let embedChars = 0;
  embeds.forEach((embed, i) => {
    if (!isObject(embed)) return;
    const path = ["embeds", i];
    check.maxLength([...path, "title"], embed["title"], 256);
    check.maxLength([...path, "description"], embed["description"], 4096);
    check.maxItems([...path, "fields"], embed["fields"], 25);
    const footer = isObject(embed["footer"]) ? embed["footer"] : {};
    const author = isObject(embed["author"]) ? embed["author"] : {};
    check.maxLength([...path, "footer", "text"], footer["text"], 2048);
    check.maxLength([...path, "author", "name"], author["name"], 256);
    embedChars += textLength(embed["title"]) + textLength(embed["description"]) + textLength(footer["text"]) + textLength(author["name"]);
    asArray(embed["fields"]).forEach((field, j) => {
      if (!isObject(field)) return;
      check.lengthBetween([...path, "fields", j, "name"], field["name"], 1, 256);
      check.lengthBetween([...path, "fields", j, "value"], field["value"], 1, 1024);
      embedChars += textLength(field["name"]) + textLength(field["value"]);
    });
  });
  if (embedChars > 6000) check.fail(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");

  if (!componentsV2) checkLegacyComponents(check, body["components"]);
  checkCustomIdsUnique(check, body["components"]);

  if (options.isCreate && check.errors.length === 0) {
    const hasContent = typeof body["content"] === "string" && body["content"].trim() !== "";
    const hasAnything =
      hasContent ||
      embeds.length > 0 ||
      asArray(body["components"]).length > 0 ||
      asArray(body["sticker_ids"]).length > 0 ||
      isObject(body["poll"]) ||
      options.hasFiles === true;
    if (!hasAnything) return { ...DiscordErrors.emptyMessage };
  }
  return toErrorBody(check.errors.map((error) => ({ ...error, path: [...(options.at ?? []), ...error.path] })));
}

function checkLegacyComponents(check: Checker, components: unknown): void {
  check.maxItems(["components"], components, 5);
  asArray(components).forEach((row, i) => {
    if (!isObject(row)) return;
    const path = ["components", i];
    if (row["type"] !== ComponentType.ActionRow) {
      check.fail([...path, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1,).');
      return;
    }
    const children = asArray(row["components"]);
    if (children.length === 0) check.fail([...path, "components"], "BASE_TYPE_MIN_LENGTH", "Must be 1 or more in length.");
    check.maxItems([...path, "components"], row["components"], 5);
    const hasSelect = children.some((child) => isObject(child) && child["type"] !== ComponentType.Button);
    if (hasSelect && children.length > 1) {
      check.fail([...path, "components"], "COMPONENT_LAYOUT_WIDTH_EXCEEDED", "The specified component exceeds the maximum width");
    }
    children.forEach((child, j) => {
      if (!isObject(child)) return;
      const childPath = [...path, "components", j];
      if (child["type"] === ComponentType.Button) {
        check.maxLength([...childPath, "label"], child["label"], 80);
        const isLink = child["style"] === 5 || child["style"] === 6; // link and premium buttons carry no custom_id
        if (!isLink) check.lengthBetween([...childPath, "custom_id"], child["custom_id"], 1, 100);
        if (child["style"] === 5 && typeof child["url"] !== "string")
          check.fail([...childPath, "url"], "BASE_TYPE_REQUIRED", "This field is required");
      } else {
        check.lengthBetween([...childPath, "custom_id"], child["custom_id"], 1, 100);
        if (child["type"] === ComponentType.StringSelect) {
          const selectOptions = asArray(child["options"]);
          if (selectOptions.length < 1 || selectOptions.length > 25) {
            check.fail([...childPath, "options"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
          }
          selectOptions.forEach((option, k) => {
            if (!isObject(option)) return;
            check.lengthBetween([...childPath, "options", k, "label"], option["label"], 1, 100);
            check.lengthBetween([...childPath, "options", k, "value"], option["value"], 1, 100);
          });
        }
      }
    });
  });
}

function checkCustomIdsUnique(check: Checker, components: unknown): void {
  const seen = new Set<string>();
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) {
      node.forEach((child, i) => visit(child, [...path, i]));
      return;
    }
    if (!isObject(node)) return;
    const customId = node["custom_id"];
    if (typeof customId === "string") {
      if (seen.has(customId))
        check.fail([...path, "custom_id"], "COMPONENT_CUSTOM_ID_DUPLICATED", "Component custom id cannot be duplicated");
      seen.add(customId);
    }
    for (const key of ["components", "component", "accessory"]) {
      if (key in node) visit(node[key], [...path, key]);
    }
  };
  visit(components, ["components"]);
}

/** Top-level components a modal takes: action rows of text inputs (the legacy layout), labels, text displays. */
const MODAL_TOP_LEVEL = new Set<unknown>([ComponentType.ActionRow, ComponentType.Label, ComponentType.TextDisplay]);

/**
 * Callback type 9: title <= 45, custom_id 1-100, 1-5 top-level components (action rows holding only
 * text inputs, labels, text displays), text inputs <= 4000; a label (1-45 chars, description <= 100)
 * wraps one text input or select, and a string select has 1-25 options of 1-100 chars.
 */
export function validateModal(data: Json): DiscordErrorBody | null {
  const check = new Checker();
  check.lengthBetween(["data", "title"], data["title"], 1, 45);
  check.lengthBetween(["data", "custom_id"], data["custom_id"], 1, 100);
  const components = asArray(data["components"]);
  if (components.length < 1 || components.length > 5) {
    check.fail(["data", "components"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 5 in length.");
  }
  components.forEach((component, i) => {
    const type = isObject(component) ? component["type"] : undefined;
    if (!MODAL_TOP_LEVEL.has(type))
      check.fail(["data", "components", i, "type"], "UNION_TYPE_CHOICES", 'Value of field "type" must be one of (1, 10, 18).');
    if (type === ComponentType.ActionRow && isObject(component)) {
      asArray(component["components"]).forEach((child, j) => {
        if (!isObject(child) || child["type"] !== ComponentType.TextInput)
          check.fail(
            ["data", "components", i, "components", j, "type"],
            "UNION_TYPE_CHOICES",
            'Value of field "type" must be one of (4,).',
          );
      });
    }
    if (type === ComponentType.Label && isObject(component)) {
      check.lengthBetween(["data", "components", i, "label"], component["label"], 1, 45);
      check.maxLength(["data", "components", i, "description"], component["description"], 100);
      if (!isObject(component["component"]))
        check.fail(["data", "components", i, "component"], "BASE_TYPE_REQUIRED", "This field is required");
    }
  });
  const visit = (node: unknown, path: (string | number)[]): void => {
    if (Array.isArray(node)) return node.forEach((child, i) => visit(child, [...path, i]));
    if (!isObject(node)) return;
    if (node["type"] === ComponentType.StringSelect) {
      check.lengthBetween([...path, "custom_id"], node["custom_id"], 1, 100);
      check.maxLength([...path, "placeholder"], node["placeholder"], 150);
      const options = asArray(node["options"]);
      if (options.length < 1 || options.length > 25)
        check.fail([...path, "options"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 25 in length.");
      options.forEach((option, k) => {
        if (!isObject(option)) return;
        check.lengthBetween([...path, "options", k, "label"], option["label"], 1, 100);
        check.lengthBetween([...path, "options", k, "value"], option["value"], 1, 100);
        check.maxLength([...path, "options", k, "description"], option["description"], 100);
      });
    }
    if (node["type"] === ComponentType.TextInput) {
      check.lengthBetween([...path, "custom_id"], node["custom_id"], 1, 100);
      check.maxLength([...path, "label"], node["label"], 45);
      check.maxLength([...path, "value"], node["value"], 4000);
      if (typeof node["max_length"] === "number" && node["max_length"] > 4000) {
        check.fail([...path, "max_length"], "NUMBER_TYPE_MAX", "int value should be less than or equal to 4000.");
      }
    }
    for (const key of ["components", "component"]) if (key in node) visit(node[key], [...path, key]);
  };
  visit(components, ["data", "components"]);
  checkCustomIdsUnique(check, components);
  return toErrorBody(check.errors);
}

/** Callback type 8: at most 25 choices, names 1-100 chars, string values <= 100 chars. */
export function validateAutocompleteChoices(data: Json): DiscordErrorBody | null {
  const check = new Checker();
  check.maxItems(["data", "choices"], data["choices"], 25);
  asArray(data["choices"]).forEach((choice, i) => {
    if (!isObject(choice)) return;
    check.lengthBetween(["data", "choices", i, "name"], choice["name"], 1, 100);
    check.maxLength(["data", "choices", i, "value"], choice["value"], 100);
  });
  return toErrorBody(check.errors);
}

/** A bulk-overwrite body: names, descriptions, options, choices and localizations within Discord's limits. */
export function validateCommands(commands: unknown[]): DiscordErrorBody | null {
  const check = new Checker();
  const seen = new Set<string>();
  commands.forEach((command, i) => {
    if (!isObject(command)) return check.fail([i], "MODEL_TYPE_CONVERT", "Only dictionaries may be used in a ModelType");
    const type = (command["type"] as number | undefined) ?? ApplicationCommandType.ChatInput;
    const isChatInput = type === ApplicationCommandType.ChatInput;
    checkCommandName(check, [i, "name"], command["name"], isChatInput);
    for (const [locale, name] of Object.entries(isObject(command["name_localizations"]) ? command["name_localizations"] : {})) {
      checkCommandName(check, [i, "name_localizations", locale], name, isChatInput);
    }
    if (isChatInput) {
      check.lengthBetween([i, "description"], command["description"], 1, 100);
      for (const [locale, text] of Object.entries(
        isObject(command["description_localizations"]) ? command["description_localizations"] : {},
      )) {
        check.lengthBetween([i, "description_localizations", locale], text, 1, 100);
      }
    }
    const key = `${type}:${String(command["name"])}`;
    if (seen.has(key)) check.fail([i, "name"], "APPLICATION_COMMANDS_DUPLICATE_NAME", `Application command names must be unique`);
    seen.add(key);
    checkOptions(check, [i, "options"], command["options"]);
  });
  return toErrorBody(check.errors);
}

function checkCommandName(check: Checker, path: FieldError["path"], name: unknown, lowercase: boolean): void {
  if (typeof name !== "string" || !COMMAND_NAME.test(name) || (lowercase && name !== name.toLowerCase())) {
    check.fail(path, "APPLICATION_COMMAND_INVALID_NAME", `Command name is invalid`);
  }
}

function checkOptions(check: Checker, path: FieldError["path"], options: unknown): void {
  check.maxItems(path, options, 25);
  asArray(options).forEach((option, j) => {
    if (!isObject(option)) return;
    checkCommandName(check, [...path, j, "name"], option["name"], true);
    check.lengthBetween([...path, j, "description"], option["description"], 1, 100);
    check.maxItems([...path, j, "choices"], option["choices"], 25);
    if (Array.isArray(option["options"])) checkOptions(check, [...path, j, "options"], option["options"]);
  });
}

function textLength(value: unknown): number {
  return typeof value === "string" ? [...value].length : 0;
}

/** Nests `[{ path: ["embeds", 0, "title"] }]` into `{ embeds: { 0: { title: { _errors: [...] } } } }`. */
function toErrorBody(errors: FieldError[]): DiscordErrorBody | null {
  if (errors.length === 0) return null;
  const nested: Json = {};
  for (const error of errors) {
    let node = nested;
    for (const key of error.path) {
      const next = node[String(key)];
      node = isObject(next) ? next : (node[String(key)] = {});
    }
    const list = (node["_errors"] as unknown[] | undefined) ?? (node["_errors"] = []);
    list.push({ code: error.code, message: error.message });
  }
  return { ...DiscordErrors.invalidFormBody, errors: nested };
}
