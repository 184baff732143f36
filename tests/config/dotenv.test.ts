// .env: what it may contain, how a malformed one is reported (by line, never by value), and that
// the real environment wins over it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DotEnvError, loadDotEnv, parseDotEnv } from "../../src/config/dotenv.ts";

describe("parseDotEnv", () => {
  it("reads NAME=value lines, export, quotes, comments and blank lines", () => {
    const values = parseDotEnv(
      [
        "\uFEFF# a comment",
        "",
        "PLAIN=value # trailing comment",
        "export EXPORTED=yes",
        'DOUBLE="a # kept\\nline two \\"q\\""',
        "SINGLE='raw \\n kept'",
        "EMPTY=",
        "  SPACED = around  ",
        "HASH=abc#def",
        "CRON=* * * * *",
      ].join("\r\n"),
    );
    expect(Object.fromEntries(values)).toEqual({
      PLAIN: "value",
      EXPORTED: "yes",
      DOUBLE: 'a # kept\nline two "q"',
      SINGLE: "raw \\n kept",
      EMPTY: "",
      SPACED: "around",
      HASH: "abc#def",
      CRON: "* * * * *",
    });
  });

  it("refuses a malformed file naming each bad line, never its content", () => {
    const text = ["OK=1", "xoxb-secret-pasted-alone", 'DISCORD_TOKEN="secret-unclosed', "2BAD=secret", "Q='secret' extra"].join("\n");
    let message = "";
    try {
      parseDotEnv(text);
    } catch (e) {
      expect(e).toBeInstanceOf(DotEnvError);
      message = (e as Error).message;
    }
    expect(message).toContain(".env line 2: expected NAME=value");
    expect(message).toContain("DISCORD_TOKEN (.env line 3): the value's \" quote is never closed");
    expect(message).toContain(".env line 4: expected NAME=value");
    expect(message).toContain("Q (.env line 5): unexpected text after the quoted value");
    expect(message).not.toContain("secret");
  });
});

describe("loadDotEnv", () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), "study-bot-dotenv-"));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("fills in what the environment leaves unset; the environment wins, even when set empty", () => {
    writeFileSync(path.join(dir, ".env"), "A=from-file\nB=from-file\nC=from-file\n");
    const env: NodeJS.ProcessEnv = { A: "from-env", B: "" };
    expect(loadDotEnv(env, dir)).toEqual(["C"]);
    expect(env).toEqual({ A: "from-env", B: "", C: "from-file" });
  });

  it("does nothing without a .env", () => {
    const env: NodeJS.ProcessEnv = {};
    expect(loadDotEnv(env, dir)).toEqual([]);
    expect(env).toEqual({});
  });
});
