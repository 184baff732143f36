// Configuration from the environment: defaults, and for bad values an error that names the variable
// and what is wrong, never echoing a secret.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.ts";

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error("expected a configuration error");
};

describe("loadConfig", () => {
  it("runs on defaults: SQLite beside the app, jobs on every minute, no platform", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ contentDir: "content", jobs: true, jobsCron: "* * * * *", reminderLeaseSeconds: 120, logLevel: "info" });
    expect(config.databaseUrl).toMatch(/^file:/);
    expect(config.discord).toBeUndefined();
    expect(config.slack).toBeUndefined();
  });

  it("reads Discord sharding, one instance's share of the shards included", () => {
    const config = loadConfig({
      DISCORD_TOKEN: "t",
      DISCORD_APPLICATION_ID: "123456789012345678",
      DISCORD_SHARDS: "4",
      DISCORD_SHARD_LIST: "2, 3,3",
    });
    expect(config.discord).toMatchObject({ shards: "4", shardList: [2, 3] });
  });

  it.each([
    [{ DISCORD_SHARDS: "0" }, "DISCORD_SHARDS: must be auto or a number of shards"],
    [{ DISCORD_SHARD_LIST: "0,1" }, "DISCORD_SHARD_LIST: needs DISCORD_SHARDS set to the total number of shards"],
    [{ DISCORD_SHARDS: "auto", DISCORD_SHARD_LIST: "0" }, "DISCORD_SHARD_LIST: needs DISCORD_SHARDS set to the total number of shards"],
    [{ DISCORD_SHARDS: "2", DISCORD_SHARD_LIST: "1,2" }, "DISCORD_SHARD_LIST: every shard must be a number from 0 to 1"],
    [{ DISCORD_SHARDS: "2", DISCORD_SHARD_LIST: "one" }, "DISCORD_SHARD_LIST: must be shard numbers separated by commas"],
    [{ JOBS: "maybe" }, "JOBS: must be on or off"],
    [{ JOBS_CRON: "every minute" }, "JOBS_CRON: must be a cron expression"],
    [{ REMINDER_LEASE_SECONDS: "0" }, "REMINDER_LEASE_SECONDS: must be a whole number of seconds from 1 to 3600"],
    [{ OPS_PORT: "70000" }, "OPS_PORT: must be a port number"],
    [{ DATABASE_URL: "mysql://x" }, "DATABASE_URL"],
  ])("%j is refused with a message naming the variable", (env, message) => {
    expect(problemsOf({ DISCORD_TOKEN: "t", DISCORD_APPLICATION_ID: "123456789012345678", ...env })).toContain(message);
  });

  it("asks for the missing half of a platform's credentials without echoing the other", () => {
    const message = problemsOf({ DISCORD_TOKEN: "secret-discord-token", SLACK_BOT_TOKEN: "xoxb-secret-slack" });
    expect(message).toContain("DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set");
    expect(message).toContain("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET");
    expect(message).not.toContain("secret");
  });

  it("never echoes a malformed token", () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: "xoxp-user-token-value", SLACK_APP_TOKEN: "xapp-1" });
    expect(message).toContain("SLACK_BOT_TOKEN: must be a bot token");
    expect(message).not.toContain("user-token-value");
  });
});
