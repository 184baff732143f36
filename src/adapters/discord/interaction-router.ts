// Turns Discord interactions into core calls and renders the answers. Every interaction gets its
// first response within Discord's 3 seconds (deferring when the core is slow), repeated deliveries
// are handled once, and one error handler answers and logs anything unexpected.
import {
  AttachmentBuilder,
  MessageFlags,
  PermissionFlagsBits,
  type AutocompleteInteraction,
  type ButtonInteraction,
  type ChatInputCommandInteraction,
  type Client,
  type Interaction,
  type ModalSubmitInteraction,
} from "discord.js";
import type { Bot } from "../../core/bot.ts";
import { parseCommandLine } from "../../core/commands/parse-command-line.ts";
import { personalTeamId, type Actor } from "../../core/identity.ts";
import { toLocale } from "../../core/i18n/locale.ts";
import type { Reply } from "../../core/views/view.ts";
import type { Logger } from "../../ops/logger.ts";
import { RecentIds } from "../recent-ids.ts";
import { COMMANDS_BY_NAME } from "./commands/index.ts";
import { renderDiscord, truncate } from "./render-discord.ts";
import { modalValues, renderDiscordModal } from "./render-discord-modal.ts";

export interface RouterOptions {
  bot: Bot;
  logger: Logger;
  client: Client;
  /** Defer the response when the core has not answered by then (Discord allows 3 s in all). */
  deferAfterMs?: number;
  now?: () => Date;
  /** Called around each interaction, for metrics. */
  observe?: (kind: string, outcome: "ok" | "error", ms: number) => void;
}

const SLOW: unique symbol = Symbol("slow");
type Answerable = ChatInputCommandInteraction | ButtonInteraction | ModalSubmitInteraction;

export function discordUserId(id: string): string {
  return `discord:${id}`;
}

export function createInteractionRouter(options: RouterOptions): (interaction: Interaction) => Promise<void> {
  const { bot, logger, client } = options;
  const deferAfterMs = options.deferAfterMs ?? 1500;
  const now = options.now ?? (() => new Date());
  const recent = new RecentIds();

  async function actorOf(interaction: Interaction): Promise<Actor> {
    const userId = discordUserId(interaction.user.id);
    const clientLocale = toLocale(interaction.locale);
    if (interaction.guildId) {
      return {
        userId,
        teamId: `discord:${interaction.guildId}`,
        clientLocale,
        isAdmin: interaction.memberPermissions?.has(PermissionFlagsBits.ManageGuild) ?? false,
        channelId: interaction.channelId ?? undefined,
      };
    }
    const personal: Actor = { userId, teamId: personalTeamId("discord", interaction.user.id), clientLocale };
    return { ...personal, teamId: await bot.directMessageTeam(personal) };
  }

  async function send(interaction: Answerable, reply: Reply, deferred: boolean): Promise<void> {
    const message = {
      ...renderDiscord(reply.view),
      ...(reply.files ? { files: reply.files.map((f) => new AttachmentBuilder(Buffer.from(f.content, "utf8"), { name: f.name })) } : {}),
    };
    // Only a first response can open a modal: once deferred, the person is asked to press again.
    if (reply.form && interaction.isButton() && !deferred) return interaction.showModal(renderDiscordModal(reply.form));
    if (interaction.isChatInputCommand() || interaction.isModalSubmit()) {
      if (deferred) await interaction.editReply(message);
      else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
      return;
    }
    // A button on a message everyone sees (a reminder in the team channel, the question of the day)
    // must not turn that message into one person's session: the answer goes to them alone.
    const sharedMessage = interaction.inGuild() && !interaction.message.flags.has(MessageFlags.Ephemeral);
    if (reply.mode === "update" && !sharedMessage) {
      if (deferred) await interaction.editReply(message);
      else await interaction.update(message);
      return;
    }
    if (deferred) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
    else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
  }

  /** Answers directly when the core is quick, otherwise defers first and edits afterwards. */
  async function respond(interaction: Answerable, work: () => Promise<Reply>): Promise<void> {
    const pending = work();
    let timer: NodeJS.Timeout | undefined;
    const slow = new Promise<typeof SLOW>((resolve) => (timer = setTimeout(() => resolve(SLOW), deferAfterMs)));
    const early = await Promise.race([pending, slow]).finally(() => clearTimeout(timer));
    if (early !== SLOW) return send(interaction, early, false);
    if (interaction.isButton()) await interaction.deferUpdate();
    else await interaction.deferReply({ flags: MessageFlags.Ephemeral });
    await send(interaction, await pending, true);
  }

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = COMMANDS_BY_NAME.get(interaction.commandName);
    await respond(interaction, async () => {
      const actor = await actorOf(interaction);
      if (!command) return bot.commandLine(actor, parseCommandLine(`/${interaction.commandName.slice(0, 32)}`), now());
      return bot.command(actor, await command.toCommand(interaction), now());
    });
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    await respond(interaction, async () => bot.click(await actorOf(interaction), interaction.customId, now()));
  }

  /** A submitted modal: its answers go to the core with the modal's id; the answer is private. */
  async function onModalSubmit(interaction: ModalSubmitInteraction): Promise<void> {
    await respond(interaction, async () => bot.submit(await actorOf(interaction), interaction.customId, modalValues(interaction), now()));
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const focused = interaction.options.getFocused(true);
    const typed = String(focused.value).slice(0, 100);
    let choices: { name: string; value: string }[] = [];
    if (focused.name === "topic") {
      choices = await bot.topicChoices(await actorOf(interaction), typed);
    } else if (focused.name === "timezone" || focused.name === "time zone") {
      const needle = typed.toLowerCase();
      choices = Intl.supportedValuesOf("timeZone")
        .filter((z) => z.toLowerCase().includes(needle))
        .slice(0, 25)
        .map((z) => ({ name: z, value: z }));
    } else if (focused.name === "server") {
      const teams = await bot.memberships(discordUserId(interaction.user.id));
      const ja = toLocale(interaction.locale) === "ja";
      choices = [
        { name: ja ? "個人（DM専用）" : "Personal (DMs only)", value: "personal" },
        ...teams
          .filter((t) => /^discord:\d+$/.test(t))
          .map((t) => t.slice("discord:".length))
          .map((id) => ({ name: client.guilds.cache.get(id)?.name ?? id, value: id })),
      ].filter((c) => c.name.toLowerCase().includes(typed.toLowerCase()));
    }
    await interaction.respond(choices.slice(0, 25).map((c) => ({ name: truncate(c.name, 100), value: c.value.slice(0, 100) })));
  }

  async function onError(interaction: Interaction, error: unknown): Promise<void> {
    logger.error(
      {
        err: error,
        interaction: {
          id: interaction.id,
          type: interaction.type,
          command: interaction.isChatInputCommand() ? interaction.commandName : undefined,
          customId: interaction.isButton() || interaction.isModalSubmit() ? interaction.customId.slice(0, 100) : undefined,
          user: interaction.user.id,
          guild: interaction.guildId,
        },
      },
      "discord interaction failed",
    );
    if (!interaction.isRepliable()) return;
    const message = renderDiscord(bot.apology(toLocale(interaction.locale) ?? "en").view);
    try {
      if (interaction.replied || interaction.deferred) await interaction.followUp({ ...message, flags: MessageFlags.Ephemeral });
      else await interaction.reply({ ...message, flags: MessageFlags.Ephemeral });
    } catch (second) {
      logger.warn({ err: second, interaction: { id: interaction.id } }, "could not send the apology");
    }
  }

  return async (interaction: Interaction) => {
    // A RESUME after a reconnect can deliver an interaction again: handle each id once.
    if (!recent.firstTime(interaction.id)) return;
    const started = performance.now();
    const kind = interaction.isChatInputCommand()
      ? `command:${interaction.commandName}`
      : interaction.isButton()
        ? "button"
        : interaction.isModalSubmit()
          ? "modal"
          : interaction.isAutocomplete()
            ? "autocomplete"
            : "other";
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isModalSubmit()) await onModalSubmit(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      options.observe?.(kind, "ok", performance.now() - started);
    } catch (error) {
      options.observe?.(kind, "error", performance.now() - started);
      if (interaction.isAutocomplete()) {
        logger.warn({ err: error, interaction: { id: interaction.id } }, "autocomplete failed");
        await interaction.respond([]).catch(() => undefined);
        return;
      }
      await onError(interaction, error);
    }
  };
}
