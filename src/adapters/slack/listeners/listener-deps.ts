// What every Slack listener needs from the adapter, handed to each listener's register().
import type { WebClient } from "@slack/web-api";
import type { Bot } from "../../../core/bot.ts";
import type { Actor } from "../../../core/identity.ts";
import type { Logger } from "../../../ops/logger.ts";
import type { PictureDrawer } from "../../../pictures/picture-drawer.ts";
import type { KnownName } from "../../shared/attached-picture.ts";
import type { SlackWho } from "../slack-actor.ts";
import type { SlackWork } from "../slack-work.ts";

export interface ListenerDeps {
  bot: Bot;
  logger: Logger;
  now: () => Date;
  /** The slash command's name (SLACK_COMMAND). */
  command: string;
  /** Downloads the files people upload. */
  botToken: string;
  /** False once the adapter is stopping: deliveries are then acknowledged and dropped. */
  accepting: () => boolean;
  actor: (client: WebClient, who: SlackWho) => Promise<Actor>;
  work: SlackWork;
  /** Draws the pictures replies carry (/stats, /leaderboard); without it, replies go as text only. */
  pictures?: PictureDrawer | undefined;
  /** Names already known for people (from users.info answers the bot had anyway), for board pictures. */
  nameOf?: KnownName | undefined;
}
