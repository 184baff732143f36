import type { App } from "@slack/bolt";
import type { ListenerDeps } from "../listener-deps.ts";
import { slashCommand } from "./slash-command.ts";

export function register(app: App, deps: ListenerDeps): void {
  app.command(deps.command, slashCommand(deps));
}
