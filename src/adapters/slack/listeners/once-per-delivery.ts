// Slack re-delivers what it thinks failed (HTTP retries, a repeated Socket Mode envelope): each
// interaction is handled once per process; ratings are idempotent across processes anyway. A stopping
// adapter acknowledges what still arrives and handles nothing.
import type { AnyMiddlewareArgs, Middleware } from "@slack/bolt";
import { RecentIds } from "../../shared/recent-ids.ts";

interface DeliveryBody {
  event_id?: string;
  trigger_id?: string;
  actions?: { action_ts?: string }[];
  user?: { id?: string };
}

/** The id that a repeated delivery repeats, when the payload has one. */
function deliveryKey(body: DeliveryBody): string | undefined {
  return body.event_id ?? body.trigger_id ?? (body.actions?.[0]?.action_ts ? `${body.user?.id}:${body.actions[0].action_ts}` : undefined);
}

export function oncePerDelivery(accepting: () => boolean): Middleware<AnyMiddlewareArgs> {
  const recent = new RecentIds();
  return async (args) => {
    const key = deliveryKey(args.body as DeliveryBody);
    if (!accepting() || (key !== undefined && !recent.firstTime(key))) {
      if ("ack" in args && typeof args.ack === "function") await args.ack();
      return;
    }
    await args.next();
  };
}
