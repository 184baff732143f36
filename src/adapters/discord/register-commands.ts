// Registers the slash commands with Discord: to one server while developing (instant), or
// globally (needed for DMs). A deploy step, run by `npm run discord:register`, never at start-up.
import { REST, Routes } from "discord.js";
import { COMMANDS } from "./commands/index.ts";

export interface RegisterOptions {
  token: string;
  applicationId: string;
  guildId?: string | undefined;
  apiUrl?: string | undefined;
}

export async function registerCommands(o: RegisterOptions): Promise<{ scope: string; count: number }> {
  const rest = new REST(o.apiUrl ? { api: o.apiUrl } : {}).setToken(o.token);
  const body = COMMANDS.map((c) => c.data);
  const route = o.guildId ? Routes.applicationGuildCommands(o.applicationId, o.guildId) : Routes.applicationCommands(o.applicationId);
  const result = (await rest.put(route, { body })) as unknown[];
  return { scope: o.guildId ? `server ${o.guildId}` : "global", count: result.length };
}
