// The rules of a round that need no database: points, standings, who a question waits for, the text
// form of /game, the button id, the choice of items by mode, and the catalog in both languages.
import { describe, expect, it } from "vitest";
import { actionId, parseAction } from "../../src/core/actions/action-id.ts";
import { parseCommandLine } from "../../src/core/commands/parse-command-line.ts";
import { pickRoundItems } from "../../src/core/game/game-items.ts";
import { playersBefore, pointsFor, standings } from "../../src/core/game/game-scoring.ts";
import { gameMessages, type GameMessages } from "../../src/core/i18n/game-messages.ts";
import type { GameAnswerRecord } from "../../src/core/ports/game-store.ts";
import type { StoredItem } from "../../src/core/ports/records.ts";
import { seededRandom } from "../../src/core/random/seeded-random.ts";
import { aChoiceQuestion } from "../support/builders.ts";
import { questionView } from "../../src/core/game/game-views.ts";
import { placeMention } from "../../src/core/views/place-mention.ts";
import { renderDiscord } from "../../src/adapters/discord/render-discord.ts";
import { renderSlack } from "../../src/adapters/slack/render-slack.ts";
import { renderConsole } from "../../src/adapters/console/render-console.ts";

const at = (s: number) => new Date(Date.UTC(2026, 2, 9, 10, 0, s));

describe("points", () => {
  it("gives 100 for a right answer plus up to 50 in proportion to the time left, and 0 for a wrong one", () => {
    expect(pointsFor(true, at(0), at(0), at(20))).toBe(150);
    expect(pointsFor(true, at(10), at(0), at(20))).toBe(125);
    expect(pointsFor(true, at(20), at(0), at(20))).toBe(100);
    expect(pointsFor(true, at(19), at(0), at(20))).toBe(103);
    expect(pointsFor(false, at(1), at(0), at(20))).toBe(0);
  });
});

describe("standings", () => {
  const a = (userId: string, position: number, points: number, s: number): GameAnswerRecord => ({
    userId,
    position,
    points,
    correct: points > 0,
    choice: 0,
    answeredAt: at(s),
  });
  it("ranks by points through a question, ties sharing a rank in the order they got there", () => {
    const answers = [a("x", 0, 150, 1), a("y", 0, 120, 2), a("z", 0, 0, 3), a("y", 1, 130, 30), a("x", 1, 100, 40), a("z", 2, 150, 50)];
    expect(standings(answers, 0)).toEqual([
      { userId: "x", value: 150, rank: 1 },
      { userId: "y", value: 120, rank: 2 },
      { userId: "z", value: 0, rank: 3 },
    ]);
    expect(standings(answers, 1).map((r) => [r.userId, r.value, r.rank])).toEqual([
      ["y", 250, 1],
      ["x", 250, 1],
      ["z", 0, 3],
    ]);
    expect([...playersBefore(answers, 1)].sort()).toEqual(["x", "y", "z"]);
    expect([...playersBefore(answers, 0)]).toEqual([]);
  });
});

describe("/game as text", () => {
  it("reads start with its options in any order, and stop", () => {
    expect(parseCommandLine("/game start networking questions=5 seconds=30 mode=weak")).toEqual({
      ok: true,
      command: { name: "game", action: "start", topic: "networking", questions: 5, seconds: 30, mode: "weak" },
    });
    expect(parseCommandLine("game start due 12")).toEqual({
      ok: true,
      command: { name: "game", action: "start", mode: "due", questions: 12 },
    });
    expect(parseCommandLine("game start")).toEqual({ ok: true, command: { name: "game", action: "start" } });
    expect(parseCommandLine("game stop")).toEqual({ ok: true, command: { name: "game", action: "stop" } });
  });

  it("names the option that is wrong, in both languages", () => {
    const problem = (line: string) => {
      const parsed = parseCommandLine(line);
      if (parsed.ok || parsed.error.kind !== "invalid-option") throw new Error(`parsed: ${line}`);
      return { option: parsed.error.option, ...parsed.error.problem };
    };
    expect(problem("game start questions=2")).toEqual({
      option: "questions",
      en: "must be a whole number from 3 to 20",
      ja: "3〜20 の整数で指定してください",
    });
    expect(problem("game start questions=21").option).toBe("questions");
    expect(problem("game start 2").option).toBe("questions");
    expect(problem("game start seconds=9")).toMatchObject({ option: "seconds", en: "must be a whole number from 10 to 60" });
    expect(problem("game start seconds=61").option).toBe("seconds");
    expect(problem("game start seconds=1.5").option).toBe("seconds");
    expect(problem("game start mode=hard")).toMatchObject({ option: "mode", en: "should be mixed, weak or due" });
    expect(problem("game start a b").option).toBe("b");
    expect(problem("game start questions=5 questions=6").option).toBe("questions");
    expect(problem("game").option).toBe("");
    expect(problem("game pause").option).toBe("pause");
    expect(problem("game stop now").option).toBe("stop");
  });
});

describe("the game-answer button", () => {
  it("round-trips, and refuses anything out of shape", () => {
    const id = actionId({ kind: "game-answer", roundId: "AbCdE12345", position: 19, choice: 4 });
    expect(id).toBe("ga:AbCdE12345:19:4");
    expect(parseAction(id)).toEqual({ kind: "game-answer", roundId: "AbCdE12345", position: 19, choice: 4 });
    for (const bad of [
      "ga:AbCdE12345:20:0",
      "ga:AbCdE12345:0:5",
      "ga:short:0:0",
      "ga:AbCdE12345:-1:0",
      "ga:AbCdE12345:0:0:0",
      "ga:AbCdE12345:x:0",
      "ga",
    ]) {
      expect(parseAction(bad), bad).toBeUndefined();
    }
  });
});

describe("items by mode", () => {
  const items: StoredItem[] = ["a", "b", "c", "d", "e", "f"].map((id, position) => ({
    id,
    deckId: "deck",
    teamId: null,
    position,
    retired: false,
    topics: ["basics"],
    content: aChoiceQuestion(id, id === "e" || id === "f" ? { sibling: "pair" } : {}),
  }));
  const none = { misses: new Map(), due: new Map() };

  it("mixed: shuffled, at most one of a sibling group, as many as asked", () => {
    const picked = pickRoundItems(items, "mixed", 10, none, seededRandom("r1"));
    expect(picked).toHaveLength(5);
    expect(picked.filter((i) => i.id === "e" || i.id === "f")).toHaveLength(1);
    expect(pickRoundItems(items, "mixed", 3, none, seededRandom("r1"))).toHaveLength(3);
  });

  it("weak: the items the team missed most first, filled with others when too few were missed", () => {
    const misses = new Map([
      ["c", { misses: 5, reviews: 6 }],
      ["a", { misses: 2, reviews: 10 }],
      ["b", { misses: 0, reviews: 9 }],
    ]);
    for (const seed of ["r1", "r2", "r3"]) {
      const picked = pickRoundItems(items, "weak", 2, { misses, due: new Map() }, seededRandom(seed)).map((i) => i.id);
      expect(picked.sort()).toEqual(["a", "c"]);
      expect(pickRoundItems(items, "weak", 4, { misses, due: new Map() }, seededRandom(seed)).map((i) => i.id)).toEqual(
        expect.arrayContaining(["a", "c"]),
      );
    }
  });

  it("due: the items most members have due first", () => {
    const due = new Map([
      ["d", 3],
      ["b", 1],
    ]);
    expect(pickRoundItems(items, "due", 1, { misses: new Map(), due }, seededRandom("r1")).map((i) => i.id)).toEqual(["d"]);
  });
});

describe("the game catalog", () => {
  /** Every sentence of a catalog, its functions called with sample values. */
  function sentences(t: GameMessages): [string, string][] {
    return Object.entries(t).map(([key, value]) => {
      const f = value as string | ((...args: unknown[]) => string);
      return [key, typeof f === "string" ? f : f.length === 2 ? f(3, 10) : f(3)];
    });
  }
  it("has every Japanese sentence in Japanese, and every English one without Japanese", () => {
    const japanese = /[\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Han}]/u;
    for (const [key, text] of sentences(gameMessages("ja"))) expect(japanese.test(text), key).toBe(true);
    for (const [key, text] of sentences(gameMessages("en"))) expect(japanese.test(text), key).toBe(false);
  });
});

describe("a question's countdown and a round's link, as each platform shows them", () => {
  const deadline = new Date("2026-03-09T10:00:20Z");
  const item = aChoiceQuestion("q-1");
  const round = { id: "AbCdE12345", locale: "en" as const, itemIds: ["q-1", "q-2", "q-3"] };
  it("renders the deadline as Discord's relative time, Slack's date token and the console's clock", () => {
    if (item.kind !== "multiple-choice") throw new Error("not a choice item");
    const v = questionView(round, 0, item, deadline, 2);
    const unix = deadline.getTime() / 1000;
    expect(renderDiscord(v).embeds[0]?.description).toContain(`⏱ Ends <t:${unix}:R> · 2 players have answered`);
    const slack = renderSlack(v);
    expect(JSON.stringify(slack.blocks)).toContain(`Ends <!date^${unix}^{time_secs}|10:00:20 UTC> · 2 players have answered`);
    expect(slack.text).toContain(`Ends <!date^${unix}^{time_secs}|10:00:20 UTC>`);
    expect(renderConsole(v).text).toContain(`Ends ${deadline.toLocaleTimeString()}`);
    expect(v.buttons.flat().map((b) => parseAction(b.action)?.kind)).toEqual(["game-answer", "game-answer", "game-answer"]);
  });

  it("links a running round's message on Discord and names its channel elsewhere", () => {
    const text = gameMessages("en").alreadyRunning(
      placeMention({
        teamId: "discord:100000000000000900",
        channelId: "100000000000000700",
        messageRef: "100000000000000700/100000000000000800",
      }),
    );
    expect(renderDiscord({ body: [text], buttons: [], tone: "info" }).embeds[0]?.description).toBe(
      "A round is already running in this channel: https://discord.com/channels/100000000000000900/100000000000000700/100000000000000800",
    );
    const slack = gameMessages("en").alreadyRunning(placeMention({ teamId: "slack:T1", channelId: "C123", messageRef: "C123/1.2" }));
    expect(renderSlack({ body: [slack], buttons: [], tone: "info" }).text).toBe("A round is already running in this channel: <#C123>");
    // Text that only looks like a marker stays text.
    expect(renderDiscord({ body: ["⟦p:000000000000:x|y|z⟧"], buttons: [], tone: "info" }).embeds[0]?.description).toBe(
      "⟦p:000000000000:x|y|z⟧",
    );
  });
});
