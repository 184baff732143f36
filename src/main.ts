// Entry point for `npm start`: reads the configuration, opens the database, and starts Discord,
// Slack, both, or (with neither configured) a study session in the terminal.
import { PictureWorkers } from "./pictures/picture-drawer.ts";
import { createBot } from "./app/create-bot.ts";
import { runService, stopSignal } from "./app/run-service.ts";
import { runConsole } from "./adapters/console/console-session.ts";
import { DotEnvError, loadDotEnv } from "./config/dotenv.ts";
import { ConfigError, loadConfig } from "./config/env.ts";
import { ContentError } from "./content-files/load-library.ts";
import { toLocale } from "./core/i18n/locale.ts";
import { createLogger } from "./ops/logger.ts";
import { MigrationError } from "./storage/migrations.ts";
import { DatabaseStartError } from "./storage/database-errors.ts";
import { DEFAULT_DATABASE_URL, redactDatabaseUrl } from "./storage/database-url.ts";

async function main(): Promise<number> {
  let config;
  try {
    // .env fills in what the environment leaves unset; the environment wins.
    loadDotEnv(process.env);
    config = loadConfig(process.env);
  } catch (e) {
    if (e instanceof ConfigError || e instanceof DotEnvError) {
      process.stderr.write(`${e.message}\n`);
      return 1;
    }
    throw e;
  }
  const consoleMode = !config.discord && !config.slack && config.console === "auto";
  const logger = createLogger(consoleMode && !process.env.LOG_LEVEL ? "warn" : config.logLevel);
  const hostTimeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // As a service, a SIGTERM from here on stops the bot cleanly, even while the database still opens.
  const signalled = consoleMode ? undefined : stopSignal();

  let runtime;
  try {
    runtime = await createBot({
      databaseUrl: config.databaseUrl,
      contentDir: config.contentDir,
      fallbackTimeZone: consoleMode ? hostTimeZone : "UTC",
    });
  } catch (e) {
    if (e instanceof ContentError || e instanceof MigrationError || e instanceof DatabaseStartError) {
      process.stderr.write(`Cannot start: ${e.message}\n`);
      return 1;
    }
    throw e;
  }
  logger.info({ database: redactDatabaseUrl(config.databaseUrl), sync: runtime.sync }, "database ready");
  // No file was there. On the default path that is a first run; on a path DATABASE_URL names, the
  // bot may have run on it before (a volume not mounted, a file moved): never silently.
  const target = runtime.database.target;
  const newDatabase =
    runtime.database.created && target.provider === "sqlite"
      ? { file: target.file, explicit: config.databaseUrl !== DEFAULT_DATABASE_URL }
      : undefined;
  if (newDatabase?.explicit)
    logger[consoleMode ? "info" : "warn"](
      { database: newDatabase.file },
      "DATABASE_URL names a file that did not exist: created a new, empty database there. If the bot has run on this path before, its data is not in it (a volume not mounted? a moved file?): stop the bot and put the file back",
    );
  else if (newDatabase) logger.info({ database: newDatabase.file }, "created a new, empty database");

  if (consoleMode) {
    const pictures = new PictureWorkers().warm();
    await runConsole({
      pictures,
      bot: runtime.bot,
      database: redactDatabaseUrl(config.databaseUrl),
      input: process.stdin,
      output: process.stdout,
      systemLocale: toLocale(config.systemLocaleTag),
      logger,
      newDatabase,
      rounds: runtime.stores,
    });
    await pictures.close();
    await runtime.database.close();
    return 0;
  }
  return runService(config, runtime, logger, signalled);
}

/**
 * Once the bot has stopped, how long whatever a library left running (discord.js reconnecting to a
 * gateway that has gone, a socket to a server that no longer answers) may hold the process open.
 */
const EXIT_GRACE_MS = 500;

function exitWith(code: number): void {
  process.exitCode = code;
  // Unreferenced: when nothing is left running the process ends at once; otherwise this ends it.
  setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
}

main().then(exitWith, (e: unknown) => {
  process.stderr.write(`Unexpected failure at start-up: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  exitWith(1);
});
