// Configuration comes from environment variables only, validated here once at start-up. An error
// names the variable and what is wrong with it, and never echoes a secret's value.
import { validate } from "node-cron";
import { z } from "zod";
import { DEFAULT_DATABASE_URL, parseDatabaseUrl } from "../storage/database-url.ts";

const optional = z
  .string()
  .trim()
  .transform((s) => (s === "" ? undefined : s))
  .optional();

const url = (name: string) => optional.refine((s) => s === undefined || /^https?:\/\/[^\s]+$/.test(s), `${name} must be an http(s) URL`);

const port = (fallback: number) =>
  optional
    .transform((s) => (s === undefined ? fallback : Number(s)))
    .refine((n) => Number.isInteger(n) && n >= 0 && n <= 65535, "must be a port number from 0 to 65535");

/** A secret's shape: checked before any network call, and described without ever echoing the value. */
const secret = (shape: RegExp, what: string) =>
  optional.superRefine((s, ctx) => {
    if (s === undefined || shape.test(s)) return;
    const hint = /^["']|["']$/.test(s)
      ? "it has quotes around it (docker's --env-file keeps them): remove them"
      : /^Bot\s/i.test(s)
        ? 'give the token alone, without "Bot "'
        : /\s/.test(s)
          ? "it contains spaces or line breaks"
          : `it does not have that shape`;
    ctx.addIssue({ code: "custom", message: `must be ${what}; ${hint} (the value is not shown)` });
  });

/** Discord's ids (snowflakes) are 17 to 20 digits. */
const snowflake = (what: string) =>
  optional.refine((s) => s === undefined || /^\d{17,20}$/.test(s), `must be ${what}: a number of 17 to 20 digits`);

const envSchema = z.object({
  DATABASE_URL: optional
    .transform((s) => s ?? DEFAULT_DATABASE_URL)
    .superRefine((s, ctx) => {
      try {
        parseDatabaseUrl(s);
      } catch (e) {
        ctx.addIssue({ code: "custom", message: (e as Error).message.replace(/^DATABASE_URL:?\s*/, "") });
      }
    }),
  CONTENT_DIR: optional.transform((s) => s ?? "content"),
  LOG_LEVEL: optional.pipe(z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional()),
  DISCORD_TOKEN: secret(
    /^[A-Za-z0-9_-]{18,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{20,}$/,
    "a Discord bot token (Developer Portal > Bot > Reset Token: three parts separated by dots)",
  ),
  DISCORD_APPLICATION_ID: snowflake("the Application ID from the Developer Portal's General Information"),
  DISCORD_GUILD_ID: snowflake("a server's id (Developer Mode on, right-click the server > Copy Server ID)"),
  DISCORD_API_URL: url("DISCORD_API_URL"),
  DISCORD_SHARDS: optional.refine((s) => s === undefined || s === "auto" || /^[1-9]\d{0,3}$/.test(s), "must be auto or a number of shards"),
  DISCORD_SHARD_LIST: optional.refine(
    (s) => s === undefined || /^\d{1,4}(,\d{1,4})*$/.test(s.replace(/\s/g, "")),
    "must be shard numbers separated by commas, like 0,1",
  ),
  SLACK_BOT_TOKEN: secret(/^xoxb-[A-Za-z0-9-]{8,}$/, "a bot token (Bot User OAuth Token: xoxb- then letters, digits and dashes)"),
  SLACK_APP_TOKEN: secret(/^xapp-[A-Za-z0-9-]{8,}$/, "an app-level token (xapp- then letters, digits and dashes)"),
  SLACK_SIGNING_SECRET: secret(/^[0-9a-f]{32}$/i, "the Signing Secret from Basic Information (32 hexadecimal characters)"),
  SLACK_API_URL: url("SLACK_API_URL"),
  SLACK_COMMAND: optional.refine((s) => s === undefined || /^\/[a-z0-9_-]{1,31}$/.test(s), "must look like /study"),
  PORT: port(3000),
  JOBS: optional.pipe(z.enum(["on", "off"], { error: "must be on or off" }).optional()),
  JOBS_CRON: optional.refine((s) => s === undefined || validate(s), "must be a cron expression, like * * * * *"),
  REMINDER_LEASE_SECONDS: optional
    .transform((s) => (s === undefined ? 120 : Number(s)))
    .refine((n) => Number.isInteger(n) && n >= 1 && n <= 3600, "must be a whole number of seconds from 1 to 3600"),
  OPS_PORT: optional
    .transform((s) => (s === undefined ? undefined : Number(s)))
    .refine((n) => n === undefined || (Number.isInteger(n) && n >= 0 && n <= 65535), "must be a port number from 0 to 65535"),
  CONSOLE: optional.pipe(z.enum(["auto", "off"], { error: "must be auto or off" }).optional()),
  TZ: optional,
  LANG: optional,
  LC_ALL: optional,
  LC_MESSAGES: optional,
});

/** Slack's settings, as the environment gives them. */
export interface SlackConfig {
  botToken: string;
  mode: "socket" | "http";
  appToken?: string | undefined;
  signingSecret?: string | undefined;
  apiUrl?: string | undefined;
  command: string;
  port: number;
}

export interface Config {
  databaseUrl: string;
  contentDir: string;
  logLevel: string;
  systemLocaleTag: string | undefined;
  discord?: {
    token: string;
    applicationId: string;
    guildId?: string | undefined;
    apiUrl?: string | undefined;
    shards?: string | undefined;
    /** The shards this instance runs (of DISCORD_SHARDS); every shard when unset. */
    shardList?: number[] | undefined;
  };
  slack?: SlackConfig;
  opsPort?: number | undefined;
  /** Whether this process runs the scheduled jobs (reminders, team posts); safe on any number of instances. */
  jobs: boolean;
  /** When the jobs tick (node-cron expression; every minute by default). */
  jobsCron: string;
  /** How long a claimed send is left to its sender before another instance retries it. */
  reminderLeaseSeconds: number;
  /**
   * With no platform configured: `auto` opens the study session in the terminal; `off` (containers)
   * says what is missing and waits to be stopped instead of exiting into a restart loop.
   */
  console: "auto" | "off";
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

export function loadConfig(env: NodeJS.ProcessEnv): Config {
  const problems: string[] = [];
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `- ${String(i.path[0])}: ${i.message}`));
  const has = (name: string) => (env[name] ?? "").trim() !== "";
  if (has("DISCORD_TOKEN") !== has("DISCORD_APPLICATION_ID")) {
    problems.push(
      has("DISCORD_TOKEN")
        ? "- DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set"
        : "- DISCORD_TOKEN: is required when DISCORD_APPLICATION_ID is set",
    );
  }
  if (!has("SLACK_BOT_TOKEN") && (has("SLACK_APP_TOKEN") || has("SLACK_SIGNING_SECRET"))) {
    problems.push("- SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set");
  }
  if (has("SLACK_BOT_TOKEN") && !has("SLACK_APP_TOKEN") && !has("SLACK_SIGNING_SECRET")) {
    problems.push("- SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is required with SLACK_BOT_TOKEN (Socket Mode or HTTP mode)");
  }
  if (has("DISCORD_SHARD_LIST")) {
    const total = Number(env.DISCORD_SHARDS);
    const list = (env.DISCORD_SHARD_LIST ?? "").split(",").map((n) => Number(n.trim()));
    if (!Number.isInteger(total) || total < 1)
      problems.push("- DISCORD_SHARD_LIST: needs DISCORD_SHARDS set to the total number of shards");
    else if (list.some((n) => !Number.isInteger(n) || n >= total))
      problems.push(`- DISCORD_SHARD_LIST: every shard must be a number from 0 to ${total - 1}`);
  }
  if (problems.length > 0 || !parsed.success) {
    throw new ConfigError(`The configuration is not valid:\n${problems.join("\n")}\nSee .env.example for every variable.`);
  }
  const e = parsed.data;
  const config: Config = {
    databaseUrl: e.DATABASE_URL,
    contentDir: e.CONTENT_DIR,
    logLevel: e.LOG_LEVEL ?? "info",
    systemLocaleTag: e.LC_ALL ?? e.LC_MESSAGES ?? e.LANG,
    opsPort: e.OPS_PORT,
    jobs: e.JOBS !== "off",
    jobsCron: e.JOBS_CRON ?? "* * * * *",
    reminderLeaseSeconds: e.REMINDER_LEASE_SECONDS,
    console: e.CONSOLE ?? "auto",
  };
  if (e.DISCORD_TOKEN && e.DISCORD_APPLICATION_ID) {
    config.discord = {
      token: e.DISCORD_TOKEN,
      applicationId: e.DISCORD_APPLICATION_ID,
      guildId: e.DISCORD_GUILD_ID,
      apiUrl: e.DISCORD_API_URL,
      shards: e.DISCORD_SHARDS,
      shardList: e.DISCORD_SHARD_LIST ? [...new Set(e.DISCORD_SHARD_LIST.split(",").map((n) => Number(n.trim())))] : undefined,
    };
  }
  if (e.SLACK_BOT_TOKEN && (e.SLACK_APP_TOKEN || e.SLACK_SIGNING_SECRET)) {
    config.slack = {
      botToken: e.SLACK_BOT_TOKEN,
      mode: e.SLACK_APP_TOKEN ? "socket" : "http",
      appToken: e.SLACK_APP_TOKEN,
      signingSecret: e.SLACK_SIGNING_SECRET,
      apiUrl: e.SLACK_API_URL,
      command: e.SLACK_COMMAND ?? "/study",
      port: e.PORT,
    };
  }
  return config;
}
