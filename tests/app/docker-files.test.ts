// The Docker files keep their promises: a container's SQLite database lives on the /data volume
// whatever .env (copied from .env.example) says, compose runs an init process, publishes no port
// Socket Mode does not need, and does not restart a console session in a loop.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseDotEnv } from "../../src/config/dotenv.ts";

const read = (file: string) => readFileSync(file, "utf8");

describe("Docker files", () => {
  it(".env.example parses as a .env and sets no DATABASE_URL to override the image's volume path", () => {
    const values = parseDotEnv(read(".env.example"), ".env.example");
    expect(values.has("DATABASE_URL")).toBe(false);
  });

  it("the image keeps the default relative SQLite path on the /data volume too", () => {
    const dockerfile = read("Dockerfile");
    expect(dockerfile).toContain("DATABASE_URL=file:/data/study-bot.db");
    expect(dockerfile).toContain('VOLUME ["/data"]');
    expect(dockerfile).toMatch(/^RUN ln -s \/data \/app\/data$/m);
  });

  it("compose runs the bot with an init process, no terminal session, and only the ops port published", () => {
    const compose = parse(read("docker-compose.yml")) as {
      services: { bot: { init?: boolean; environment: Record<string, string>; ports?: string[] } };
    };
    const bot = compose.services.bot;
    expect(bot.init).toBe(true);
    expect(bot.environment.CONSOLE).toBe("off");
    expect(bot.ports).toEqual(["127.0.0.1:9090:9090"]);
  });
});
