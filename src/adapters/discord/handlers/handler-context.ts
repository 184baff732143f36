// What every interaction handler needs from the router.
import type { Client, Interaction } from "discord.js";
import type { Bot } from "../../../core/bot.ts";
import type { Actor } from "../../../core/identity.ts";
import type { Reply } from "../../../core/views/view.ts";
import type { Answerable } from "../answer-interaction.ts";

export interface HandlerContext {
  bot: Bot;
  client: Client;
  now: () => Date;
  actor(interaction: Interaction): Promise<Actor>;
  /**
   * Answers with the core's reply within Discord's 3 seconds; `deferFirst` acknowledges before the work
   * starts (clicks that come in bursts).
   */
  answer(interaction: Answerable, work: () => Promise<Reply>, o?: { deferFirst?: boolean }): Promise<void>;
}
