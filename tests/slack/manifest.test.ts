// The Slack app manifest asks for exactly what the adapter uses.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";

describe("manifest.yaml", () => {
  const manifest = parse(readFileSync("manifest.yaml", "utf8")) as {
    features: { slash_commands: { command: string }[]; app_home: { home_tab_enabled: boolean } };
    oauth_config: { scopes: { bot: string[] } };
    settings: { socket_mode_enabled: boolean; interactivity: { is_enabled: boolean }; event_subscriptions: { bot_events: string[] } };
  };

  it("declares the /study command, interactivity, Socket Mode, the Home tab and its event", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/study"]);
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened"]);
  });

  it("asks for exactly the scopes the adapter's Web API calls need", () => {
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      "channels:history",
      "chat:write",
      "commands",
      "files:read",
      "files:write",
      "groups:history",
      "im:history",
      "im:write",
      "users:read",
    ]);
  });
});
