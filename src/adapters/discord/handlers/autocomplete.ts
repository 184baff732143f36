// Suggestions while an option is typed: topics, time zones, and the servers a person studies in (for
// counting their DMs). Discord shows at most 25, each at most 100 characters. A failure shows none.
import type { AutocompleteInteraction } from "discord.js";
import { COMMAND_TEXT } from "../../../core/i18n/command-text.ts";
import { toLocale } from "../../../core/i18n/locale.ts";
import type { Logger } from "../../../ops/logger.ts";
import { discordSnowflakeOf, discordUserId } from "../../shared/platform-ids.ts";
import { truncate } from "../../shared/truncate.ts";
import type { HandlerContext } from "./handler-context.ts";

type Choice = { name: string; value: string };

export async function handleAutocomplete(ctx: HandlerContext, interaction: AutocompleteInteraction): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const typed = String(focused.value).slice(0, 100);
  let choices: Choice[] = [];
  if (focused.name === "topic") choices = await ctx.bot.topicChoices(await ctx.actor(interaction), typed);
  else if (focused.name === "timezone" || focused.name === "time zone") choices = timeZoneChoices(typed);
  else if (focused.name === "server") choices = await serverChoices(ctx, interaction, typed);
  await interaction.respond(choices.slice(0, 25).map((c) => ({ name: truncate(c.name, 100), value: c.value.slice(0, 100) })));
}

export async function autocompleteFailed(logger: Logger, interaction: AutocompleteInteraction, error: unknown): Promise<void> {
  logger.warn({ err: error, interaction: { id: interaction.id } }, "autocomplete failed");
  await interaction.respond([]).catch(() => undefined);
}

function timeZoneChoices(typed: string): Choice[] {
  const needle = typed.toLowerCase();
  return Intl.supportedValuesOf("timeZone")
    .filter((z) => z.toLowerCase().includes(needle))
    .slice(0, 25)
    .map((z) => ({ name: z, value: z }));
}

/** "Personal", then the person's servers by name (the value is the server's id). */
async function serverChoices(ctx: HandlerContext, interaction: AutocompleteInteraction, typed: string): Promise<Choice[]> {
  const teams = await ctx.bot.memberships(discordUserId(interaction.user.id));
  const locale = toLocale(interaction.locale) ?? "en";
  return [
    { name: COMMAND_TEXT.settings.personalServer[locale], value: "personal" },
    ...teams
      .map(discordSnowflakeOf)
      .filter((id): id is string => id !== undefined)
      .map((id) => ({ name: ctx.client.guilds.cache.get(id)?.name ?? id, value: id })),
  ].filter((c) => c.name.toLowerCase().includes(typed.toLowerCase()));
}
