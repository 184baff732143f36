// Turns Discord interactions into core calls: one handler per interaction family (handlers/). Every
// interaction gets its first response within Discord's 3 seconds, repeated deliveries are handled
// once, and anything unexpected is logged and apologised for in one place.
import type { Client, Interaction } from "discord.js";
import type { Bot } from "../../core/bot.ts";
import type { Logger } from "../../ops/logger.ts";
import type { PictureDrawer } from "../../pictures/picture-drawer.ts";
import { drawAttached } from "../shared/attached-picture.ts";
import { observed, type Observe } from "../shared/interaction-outcome.ts";
import { discordUserId } from "../shared/platform-ids.ts";
import { RecentIds } from "../shared/recent-ids.ts";
import { SeenNames } from "../shared/seen-names.ts";
import { answerInTime } from "./answer-interaction.ts";
import { discordActor } from "./discord-actor.ts";
import { autocompleteFailed, handleAutocomplete } from "./handlers/autocomplete.ts";
import { handleButton } from "./handlers/button.ts";
import { handleChatInputCommand } from "./handlers/chat-input-command.ts";
import type { HandlerContext } from "./handlers/handler-context.ts";
import { handleModalSubmit } from "./handlers/modal-submit.ts";
import { interactionFailed } from "./interaction-failed.ts";

export interface RouterOptions {
  bot: Bot;
  logger: Logger;
  client: Client;
  /** Defer the response when the core has not answered by then (Discord allows 3 s in all). */
  deferAfterMs?: number;
  now?: () => Date;
  /** Called around each interaction, for metrics. */
  observe?: Observe;
  /** Draws the pictures replies carry (/stats, /leaderboard); without it, replies go as text only. */
  pictures?: PictureDrawer;
  /** Names of the people seen in interactions, for leaderboard pictures (one per router by default). */
  names?: SeenNames;
}

/** The interaction's name in the metrics. */
function kindOf(interaction: Interaction): string {
  if (interaction.isChatInputCommand()) return `command:${interaction.commandName}`;
  if (interaction.isButton()) return "button";
  if (interaction.isModalSubmit()) return "modal";
  if (interaction.isAutocomplete()) return "autocomplete";
  return "other";
}

export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { bot, logger } = options;
  const deferAfterMs = options.deferAfterMs ?? 1500;
  // The member cache is off (discord-client.ts), so the names a board picture can show are those of
  // the people whose interactions this process has seen: each carries its user's display name.
  const names = options.names ?? new SeenNames();
  const nameOf = (userId: string) => names.nameOf(userId);
  const ctx: HandlerContext = {
    bot,
    client: options.client,
    now: options.now ?? (() => new Date()),
    actor: (interaction) => discordActor(bot, interaction),
    answer: (interaction, work, o) =>
      answerInTime(interaction, o?.deferFirst ? 0 : deferAfterMs, work, (reply) => drawAttached(reply, options.pictures, logger, nameOf)),
  };
  const recent = new RecentIds();

  async function handle(interaction: Interaction): Promise<void> {
    if (interaction.isChatInputCommand()) await handleChatInputCommand(ctx, interaction);
    else if (interaction.isButton()) await handleButton(ctx, interaction);
    else if (interaction.isModalSubmit()) await handleModalSubmit(ctx, interaction);
    else if (interaction.isAutocomplete()) await handleAutocomplete(ctx, interaction);
  }

  return async (interaction: Interaction) => {
    // A RESUME after a reconnect can deliver an interaction again: handle each id once.
    if (!recent.firstTime(interaction.id)) return;
    names.remember(discordUserId(interaction.user.id), interaction.user.displayName);
    await observed(
      kindOf(interaction),
      options.observe,
      () => handle(interaction),
      (error) =>
        interaction.isAutocomplete() ? autocompleteFailed(logger, interaction, error) : interactionFailed(bot, logger, interaction, error),
    );
  };
}
