// Every Slack listener, registered on the app: each folder maps Slack's ids to its handlers.
import type { App } from "@slack/bolt";
import * as actions from "./actions/index.ts";
import * as commands from "./commands/index.ts";
import * as events from "./events/index.ts";
import type { ListenerDeps } from "./listener-deps.ts";
import { oncePerDelivery } from "./once-per-delivery.ts";
import * as views from "./views/index.ts";

export function registerListeners(app: App, deps: ListenerDeps): void {
  app.use(oncePerDelivery(deps.accepting));
  commands.register(app, deps);
  actions.register(app, deps);
  views.register(app, deps);
  events.register(app, deps);
  app.error(async (error) => {
    deps.logger.error({ err: error }, "slack error");
  });
}
