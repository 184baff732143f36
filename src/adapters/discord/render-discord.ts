// Renders a core view as a Discord message: an embed and rows of buttons, inside Discord's limits,
// with mention parsing off so nothing the bot echoes can ping anyone.
import { ButtonStyle, ComponentType, type APIActionRowComponent, type APIButtonComponent, type APIEmbed } from "discord.js";
import { uniqueButtons, type Button, type Tone, type View } from "../../core/views/view.ts";
import { renderMentions } from "../../core/views/user-mention.ts";
import { renderTimes } from "../../core/views/time-mention.ts";
import { renderPlaces, type Place } from "../../core/views/place-mention.ts";
import { discordSnowflakeOf } from "../shared/platform-ids.ts";
import { truncate } from "../shared/truncate.ts";
import { userMention } from "../shared/user-mention.ts";

export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFooter: 2048,
  embedTotal: 6000,
  buttonsPerRow: 5,
  rows: 5,
  buttonLabel: 80,
  customId: 100,
} as const;

const TONE_COLORS: Record<Tone, number> = { neutral: 0x5865f2, info: 0x3498db, success: 0x2ecc71, warning: 0xf1c40f, error: 0xe74c3c };
const STYLES: Record<Button["style"], ButtonStyle> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  success: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

export interface DiscordMessage {
  content: string;
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
  allowedMentions: { parse: [] };
}

/** A person as Discord shows them: a mention (mentions never ping: parsing is off). */
const mention = userMention(discordSnowflakeOf);

/** A message as its link (when its server is known), else the channel as a mention. */
function discordPlace(place: Place): string {
  const guild = discordSnowflakeOf(place.teamId);
  const message = place.messageRef?.split("/")[1];
  return guild && message ? `https://discord.com/channels/${guild}/${place.channelId}/${message}` : `<#${place.channelId}>`;
}

export function renderDiscord(view: View): DiscordMessage {
  const description = renderPlaces(
    renderTimes(renderMentions(view.body.join("\n\n"), mention), (at) => `<t:${Math.floor(at.getTime() / 1000)}:R>`),
    discordPlace,
  );
  const embed: APIEmbed = { color: TONE_COLORS[view.tone], description: truncate(description, DISCORD_LIMITS.embedDescription) };
  if (view.title) embed.title = truncate(view.title, DISCORD_LIMITS.embedTitle);
  if (view.footer) embed.footer = { text: truncate(view.footer, DISCORD_LIMITS.embedFooter) };
  const components = uniqueButtons(view.buttons)
    .slice(0, DISCORD_LIMITS.rows)
    .map((row) => ({
      type: ComponentType.ActionRow as const,
      components: row.slice(0, DISCORD_LIMITS.buttonsPerRow).map((b): APIButtonComponent => ({
        type: ComponentType.Button,
        style: STYLES[b.style] as ButtonStyle.Primary,
        label: truncate(b.label, DISCORD_LIMITS.buttonLabel),
        custom_id: b.action,
      })),
    }));
  return { content: "", embeds: [embed], components, allowedMentions: { parse: [] } };
}
