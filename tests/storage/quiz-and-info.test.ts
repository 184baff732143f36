// Quizzes, stats, topics, settings and bad input, through the real Bot and store.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CARD_STATES } from "../../src/core/scheduler/card-state.ts";
import { aChoiceQuestion, aFlashcard, aLibrary, aTrueFalse } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import { firstNewPrompt } from "../support/new-card-order.ts";
import { alice, answerCard, button, startTestBot, type TestBot } from "../support/test-bot.ts";

const DAY = 86_400_000;

describe.each(DATABASES)("quizzes and information on %s", (kind) => {
  let t: TestBot;
  // The questions require the flashcard, so everyone's first new card in /study is f-1 (a flashcard,
  // with a "Show answer" button); requirements do not change which questions a quiz asks.
  const items = [
    aFlashcard("f-1"),
    aChoiceQuestion("q-1", { requires: ["f-1"] }),
    aChoiceQuestion("q-2", { topics: ["net"], requires: ["f-1"] }),
    aTrueFalse("tf-1", false, { requires: ["f-1"] }),
  ];
  beforeEach(async () => {
    t = await startTestBot(kind, aLibrary(items));
  });
  afterEach(async () => {
    await t.close();
  });
  const click = (action: string) => t.bot.click(alice, action, t.clock.now);

  it("runs a whole quiz: graded answers with explanations, then the score, each answer feeding the schedule", async () => {
    let reply = await t.bot.command(alice, { name: "quiz", count: 3 }, t.clock.now);
    const seen: string[] = [];
    for (let i = 0; i < 3; i++) {
      expect(reply.view.title).toBe(`Question ${i + 1} of 3`);
      const labels = reply.view.buttons.flat().map((b) => b.label);
      seen.push(reply.view.body[0] ?? "");
      // Answer right on the first two questions, wrong on the last (tf-1's statement is false).
      const isTrueFalse = labels.includes("True");
      const right = isTrueFalse ? "False" : labels.find((l) => l.includes("Right answer"))!;
      const wrong = isTrueFalse ? "True" : labels.find((l) => l.includes("Wrong"))!;
      reply = await click(button(reply, i < 2 ? right : wrong));
      expect(reply.view.body.join("\n")).toMatch(i < 2 ? /Correct!/ : /Not quite\. The answer is/);
      expect(reply.view.body.join("\n")).toContain("Because");
      reply = await click(button(reply, i < 2 ? "Next question" : "See score"));
    }
    expect(reply.view.body[0]).toBe("Quiz over: 2 of 3 correct (67%).");
    expect(new Set(seen).size).toBe(3);
    const logs = await t.db.reviewLog.findMany({ where: { source: "quiz" }, orderBy: { id: "asc" } });
    expect(logs.map((l) => l.rating)).toEqual([3, 3, 1]);
    const states = await t.db.cardState.findMany({ where: { userId: alice.userId } });
    expect(states).toHaveLength(3);
    expect(states.every((s) => s.state !== CARD_STATES.new)).toBe(true);
  });

  it("names the answer of a wrong quiz answer by the letter its button showed", async () => {
    const rightLetters: string[] = [];
    for (let quiz = 0; quiz < 3; quiz++) {
      let reply = await t.bot.command(alice, { name: "quiz", count: 3 }, t.clock.now);
      for (let i = 0; i < 3; i++) {
        const buttons = reply.view.buttons.flat();
        const right = buttons.find((b) => b.label.includes("Right answer")) ?? buttons.find((b) => b.label === "False")!;
        const wrong = buttons.find((b) => b.label.includes("Wrong")) ?? buttons.find((b) => b.label === "True")!;
        if (right.label !== "False") rightLetters.push(right.label[0]!);
        reply = await click(wrong.action);
        expect(reply.view.body).toContain(`❌ Not quite. The answer is **${right.label}**.`);
        reply = await click(button(reply, i < 2 ? "Next question" : "See score"));
      }
    }
    // The deck file puts every right answer first: the shuffle moved at least one.
    expect(rightLetters.some((l) => l !== "A")).toBe(true);
  });

  it("counts a quiz answer once however many times it is clicked", async () => {
    const q = await t.bot.command(alice, { name: "quiz", topic: "net", count: 1 }, t.clock.now);
    const choice = q.view.buttons.flat()[0]!.action;
    const [a, b] = await Promise.all([click(choice), click(choice)]);
    expect([a.mode, b.mode].sort()).toEqual(["notice", "update"]);
    const other = await click(q.view.buttons.flat()[1]!.action);
    expect(other.view.body[0]).toBe("You already answered this question; your first answer counts.");
    expect(await t.db.quizAnswer.count()).toBe(1);
    expect(await t.db.reviewLog.count()).toBe(1);
  });

  it("refuses a quiz that belongs to someone else, or that has ended", async () => {
    const q = await t.bot.command(alice, { name: "quiz", count: 1 }, t.clock.now);
    const choice = q.view.buttons.flat()[0]!.action;
    const bob = await t.bot.click({ ...alice, userId: "console:bob" }, choice, t.clock.now);
    expect(bob.view.body[0]).toContain("someone else");
    t.clock.advance(2 * DAY);
    expect((await click(choice)).view.body[0]).toContain("This quiz has ended");
    expect(await t.db.reviewLog.count()).toBe(0);
  });

  it("reports stats that count today's reviews, retention and the streak", async () => {
    let reply = await t.bot.command(alice, { name: "study" }, t.clock.now);
    await answerCard(t, alice, reply, "Easy");
    const stats = await t.bot.command(alice, { name: "stats" }, t.clock.now);
    const text = stats.view.body.join("\n");
    expect(text).toContain("Reviewed today: **1**");
    expect(text).toContain("Current streak: **1** day");
    expect(text).toContain("Retention (last 30 days): **none yet (it counts reviews of cards you already learned)**");
    t.clock.advance(30 * DAY);
    reply = await t.bot.command(alice, { name: "study" }, t.clock.now);
    await answerCard(t, alice, reply, "Good");
    const later = (await t.bot.command(alice, { name: "stats" }, t.clock.now)).view.body.join("\n");
    expect(later).toContain("Retention (last 30 days): **100.0% (1/1)**");
    expect(later).toContain("Current streak: **1** day");
  });

  it("answers unknown commands, unknown topics and malformed settings with the problem, changing nothing", async () => {
    await t.bot.command(alice, { name: "settings", changes: { retention: "0.85" } }, t.clock.now);
    const cases: [string, RegExp][] = [
      ["/dance", /I don't know the command "dance"/],
      ["/study volcanoes", /There is no topic "volcanoes"\. Topics: basics, net/],
      ["/quiz basics 99", /count.*1 to 20/],
      ["/settings retention 1.5", /retention must be between 0.7 and 0.97/],
      ["/settings retention lots", /retention must be/],
      ["/settings new -3", /new must be a whole number from 0 to 500/],
      ["/settings timezone Mars/Base", /not a time zone/],
      ["/settings language klingon", /language must be ja, en or auto/],
    ];
    const { parseCommandLine } = await import("../../src/core/commands/parse-command-line.ts");
    for (const [line, message] of cases) {
      const reply = await t.bot.commandLine(alice, parseCommandLine(line), t.clock.now);
      expect(reply.view.body.join(" ")).toMatch(message);
      expect(reply.view.tone).toBe("error");
    }
    const user = await t.db.user.findUniqueOrThrow({ where: { id: alice.userId } });
    expect(user.desiredRetention).toBe(0.85);
    expect(user.newPerDay).toBe(20);
    expect(await t.db.reviewLog.count()).toBe(0);
  });

  it("names the problem in Japanese for a Japanese user, with no English sentence in the reply", async () => {
    await t.bot.command(alice, { name: "settings", changes: { language: "ja" } }, t.clock.now);
    const cases: [string, string][] = [
      ["/quiz basics 99", "オプション「count」：1〜20 の整数で指定してください"],
      ["/quiz basics 2.5", "オプション「count」：1〜20 の整数で指定してください"],
      ["/settings retention 1.5", "設定は保存されませんでした：retention は 0.7〜0.97 の範囲で指定してください"],
      ["/settings retention lots", "設定は保存されませんでした：retention は 0.7〜0.97 の数値で指定してください"],
      ["/settings new -3", "設定は保存されませんでした：new は 0〜500 の整数で指定してください"],
      ["/settings reviews 1e9", "設定は保存されませんでした：reviews は 0〜9999 の整数で指定してください"],
      ["/settings language klingon", "設定は保存されませんでした：language は ja、en、auto のいずれかで指定してください"],
      ["/settings timezone Mars/Base", "「Mars/Base」はタイムゾーンではありません"],
      ["/settings colour blue", "オプション「colour」：設定の名前ではありません。"],
      ["/settings retention", "オプション「retention」：値を一つだけ指定してください"],
      ["/stats now", "オプション「stats」：オプションはありません"],
      ["/leaderboard yesterday", "オプション「yesterday」：week、month、all"],
      ["/deck shuffle", "オプション「shuffle」：list、import <ファイル>、rename"],
    ];
    const { parseCommandLine } = await import("../../src/core/commands/parse-command-line.ts");
    for (const [line, expected] of cases) {
      const body = (await t.bot.commandLine(alice, parseCommandLine(line), t.clock.now)).view.body.join("\n");
      expect(body, line).toContain(expected);
      expect(body, line).not.toMatch(/must be|is not a|takes no|needs exactly|should be/);
    }
    const user = await t.db.user.findUniqueOrThrow({ where: { id: alice.userId } });
    expect(user.desiredRetention).toBe(0.9);
    expect(user.newPerDay).toBe(20);
  });

  it("shows and changes settings, and speaks Japanese when asked", async () => {
    const shown = await t.bot.command(
      alice,
      { name: "settings", changes: { language: "ja", timezone: "asia/tokyo", retention: 0.92 } },
      t.clock.now,
    );
    expect(shown.view.title).toBe("設定");
    expect(shown.view.body.join("\n")).toContain("タイムゾーン：**Asia/Tokyo**");
    expect(shown.view.body.join("\n")).toContain("目標定着率：**0.92**");
    const study = await t.bot.command(alice, { name: "study" }, t.clock.now);
    // Whichever card comes first in alice's order of new cards, in Japanese.
    expect(study.view.body.join("\n")).toContain(firstNewPrompt(alice.userId, items, "ja"));
    expect(study.view.buttons.flat()[0]?.label).toBe("答えを見る");
  });

  it("lists topics with their card counts", async () => {
    const topics = await t.bot.command(alice, { name: "topics" }, t.clock.now);
    expect(topics.view.body[0]).toContain("**Topic basics** (`basics`): 3 cards");
    expect(topics.view.body[0]).toContain("**Topic net** (`net`): 1 card");
  });
});
