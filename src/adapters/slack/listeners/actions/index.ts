import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { buttonClick } from "./button-click.ts";

export function register(app: App, deps: ListenerDeps): void {
  // Every button carries a core action id, so one listener takes them all.
  app.action({ type: "block_actions" }, buttonClick(deps));
}
