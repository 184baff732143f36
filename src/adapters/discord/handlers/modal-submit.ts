// A submitted modal: its answers go to the core with the modal's id; the answer is private.
import type { ModalSubmitInteraction } from "discord.js";
import { modalValues } from "../render-discord-modal.ts";
import type { HandlerContext } from "./handler-context.ts";

export async function handleModalSubmit(ctx: HandlerContext, interaction: ModalSubmitInteraction): Promise<void> {
  await ctx.answer(interaction, async () =>
    ctx.bot.submit(await ctx.actor(interaction), interaction.customId, modalValues(interaction), ctx.now()),
  );
}
