// Configuration from the environment: defaults, and for bad values an error that names the variable
// and what is wrong, never echoing a secret.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../../src/config/env.ts";
import { FAKE_DISCORD_TOKEN } from "../support/discord-harness.ts";

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
      DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
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
    expect(problemsOf({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, DISCORD_APPLICATION_ID: "123456789012345678", ...env })).toContain(message);
  });

  it("asks for the missing half of a platform's credentials without echoing the other", () => {
    const message = problemsOf({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, SLACK_BOT_TOKEN: "xoxb-secret-slack" });
    expect(message).not.toContain(FAKE_DISCORD_TOKEN);
    expect(message).toContain("DISCORD_APPLICATION_ID: is required when DISCORD_TOKEN is set");
    expect(message).toContain("SLACK_APP_TOKEN or SLACK_SIGNING_SECRET");
    expect(message).not.toContain("secret");
  });

  it("never echoes a malformed token", () => {
    const message = problemsOf({ SLACK_BOT_TOKEN: "xoxp-user-token-value", SLACK_APP_TOKEN: "xapp-1" });
    expect(message).toContain("SLACK_BOT_TOKEN: must be a bot token");
    expect(message).not.toContain("user-token-value");
  });

  it.each(["1234", "12345678901234567890123", "app-1234567890123456789", "1234567890123456"])(
    "DISCORD_APPLICATION_ID %j is refused, saying it is a 17-20 digit id",
    (id) => {
      expect(problemsOf({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, DISCORD_APPLICATION_ID: id })).toContain(
        "DISCORD_APPLICATION_ID: must be the Application ID from the Developer Portal's General Information: a number of 17 to 20 digits",
      );
    },
  );

  it("takes an application id of 17 and of 20 digits", () => {
    for (const id of ["12345678901234567", "12345678901234567890"])
      expect(loadConfig({ DISCORD_TOKEN: FAKE_DISCORD_TOKEN, DISCORD_APPLICATION_ID: id }).discord?.applicationId).toBe(id);
  });

  const secretValue = "Zz9hiddenzZ9zz";
  it.each([
    ["DISCORD_TOKEN", `Bot ${secretValue}.abcdef.${secretValue}${secretValue}`, 'without "Bot "'],
    ["DISCORD_TOKEN", `"${secretValue}${secretValue}.abcdef.${secretValue}${secretValue}"`, "quotes around it"],
    ["DISCORD_TOKEN", `${secretValue}-only-one-part`, "three parts separated by dots"],
    ["DISCORD_TOKEN", `${secretValue}${secretValue}.abc def.${secretValue}${secretValue}`, "spaces"],
    ["SLACK_BOT_TOKEN", `xoxp-${secretValue}`, "xoxb-"],
    ["SLACK_BOT_TOKEN", "xoxb-...", "xoxb-"],
    ["SLACK_APP_TOKEN", `xoxb-${secretValue}`, "xapp-"],
    ["SLACK_APP_TOKEN", `'xapp-${secretValue}'`, "quotes around it"],
    ["SLACK_SIGNING_SECRET", secretValue, "32 hexadecimal characters"],
  ])("a malformed %s is refused naming the variable, without printing the value", (name, value, hint) => {
    const env: Record<string, string> =
      name === "DISCORD_TOKEN"
        ? { DISCORD_APPLICATION_ID: "123456789012345678", [name]: value }
        : { SLACK_BOT_TOKEN: "xoxb-1111-2222-abcdef", SLACK_APP_TOKEN: "xapp-1-A111-222-abc", [name]: value };
    const message = problemsOf(env);
    expect(message).toContain(`- ${name}: must be`);
    expect(message).toContain(hint);
    expect(message).toContain("the value is not shown");
    expect(message).not.toContain("hidden");
  });

  it("takes tokens of the real shapes", () => {
    const config = loadConfig({
      DISCORD_TOKEN: FAKE_DISCORD_TOKEN,
      DISCORD_APPLICATION_ID: "123456789012345678",
      SLACK_BOT_TOKEN: "xoxb-1234567890-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx",
      SLACK_SIGNING_SECRET: "8f742231b10e8888abcd990000085a57",
    });
    expect(config.discord?.token).toBe(FAKE_DISCORD_TOKEN);
    expect(config.slack?.mode).toBe("http");
  });

  it("CONSOLE is auto by default, may be off, and refuses anything else", () => {
    expect(loadConfig({}).console).toBe("auto");
    expect(loadConfig({ CONSOLE: "off" }).console).toBe("off");
    expect(problemsOf({ CONSOLE: "no" })).toContain("CONSOLE: must be auto or off");
  });
});
