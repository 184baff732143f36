// Who is acting in a Slack payload, as the core names them, with the language and admin flag that
// users.info reports (cached by SlackLocales).
import type { WebClient } from "@slack/web-api";
import type { Actor } from "../../core/identity.ts";
import { slackTeamId, slackUserId } from "../shared/platform-ids.ts";
import type { SlackLocales } from "./slack-locales.ts";

export interface SlackWho {
  userId: string;
  /** The person's own team (a Slack Connect user keeps theirs). */
  homeTeamId: string;
  /** The workspace the interaction happens in. */
  workspace: string;
  enterpriseId: string | null | undefined;
  channelId?: string | undefined;
}

export async function slackActor(locales: SlackLocales, client: WebClient, who: SlackWho): Promise<Actor> {
  const info = await locales.of(client, who.userId);
  return {
    userId: slackUserId({ enterpriseId: who.enterpriseId, homeTeamId: who.homeTeamId, userId: who.userId }),
    teamId: slackTeamId(who.workspace),
    clientLocale: info.locale,
    isAdmin: info.isAdmin,
    channelId: who.channelId,
  };
}
