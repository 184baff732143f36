// A click on one of the bot's buttons: its custom id is the core's action id.
import type { ButtonInteraction } from "discord.js";
import type { HandlerContext } from "./handler-context.ts";

export async function handleButton(ctx: HandlerContext, interaction: ButtonInteraction): Promise<void> {
  await ctx.answer(interaction, async () => ctx.bot.click(await ctx.actor(interaction), interaction.customId, ctx.now()));
}
