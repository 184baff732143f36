// Who is acting in a Discord interaction, as the core names them. In a server the team is the server
// and Manage Server makes an admin; in DMs it is the server the person chose to count them for, else
// their personal team.
import { PermissionFlagsBits, type Interaction } from "discord.js";
import type { Bot } from "../../core/bot.ts";
import type { Actor } from "../../core/identity.ts";
import { toLocale } from "../../core/i18n/locale.ts";
import { discordPersonalTeamId, discordTeamId, discordUserId } from "../shared/platform-ids.ts";

export async function discordActor(bot: Bot, interaction: Interaction): Promise<Actor> {
  const userId = discordUserId(interaction.user.id);
  const clientLocale = toLocale(interaction.locale);
  if (interaction.guildId) {
    return {
      userId,
      teamId: discordTeamId(interaction.guildId),
      clientLocale,
      isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
      channelId: interaction.channelId ?? undefined,
    };
  }
  const personal: Actor = { userId, teamId: discordPersonalTeamId(interaction.user.id), clientLocale };
  return { ...personal, teamId: await bot.directMessageTeam(personal) };
}
