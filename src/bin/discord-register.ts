// npm run discord:register: registers the slash commands (DISCORD_GUILD_ID for one server, else global).
import { DotEnvError, loadDotEnv } from "../config/dotenv.ts";
import { ConfigError, loadConfig } from "../config/env.ts";
import { registerCommands } from "../adapters/discord/register-commands.ts";

try {
  // As for npm start: .env fills in what the environment leaves unset.
  loadDotEnv(process.env);
  const config = loadConfig(process.env);
  if (!config.discord) throw new ConfigError("Set DISCORD_TOKEN and DISCORD_APPLICATION_ID to register the commands.");
  const { scope, count } = await registerCommands(config.discord);
  console.log(`Registered ${count} commands (${scope}).${scope === "global" ? " Global commands can take up to an hour to appear." : ""}`);
} catch (e) {
  console.error(e instanceof ConfigError || e instanceof DotEnvError ? e.message : `Registration failed: ${(e as Error).message}`);
  process.exitCode = 1;
}
