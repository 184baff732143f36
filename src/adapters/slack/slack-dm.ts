// The app's direct message with a person. Slack opens (or finds) it with conversations.open; a
// message posted to a user id lands there too, which is the fallback when no channel comes back.
import type { WebClient } from "@slack/web-api";
import type { SlackMessage } from "./render-slack.ts";

/** The DM's channel id, or undefined when Slack names none. */
export async function openDm(client: WebClient, userId: string): Promise<string | undefined> {
  return (await client.conversations.open({ users: userId })).channel?.id;
}

export async function postToDm(client: WebClient, userId: string, message: SlackMessage): Promise<void> {
  await client.chat.postMessage({ channel: (await openDm(client, userId)) ?? userId, ...message });
}
