import type { App } from "@slack/bolt";
import { DECK_IMPORT_CALLBACK } from "../../slack-files.ts";
import type { ListenerDeps } from "../listener-deps.ts";
import { deckImportSubmitted } from "./deck-import-submitted.ts";
import { formSubmitted } from "./form-submitted.ts";

export function register(app: App, deps: ListenerDeps): void {
  app.view(DECK_IMPORT_CALLBACK, deckImportSubmitted(deps));
  // A core form's callback id is its action id.
  app.view({ callback_id: /^rs:/, type: "view_submission" }, formSubmitted(deps));
}
