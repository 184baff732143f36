// A click on one of the bot's buttons: its custom id is the core's action id.
import type { ButtonInteraction } from "discord.js";
import { parseAction } from "../../../core/actions/action-id.ts";
import type { HandlerContext } from "./handler-context.ts";

export async function handleButton(ctx: HandlerContext, interaction: ButtonInteraction): Promise<void> {
  // A live round's question is answered by a whole channel within seconds: each click is acknowledged
  // before its answer is recorded, so that the burst's database work cannot hold the acknowledgements
  // past Discord's 3 seconds. The private "locked in" follows.
  const deferFirst = parseAction(interaction.customId)?.kind === "game-answer";
  await ctx.answer(interaction, async () => ctx.bot.click(await ctx.actor(interaction), interaction.customId, ctx.now()), { deferFirst });
}
