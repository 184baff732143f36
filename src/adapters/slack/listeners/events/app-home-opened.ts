// The App Home tab, published afresh each time the person opens it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { renderBlocks, SLACK_LIMITS } from "../../render-slack.ts";
import type { ListenerDeps } from "../listener-deps.ts";

export function appHomeOpened(deps: ListenerDeps) {
  const { bot, now } = deps;
  return async ({ event, body, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    const envelope = body as { team_id: string; enterprise_id?: string };
    await deps.work(
      "home",
      { team: envelope.team_id, user: event.user },
      async () => {
        const actor = await deps.actor(client, {
          userId: event.user,
          homeTeamId: envelope.team_id,
          workspace: envelope.team_id,
          enterpriseId: envelope.enterprise_id,
        });
        const view = await bot.home(actor, now());
        await client.views.publish({ user_id: event.user, view: { type: "home", blocks: renderBlocks(view, SLACK_LIMITS.blocksPerView) } });
      },
      async () => undefined,
    );
  };
}
