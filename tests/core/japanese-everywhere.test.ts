// The product promises that a Japanese user never reads an English sentence. This sweep drives the
// real Bot on a fresh database as a Japanese user (one whose chat client is Japanese, and one who
// chose `language ja` in an English client) through every command and button, their error paths,
// and the views the reminder and team-post jobs send, and looks for English in everything shown.
// A second check reads the whole Japanese catalog, including what the core cannot reach on its own
// (console prompts, the Slack import form).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Command } from "../../src/core/commands/command.ts";
import { parseCommandLine } from "../../src/core/commands/parse-command-line.ts";
import type { Item, Library } from "../../src/core/deck/item.ts";
import type { Actor } from "../../src/core/identity.ts";
import { messages, type Messages } from "../../src/core/i18n/messages.ts";
import type { Reply, View } from "../../src/core/views/view.ts";
import { ReminderDispatcher } from "../../src/jobs/reminder-dispatcher.ts";
import { TeamDispatcher } from "../../src/jobs/team-dispatcher.ts";
import { aChoiceQuestion, aFlashcard, aLibrary, aTrueFalse } from "../support/builders.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { DATABASES } from "../support/databases.ts";
import { FakeSender } from "../support/fake-sender.ts";
import { button, startTestBot, type TestBot } from "../support/test-bot.ts";

const MIN = 60_000;
const DAY = 86_400_000;

// ---------------------------------------------------------------------------------------------
// The detector.

/**
 * ASCII words a Japanese sentence may legitimately hold, exactly as they are written (case counts:
 * a user types `reviews`, while "Reviews" would be an English label). Every entry is something a
 * user types or a proper name, never a word of an English sentence:
 * - command names (their slash forms are removed before this list is consulted, so only the bare
 *   names replies quote back are here);
 * - option and setting keywords and their values, as the user types them (`retention`, `ja|en|auto`,
 *   `recap on|off`, `when due|not-studied`, `/leaderboard week xp`...), and the HH:MM pattern;
 * - names of formats, products and standards (XP, FSRS, CSV, YAML, Anki, IANA, Discord...);
 * - the topic ids of the test library (shown in /topics and in "unknown topic" replies);
 * - bad values this test types, which replies quote back to the user.
 */
const ALLOWED = new Set([
  // Command names, which replies quote when given options they do not take (/stats now: オプション「stats」).
  ...["stats", "topics", "undo", "export", "forget", "me", "team"],
  // Option names (/quiz count, /study topic, /vacation duration; "text" is the whole typed line).
  ...["count", "topic", "duration", "text"],
  // Settings and options, as typed.
  ...["language", "timezone", "retention", "new", "reviews", "hidden", "images", "personal", "ja", "en", "auto"],
  ...["parameters", "reset", "optimize", "fit"],
  // Names of the scheduler, the app people copy parameters from, and the figure a fit is judged by.
  ...["FSRS", "Anki", "log", "loss"],
  ...["channel", "qotd", "recap", "milestones", "here", "on", "off", "when", "due", "not", "studied"],
  // /game's subcommands, options and modes, as typed.
  ...["game", "start", "stop", "questions", "seconds", "mode", "mixed", "weak"],
  ...["week", "month", "all", "xp", "streak", "accuracy", "list", "rename", "retire", "import", "reports", "HH", "MM"],
  // Column names of deck files as their header row types them, and field names of YAML decks.
  ...["front", "back", "explanation", "question", "answer"],
  ...["name", "items", "id", "kind", "section", "topics", "statement", "choices"],
  // Values of YAML decks: item kinds, and booleans.
  ...["flashcard", "multiple", "choice", "scenario", "true", "false"],
  // Formats, products, standards and proper names; "English" is how language menus name English.
  ...["English", "ID", "XP", "FSRS", "CSV", "TSV", "YAML", "Anki", "IANA", "UTF", "MB", "DM", "Discord", "Slack", "README", "UTC", "NUL"],
  // Slack's name for its connection mode, in the console's start-up note.
  ...["Socket", "Mode"],
  // Topic ids of the test library, and technical terms its Japanese text uses.
  ...["basics", "net", "flash", "HTTP", "TCP"],
  // Bad values this test types, quoted back in replies.
  ...["dance", "volcanoes", "colour", "yesterday", "shuffle", "extra", "general", "am", "nope"],
]);

/** Anki's English menu label, quoted beside the Japanese for people whose Anki shows English. */
const UI_LABELS = ["Notes in Plain Text"];

/** Removes what is ASCII by nature: markup, ids, mentions, commands, time zones, identifiers. */
function withoutLegitimateAscii(text: string): string {
  return (
    UI_LABELS.reduce((t, english) => t.replaceAll(english, " "), text)
      // Mention markers (src/core/views/user-mention.ts), rendered as names by each platform.
      .replace(/⟦u:[0-9a-f]+:[^⟧]*⟧/g, " ")
      // Code spans hold ids (topic and deck ids); bold markers are markup.
      .replace(/`[^`\n]*`/g, " ")
      .replace(/\*\*/g, " ")
      // Platform ids such as discord:11 or console:local.
      .replace(/\b[a-z]+:[\w:@-]+/g, " ")
      // Slash commands: /study, /forget-me.
      .replace(/(^|[^\w/])\/[a-z][a-z-]*/g, "$1 ")
      // IANA time zones (Asia/Tokyo), and the bad one this test types (Mars/Base).
      .replace(/\b[A-Z][A-Za-z_]+(?:\/[A-Za-z_+-]+)+/g, " ")
      // File name extensions (復習履歴.csv, .txt).
      .replace(/\.(?:csv|tsv|txt|yaml|yml|db|md)\b/g, " ")
      // Environment variable names (DISCORD_TOKEN).
      .replace(/\b[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+\b/g, " ")
  );
}

/**
 * The English in a text: each stretch of ASCII (split at Japanese text, full-width punctuation and
 * line breaks) that holds a word of two or more letters not in the allow-list. This is stricter
 * than looking for three English words in a row, which misses short lines such as "Correct
 * answer: **A**", "Due now: 3" or a button labelled "Undo".
 */
function englishIn(text: string): string[] {
  const found: string[] = [];
  for (const segment of withoutLegitimateAscii(text).split(/[^\x20-\x7e]+/)) {
    const words = segment.match(/[A-Za-z]{2,}/g) ?? [];
    if (words.some((w) => !ALLOWED.has(w))) found.push(segment.trim());
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// What the user saw.

interface Shown {
  step: string;
  part: string;
  text: string;
}

class Transcript {
  readonly shown: Shown[] = [];
  readonly steps = new Set<string>();

  text(step: string, part: string, text: string): void {
    this.steps.add(step);
    this.shown.push({ step, part, text });
  }

  view(step: string, v: View): View {
    this.steps.add(step);
    if (v.title !== undefined) this.text(step, "title", v.title);
    v.body.forEach((b, i) => this.text(step, `body[${i}]`, b));
    if (v.footer !== undefined) this.text(step, "footer", v.footer);
    v.buttons.flat().forEach((b) => this.text(step, `button ${b.action}`, b.label));
    return v;
  }

  /**
   * A reply. Attached files are data, not sentences: CSV exports keep the column names the FSRS
   * optimiser and spreadsheets expect (card_id, review_time...), and a deck exported as YAML holds
   * both languages of every card so that it imports back as it is.
   */
  reply(step: string, r: Reply): Reply {
    this.view(step, r.view);
    if (r.form) {
      const f = r.form;
      [f.title, f.submit, f.cancel].forEach((text, i) => this.text(step, `form ${["title", "submit", "cancel"][i]}`, text));
      for (const field of f.fields) {
        this.text(step, `form ${field.id}`, field.label);
        if (field.kind === "choice") field.options.forEach((o) => this.text(step, `form ${field.id} ${o.value}`, o.label));
        else this.text(step, `form ${field.id} placeholder`, field.placeholder);
      }
    }
    return r;
  }

  leaks(): string[] {
    return this.shown.flatMap((s) => englishIn(s.text).map((e) => `${s.step} › ${s.part}: "${e}" in ${JSON.stringify(s.text)}`));
  }
}

// ---------------------------------------------------------------------------------------------
// A library written in Japanese on its Japanese side.

const both = (en: string, ja: string) => ({ en, ja });

function japaneseLibrary(): Library {
  const items: Item[] = [
    aFlashcard("f-1", {
      front: both("What does a load balancer do?", "ロードバランサーの役割は？"),
      back: both("It spreads requests over servers.", "リクエストを複数のサーバーに振り分けます。"),
      explanation: both("One server alone becomes a bottleneck.", "一台だけではボトルネックになるためです。"),
    }),
    aFlashcard("f-2", {
      front: both("What is a cache?", "キャッシュとは？"),
      back: both("A fast copy of data.", "データを高速に読むための写しです。"),
      explanation: both("It saves trips to the database.", "データベースへの問い合わせを減らせます。"),
    }),
    aFlashcard("f-3", {
      topics: ["flash"],
      front: both("What is a queue for?", "キューは何のため？"),
      back: both("To do work later.", "処理を後回しにするためです。"),
      explanation: both("Producers and consumers run apart.", "送る側と受ける側を切り離せます。"),
    }),
    aChoiceQuestion("q-1", {
      topics: ["net"],
      question: both("Which layer does HTTP belong to?", "HTTP はどの層のプロトコル？"),
      choices: [
        { ...both("Application", "アプリケーション層"), correct: true },
        both("Transport", "トランスポート層"),
        both("Physical", "物理層"),
      ],
      explanation: both("It runs on top of TCP.", "TCP の上で動きます。"),
    }),
    aChoiceQuestion("q-2", {
      question: both("What scales reads best?", "読み込みを増やすのに向くのは？"),
      choices: [
        { ...both("Read replicas", "リードレプリカ"), correct: true },
        both("A bigger disk", "大きなディスク"),
        both("Fewer indexes", "インデックスを減らす"),
      ],
      explanation: both("Replicas share the reads.", "レプリカが読み込みを分担します。"),
    }),
    aTrueFalse("tf-1", false, {
      statement: both("A cache never holds stale data.", "キャッシュが古いデータを持つことはない。"),
      explanation: both("Entries can go stale until they expire.", "有効期限までは古いままのことがあります。"),
    }),
  ];
  const library = aLibrary(items);
  const names: Record<string, { en: string; ja: string }> = {
    basics: both("Basics", "基礎"),
    net: both("Networking", "ネットワーク"),
    flash: both("Flashcards", "暗記カード"),
  };
  return {
    topics: library.topics.map((tp) => ({ ...tp, name: names[tp.id] ?? tp.name })),
    sections: [{ id: "intro", heading: "1. はじめに", name: both("Intro", "はじめに") }],
    decks: [{ meta: { id: "test-deck", name: both("Test deck", "テスト用デッキ") }, items }],
  };
}

const utf8 = (text: string) => new TextEncoder().encode(text);

// ---------------------------------------------------------------------------------------------
// The sweep.

const TEAM = "discord:900";
const CHANNEL = "700";

/** Two ways of being a Japanese user: the client says so, or the user chose it in an English client. */
const JAPANESE_USERS: [string, Actor, boolean][] = [
  ["a Japanese client", { userId: "discord:11", teamId: TEAM, clientLocale: "ja", channelId: CHANNEL }, false],
  ["`language ja` in an English client", { userId: "discord:12", teamId: TEAM, clientLocale: "en", channelId: CHANNEL }, true],
];

describe.each(DATABASES)("every message in Japanese on %s", (kind) => {
  let t: TestBot;
  let sender: FakeSender;
  const logs = captureLogs();

  beforeEach(async () => {
    // A Monday, 18:00 in Tokyo.
    t = await startTestBot(kind, japaneseLibrary(), "2026-03-02T09:00:00Z");
    sender = new FakeSender();
  });
  afterEach(async () => {
    await t.close();
  });

  it.each(JAPANESE_USERS)("for %s: no English sentence in any reply, button or post", async (_, me, choosesJapanese) => {
    const seen = new Transcript();
    const admin: Actor = { ...me, isAdmin: true };
    // Other Japanese people: a teammate, someone who clicks another's buttons, someone from another team.
    const teammate: Actor = { userId: "discord:21", teamId: TEAM, clientLocale: "ja", channelId: CHANNEL };
    const stranger: Actor = { userId: "discord:99", teamId: TEAM, clientLocale: "ja" };
    const outsider: Actor = { userId: "discord:31", teamId: "discord:901", clientLocale: "ja" };
    const now = () => t.clock.now;
    const cmd = async (step: string, command: Command, who: Actor = me) => seen.reply(step, await t.bot.command(who, command, now()));
    const line = async (text: string, who: Actor = me, options: { helpOnUnknown?: boolean } = {}) =>
      seen.reply(`line ${text.slice(0, 40)}`, await t.bot.commandLine(who, parseCommandLine(text), now(), options));
    const click = async (step: string, action: string, who: Actor = me) => seen.reply(step, await t.bot.click(who, action, now()));
    const errors = async (step: string, command: Command, who: Actor = me) => {
      const reply = await cmd(step, command, who);
      expect(reply.view.tone, step).toBe("error");
      return reply;
    };
    /** The right choice's button on a choice card of the test library. */
    const RIGHT_CHOICES = /^(?:[A-E]\. (?:アプリケーション層|リードレプリカ)|× 誤り)$/;
    /**
     * Studies every card that is due or new now, rating each `rating`: flashcards by their answer,
     * choice cards by picking the right choice; returns the last view.
     */
    const studyAll = async (step: string, rating: string, who: Actor = me) => {
      let reply = await cmd(`${step}: study`, { name: "study" }, who);
      for (let i = 0; i < 20; i++) {
        const buttons = reply.view.buttons.flat();
        const right = buttons.find((b) => b.action.startsWith("sp:") && RIGHT_CHOICES.test(b.label));
        let back: Reply;
        if (buttons.some((b) => b.label === "答えを見る")) back = await click(`${step}: show answer`, button(reply, "答えを見る"), who);
        else if (right) back = await click(`${step}: pick the right choice`, right.action, who);
        else break;
        reply = await click(`${step}: rate ${rating}`, button(back, rating), who);
      }
      return reply;
    };

    if (choosesJapanese) {
      const chosen = await cmd("settings language ja", { name: "settings", changes: { language: "ja" } });
      expect(chosen.view.title).toBe("設定");
    }

    // Someone who has never used the bot clicks a card button.
    await click("stranger's first click on a card", "sa:f-1:0:", stranger);

    // Typed commands: unknown commands and malformed options.
    for (const text of [
      "/help",
      "/dance",
      "/stats now",
      "/topics all",
      "/undo everything",
      "/export now",
      "/forget-me now",
      "/study basics net",
      "/study volcanoes",
      "/quiz 2.5",
      "/quiz basics 99",
      "/quiz volcanoes",
      "/quiz basics net flash",
      "/leaderboard yesterday",
      "/leaderboard week week",
      "/remind 07:30 Asia/Tokyo extra",
      "/vacation 7d more",
      "/team colour red",
      "/team recap",
      "/team recap on off",
      "/deck shuffle",
      "/deck rename",
      "/deck retire",
      "/settings colour blue",
      "/settings retention",
      "/settings retention 0.8 0.9",
      `/study ${"x".repeat(600)}`,
    ]) {
      const reply = await line(text);
      if (text !== "/help") expect(reply.view.tone, text).toBe("error");
    }
    await line("/dance", me, { helpOnUnknown: true });
    await line("");
    await errors("quiz count 0", { name: "quiz", count: 0 });
    await errors("quiz count 21", { name: "quiz", count: 21 });
    await errors("study unknown topic", { name: "study", topic: "volcanoes" });
    seen.reply("apology", t.bot.apology(await t.bot.locale(me)));

    // Information before any study.
    await cmd("help", { name: "help" });
    seen.view("home", await t.bot.home(me, now()));
    for (const typed of ["", "ne", "ネット"]) {
      for (const choice of await t.bot.topicChoices(me, typed)) seen.text(`topic choices "${typed}"`, "name", choice.name);
    }
    await cmd("topics", { name: "topics" });
    await cmd("stats before study", { name: "stats" });
    const nothing = await cmd("undo with nothing to undo", { name: "undo" });
    expect(nothing.view.body[0]).toBe("取り消せる評価はありません。");
    await click("undo button with nothing to undo", "ud");
    await click("undo button for an unknown card", "ud:f-1:5");
    for (const period of ["week", "month", "all"] as const) {
      for (const metric of ["xp", "streak", "reviews", "accuracy"] as const) {
        await cmd(`empty leaderboard ${period} ${metric}`, { name: "leaderboard", period, metric });
      }
    }

    // Settings: shown, changed, refused.
    await cmd("settings", { name: "settings", changes: {} });
    for (const changes of [
      { language: "klingon" },
      { timezone: "Mars/Base" },
      { retention: "1.5" },
      { retention: "lots" },
      { new: "-3" },
      { reviews: "1e9" },
      { hidden: "maybe" },
      { team: "!!bad" },
      { team: "discord:999" },
    ]) {
      await errors(`bad setting ${JSON.stringify(changes)}`, { name: "settings", changes });
    }
    for (const text of ["/settings language klingon", "/settings tz Mars/Base", "/settings new lots", "/settings reviews -1"]) {
      await line(text);
    }
    // Settings the replies themselves tell people to type.
    for (const text of ["/settings hidden on", "/settings hidden off", "/settings team personal"]) {
      expect((await line(text)).view.tone, text).toBe("success");
    }
    for (const changes of [{ retention: "0.85" }, { timezone: "asia/tokyo" }, { new: "20", reviews: "200" }, { team: "personal" }]) {
      await cmd(`setting ${JSON.stringify(changes)}`, { name: "settings", changes });
    }
    await cmd("settings language as it was", { name: "settings", changes: { language: choosesJapanese ? "ja" : "auto" } });

    // Choice cards in /study: picks right and wrong, repeated, stale and forged clicks, undo.
    const choiceCard = await cmd("study a choice card", { name: "study", topic: "net" });
    const picks = choiceCard.view.buttons.flat().filter((b) => b.action.startsWith("sp:"));
    const rightPick = picks.find((b) => RIGHT_CHOICES.test(b.label))!.action;
    const wrongPick = picks.find((b) => !RIGHT_CHOICES.test(b.label))!.action;
    const rightView = await click("pick the right choice", rightPick);
    expect(rightView.view.buttons.flat().map((b) => b.label.split(" · ")[0])).toEqual(["難しい", "正解", "簡単"]);
    await click("rate a right pick as Again (forged)", button(rightView, "正解").replace(/:3:net$/, ":1:net"));
    await click("rate a wrong pick (forged)", "cr:q-1:0:1:3:net");
    await click("show the answer of a choice card", "sa:q-1:0:net");
    await click("self-rate a choice card", "rt:q-1:0:3:net");
    const wrongView = await click("pick a wrong choice", wrongPick);
    await click("pick the wrong choice again", wrongPick);
    await click("pick the right choice after a wrong pick", rightPick);
    await click("next card after a wrong pick", button(wrongView, "次のカードへ"));
    await click("undo a wrong pick", button(wrongView, "取り消す"));

    // Studying: a card, its answer, ratings, stale and repeated clicks, undo.
    const front = await cmd("study", { name: "study" });
    const firstShow = button(front, "答えを見る");
    const back = await click("show answer", firstShow);
    const firstRate = button(back, "もう一度");
    const afterAgain = await click("rate again", firstRate);
    const firstUndo = button(afterAgain, "取り消す");
    await click("rate the same card twice", firstRate);
    await click("show the answer of a rated card", firstShow);
    await click("show the answer of a card that is gone", "sa:missing-item:0:");
    await click("rate a card that is gone", "rt:missing-item:0:3:");
    await click("stranger shows my card's answer", firstShow, stranger);
    // The card rated Again comes back in minutes; rating it again makes the first rating impossible to undo.
    t.clock.advance(15 * MIN);
    let studied = await studyAll("first session", "正解");
    await click("undo a rating whose card changed since", firstUndo);
    await cmd("undo the last rating", { name: "undo" });
    studied = await studyAll("first session again", "簡単");
    expect(studied.view.body.join("\n")).toContain("すべて完了");
    await cmd("all done", { name: "study" });
    await cmd("study a topic", { name: "study", topic: "net" });
    await cmd("stats after study", { name: "stats" });

    // Daily limits: new cards, then reviews.
    await cmd("settings new 1", { name: "settings", changes: { new: "1" } });
    const newLimit = await cmd("study with the new-card limit reached", { name: "study" });
    expect(newLimit.view.body.join("\n")).toContain("今日の新しいカード");
    await cmd("settings new 0", { name: "settings", changes: { new: "0" } });
    await cmd("study with no new cards allowed", { name: "study" });
    t.clock.advance(40 * DAY);
    await cmd("settings reviews 0", { name: "settings", changes: { reviews: "0" } });
    // Cards still learning come first; then the review limit holds the rest back.
    const reviewLimit = await studyAll("study with the review limit reached", "簡単");
    expect(reviewLimit.view.body.join("\n")).toContain("今日の復習");
    await cmd("settings back to the defaults", { name: "settings", changes: { new: "20", reviews: "200" } });
    await studyAll("reviews after the limits", "難しい");

    // Quizzes: a whole quiz, repeated and foreign clicks, the end, a quiz with no questions.
    let quiz = await cmd("quiz", { name: "quiz", count: 3 });
    const firstQuestion = quiz;
    const sessionId = /^qa:([0-9a-zA-Z]{10}):/.exec(quiz.view.buttons.flat()[0]?.action ?? "")?.[1] ?? "";
    expect(sessionId).not.toBe("");
    await click("stranger answers my quiz", quiz.view.buttons.flat()[0]!.action, stranger);
    await click("stranger moves my quiz on", `qn:${sessionId}:1`, stranger);
    await click("quiz answer out of range", `qa:${sessionId}:0:4`);
    for (let i = 0; i < 3; i++) {
      const choices = quiz.view.buttons.flat();
      const answered = await click(`quiz answer ${i + 1}`, choices[i % choices.length]!.action);
      await click(`quiz answer ${i + 1} again`, choices[(i + 1) % choices.length]!.action);
      await click(`quiz question ${i + 1} again`, `qn:${sessionId}:${i}`);
      quiz = await click(`quiz next after ${i + 1}`, answered.view.buttons.flat()[0]!.action);
    }
    expect(quiz.view.body[0]).toContain("クイズ終了");
    await cmd("undo after a quiz answer", { name: "undo" });
    await click("answer a finished quiz", firstQuestion.view.buttons.flat()[0]!.action);
    await click("see the score again", `qn:${sessionId}:3`);
    const again = await click("another quiz", button(quiz, "もう一度クイズ"));
    await click("quiz from the home page", "qs::5");
    t.clock.advance(2 * DAY);
    await click("answer an expired quiz", again.view.buttons.flat()[0]!.action);
    await click("next on an expired quiz", `qn:${/^qa:([0-9a-zA-Z]{10}):/.exec(again.view.buttons.flat()[0]!.action)?.[1]}:0`);
    await click("answer an unknown quiz", "qa:0123456789:0:0");
    await click("next on an unknown quiz", "qn:0123456789:0");
    await cmd("quiz on a topic without questions", { name: "quiz", topic: "flash" });
    await line("/quiz net 2");

    // Leaderboards with people on them, hidden and shown again.
    await studyAll("teammate studies", "正解", teammate);
    for (const period of ["week", "month", "all"] as const) {
      for (const metric of ["xp", "streak", "reviews", "accuracy"] as const) {
        const board = await cmd(`leaderboard ${period} ${metric}`, { name: "leaderboard", period, metric });
        for (const b of board.view.buttons.flat()) await click(`leaderboard button ${b.action}`, b.action);
      }
    }
    await line("/leaderboard all accuracy");
    await cmd("hide from leaderboards", { name: "settings", changes: { hidden: "on" } });
    await cmd("leaderboard while hidden", { name: "leaderboard" });
    await cmd("show on leaderboards", { name: "settings", changes: { hidden: "off" } });

    // Team settings: seen by anyone, refused to members, refused bad values from admins.
    await cmd("team settings", { name: "team", changes: {} });
    await errors("team change by a member", { name: "team", changes: { recap: "on" } });
    for (const changes of [
      { recap: "maybe" },
      { milestones: "sometimes" },
      { language: "fr" },
      { channel: "#general!" },
      { timezone: "Mars/Base" },
      { qotd: "9am" },
      { qotd: "25:00" },
    ]) {
      await errors(`bad team setting ${JSON.stringify(changes)}`, { name: "team", changes }, admin);
    }
    await errors("team channel here outside a channel", { name: "team", changes: { channel: "here" } }, { ...admin, channelId: undefined });
    await line("/team recap maybe", admin);
    await line("/team qotd 9am", admin);
    await cmd("team language ja", { name: "team", changes: { language: "ja" } }, admin);
    await cmd(
      "team settings changed",
      { name: "team", changes: { channel: "here", qotd: "09:00", timezone: "Asia/Tokyo", recap: "on", milestones: "on" } },
      admin,
    );
    await cmd("team settings shown", { name: "team", changes: {} });

    // Daily reminders: refused, set, shown, sent, snoozed, sent to the channel, paused.
    await cmd("remind with nothing set", { name: "remind" });
    await errors("remind with a zone and no time", { name: "remind", timeZone: "Asia/Tokyo" });
    await errors("remind at a bad time", { name: "remind", time: "9am" });
    await errors("remind in a bad zone", { name: "remind", time: "07:30", timeZone: "Mars/Base" });
    await errors("remind with a bad condition", { name: "remind", time: "07:30", when: "sometimes" });
    await line("/remind 9am");
    await line("/remind 07:30 Mars/Base");
    await line("/remind 07:30 when sometimes");
    await cmd("remind when due", { name: "remind", time: "07:30", timeZone: "Asia/Tokyo", when: "due" });
    await cmd("remind when not studied", { name: "remind", when: "not-studied" });
    await cmd("remind shown", { name: "remind" });
    await cmd("remind off", { name: "remind", off: true });
    await line("/remind 07:30 Asia/Tokyo when due");
    // Cards fall due; the reminder goes out at 07:30 Tokyo (22:30 UTC).
    const reminders = new ReminderDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner: "sweep" });
    t.clock.advance(30 * DAY);
    const profile = await t.stores.profiles.profile(me.userId);
    const composed = await t.bot.reminders.compose(profile!, now());
    if ("send" in composed) seen.view("reminder composed", composed.send);
    const remindAt = new Date(Date.UTC(now().getUTCFullYear(), now().getUTCMonth(), now().getUTCDate(), 22, 30, 30));
    t.clock.set(remindAt.toISOString());
    await reminders.tick(now());
    const dm = sender.directTo(me.userId).at(-1);
    expect(dm, "a reminder went out").toBeDefined();
    seen.view("reminder sent", dm!.view);
    const snooze = button({ view: dm!.view }, "1時間後");
    await click("snooze by someone else", snooze, stranger);
    await click("snooze", snooze);
    await click("snooze for a malformed day", `sn:bad:${me.userId}`);
    // Direct messages closed: the reminder comes in the team channel, then (no channel) reminders pause.
    sender.closed.add(me.userId);
    t.clock.advance(DAY);
    await reminders.tick(now());
    const inChannel = sender.channel_.at(-1);
    expect(inChannel?.view.title).toBe("毎日のリマインダー");
    seen.view("reminder in the team channel", inChannel!.view);
    await cmd("team channel off", { name: "team", changes: { channel: "off" } }, admin);
    t.clock.advance(DAY);
    await reminders.tick(now());
    await cmd("remind while paused", { name: "remind" });
    const paused = await cmd("study after reminders paused", { name: "study" });
    expect(paused.view.body[0]).toContain("一時停止");
    sender.closed.delete(me.userId);
    await cmd("team channel back", { name: "team", changes: { channel: "here" } }, admin);
    await cmd("remind again", { name: "remind", time: "07:30", timeZone: "Asia/Tokyo" });

    // Vacations: refused, set, shown, extended, ended early, ended by time with overdue cards spread.
    await cmd("vacation with none", { name: "vacation" });
    for (const duration of ["forever", "0d", "100d", "7x"]) await errors(`vacation ${duration}`, { name: "vacation", duration });
    await line("/vacation forever");
    await cmd("vacation off when not on one", { name: "vacation", duration: "off" });
    await cmd("vacation 7d", { name: "vacation", duration: "7d" });
    await cmd("vacation shown", { name: "vacation" });
    await cmd("remind during a vacation", { name: "remind" });
    await cmd("vacation 2w", { name: "vacation", duration: "2w" });
    t.clock.advance(10 * DAY);
    const early = await cmd("vacation ended early", { name: "vacation", duration: "off" });
    expect(early.view.body[0]).toBe("おかえりなさい！リマインダーを再開しました。");
    await cmd("vacation 3日", { name: "vacation", duration: "3日" });
    t.clock.advance(60 * DAY);
    const returned = await cmd("study after a vacation", { name: "study" });
    expect(returned.view.body[0]).toContain("分散しました");

    // Team posts: the question of the day, its results, the weekly recap, a streak milestone.
    const posts = new TeamDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner: "sweep" });
    const before = sender.channel_.length;
    // Eight days in a row from next Monday, each a little after 09:00 Tokyo (00:00 UTC): the question of
    // the day comes each morning, the streak reaches 7, and the second Monday brings the weekly recap.
    const start = now();
    const monday = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate() + ((8 - start.getUTCDay()) % 7 || 7)));
    for (let d = 0; d < 8; d++) {
      t.clock.set(new Date(monday.getTime() + d * DAY + MIN).toISOString());
      await posts.tick(now());
      const question = sender.channel_.slice(before).findLast((p) => p.view.title === "今日の問題");
      expect(question, `question of the day ${d + 1}`).toBeDefined();
      if (question && d === 0) {
        const choices = question.view.buttons.flat();
        const qdId = /^qd:([0-9a-zA-Z]{10}):/.exec(choices[0]!.action)?.[1];
        for (const [i, c] of choices.entries()) await click(`question of the day: answer ${i}`, c.action, i === 0 ? me : teammate);
        await click("question of the day: answered again", choices[1]!.action);
        await click("question of the day: from another team", choices[0]!.action, outsider);
        await click("question of the day: out of range", `qd:${qdId}:4`);
        await click("question of the day: unknown", "qd:0123456789:0");
      }
      // A quiz answer a day keeps the streak, whatever is due.
      const daily = await cmd(`day ${d + 1} of the streak: quiz`, { name: "quiz", count: 1 });
      await click(`day ${d + 1} of the streak: answer`, daily.view.buttons.flat()[0]!.action);
      if (d === 0) {
        t.clock.advance(13 * 3600_000);
        await posts.tick(now());
        await click("question of the day: closed", question!.view.buttons.flat()[0]!.action);
        expect(sender.channel_.at(-1)?.view.body.join("\n")).toContain("結果：");
      }
    }
    t.clock.advance(3600_000);
    await posts.tick(now());
    // The next day, before studying: the reminder says the streak is at risk.
    t.clock.advance(DAY);
    await t.db.cardState.updateMany({ where: { userId: me.userId }, data: { due: now() } });
    const atRisk = await t.bot.reminders.compose((await t.stores.profiles.profile(me.userId))!, now());
    expect("send" in atRisk && atRisk.send.body.join("\n")).toContain("連続記録が途切れます");
    if ("send" in atRisk) seen.view("reminder with the streak at risk", atRisk.send);
    const teamPosts = sender.channel_.slice(before);
    for (const [i, post] of teamPosts.entries())
      seen.view(`team post ${i + 1}: ${post.view.title ?? post.view.body[0]?.slice(0, 20)}`, post.view);
    const titles = teamPosts.map((p) => p.view.title ?? "");
    expect(titles).toContain("今日の問題");
    expect(titles.some((title) => title.startsWith("週間まとめ"))).toBe(true);
    expect(teamPosts.some((p) => p.view.body.join("").includes("連続学習を達成"))).toBe(true);
    await cmd("team qotd off", { name: "team", changes: { qotd: "off", recap: "off", milestones: "off" } }, admin);

    // Team decks: refused to members, files with problems, a good import, managing it.
    await cmd("deck list with none", { name: "deck", action: "list" });
    const importFile = (
      step: string,
      name: string,
      bytes: Uint8Array,
      who: Actor = admin,
      extra: { size?: number; deckName?: string } = {},
    ) =>
      cmd(
        step,
        { name: "deck", action: "import", file: { name, bytes, ...(extra.size ? { size: extra.size } : {}) }, deckName: extra.deckName },
        who,
      );
    await importFile("deck import by a member", "カード.csv", utf8("表,裏\n質問,答え\n"), me);
    const badFiles: [string, string, Uint8Array, number?][] = [
      ["too large", "大きい.csv", utf8("表,裏\n"), 5_000_000],
      ["empty", "空.csv", new Uint8Array()],
      ["not UTF-8", "壊れた.csv", new Uint8Array([0x66, 0x72, 0xff, 0xfe, 0x2c, 0x62, 0x0a])],
      ["no back column", "列なし.csv", utf8("表\n質問だけ\n")],
      ["empty cells", "空欄.csv", utf8("表,裏\n,答え\n質問,\n")],
      ["unknown format", "デッキ.bin", utf8("ただの文章です")],
      ["YAML with a wrong type", "デッキ.yaml", utf8("name: 3\nitems: 実は文字列\n")],
      ["YAML with a bad item", "デッキ.yaml", utf8("items:\n  - id: 不正なID\n    kind: flashcard\n")],
      ["Anki without tabs", "anki.txt", utf8("#separator:tab\n#html:false\n質問だけ\n")],
      ["NUL bytes", "カード.txt", utf8("質問\t答え\0\n")],
      ["twelve problems", "空欄だらけ.csv", utf8(["表,裏", ...Array.from({ length: 12 }, (_, i) => `質問${i},`)].join("\n"))],
      ["a repeated front", "重複.csv", utf8("表,裏\n同じ質問,答え1\n同じ質問,答え2\n")],
      ["YAML syntax", "デッキ.yaml", utf8("items:\n\t- id: a\n")],
      ["YAML unclosed list", "デッキ.yaml", utf8("items: [\n")],
      ["YAML two documents", "デッキ.yaml", utf8("items: []\n---\nitems: []\n")],
      ["YAML not a map", "デッキ.yaml", utf8("- 質問\n- 答え\n")],
      ["YAML unknown field", "デッキ.yaml", utf8("items: []\ncolour: blue\n")],
      ["YAML too deep", "デッキ.yaml", utf8(`items: ${"[".repeat(200)}${"]".repeat(200)}\n`)],
      [
        "YAML items with problems",
        "デッキ.yaml",
        utf8(
          [
            "items:",
            "  - id: a1",
            "    kind: essay",
            "  - id: a2",
            "    kind: multiple-choice",
            "    topics: [net]",
            "    section: s",
            "    question: { ja: 質問, en: '' }",
            "    choices: [{ ja: 同じ, en: Same, correct: true }, { ja: 同じ, en: Other, correct: true }]",
            "    explanation: { ja: 解説, en: Why }",
            "  - id: a3",
            "    kind: true-false",
            "    topics: []",
            "    section: s",
            `    statement: { ja: ${"長".repeat(800)}, en: x }`,
            "    answer: maybe",
            "    explanation: { ja: 解説, en: Why }",
          ].join("\n"),
        ),
      ],
    ];
    for (const [what, name, bytes, size] of badFiles) {
      const reply = await importFile(`deck import: ${what}`, name, bytes, admin, size ? { size } : {});
      expect(reply.view.tone, what).toBe("error");
    }
    const imported = await importFile(
      "deck import",
      "クラウド.csv",
      utf8(
        "表,裏,解説\nリージョンとは？,地理的に離れたデータセンターの集まり,障害に備えます\nゾーンとは？,リージョン内の独立した拠点,冗長化に使います\n",
      ),
      admin,
      { deckName: "クラウドの基本" },
    );
    expect(imported.view.tone).toBe("success");
    const deckId = /`([^`]+)`/.exec(imported.view.body.join("\n"))?.[1] ?? "";
    expect(deckId).not.toBe("");
    await cmd("deck list", { name: "deck", action: "list" });
    // The team deck's own topic is "team" (allowed above as the command and setting it also is), so its name is checked here.
    const topics = await cmd("topics with a team deck", { name: "topics" });
    expect(topics.view.body[0]).toContain("**チームのデッキ**（`team`）：2枚");
    const choices = await t.bot.topicChoices(me, "");
    for (const choice of choices) seen.text("topic choices with a team deck", "name", choice.name);
    expect(choices).toContainEqual({ value: "team", name: "チームのデッキ (2)" });
    const teamCard = await studyAll("study the team deck", "簡単");
    expect(seen.shown.filter((s) => s.step === "study the team deck: rate 簡単" && s.part === "footer").map((s) => s.text)).toContain(
      "トピック：チームのデッキ",
    );
    expect(teamCard.view.body.join("\n")).toContain("すべて完了");
    await errors("deck rename unknown", { name: "deck", action: "rename", deckId: "nope", deckName: "名前" }, admin);
    await errors("deck rename to nothing", { name: "deck", action: "rename", deckId, deckName: "   " }, admin);
    await errors("deck rename by a member", { name: "deck", action: "rename", deckId, deckName: "名前" });
    await cmd("deck rename", { name: "deck", action: "rename", deckId, deckName: "クラウド入門" }, admin);
    await errors("deck export unknown", { name: "deck", action: "export", deckId: "nope" }, admin);
    await cmd("deck export", { name: "deck", action: "export", deckId }, admin);
    await errors("deck retire unknown", { name: "deck", action: "retire", deckId: "nope" }, admin);
    await line(`/deck retire ${deckId} now`, admin);
    await cmd("deck retire", { name: "deck", action: "retire", deckId }, admin);
    await cmd("deck list after retiring", { name: "deck", action: "list" });

    // Problem reports: the form, its answers, and the admins' list.
    const form = await click("report button", "rp:f-1");
    expect(form.form?.fields).toHaveLength(2);
    const submit = async (step: string, action: string, values: unknown, who: Actor = me) =>
      seen.reply(step, await t.bot.submit(who, action, values, now()));
    await submit("report", form.form?.action ?? "", { reason: "typo", text: "誤字があります" });
    await submit("report again", form.form?.action ?? "", { reason: "typo" });
    await submit("report malformed", form.form?.action ?? "", { reason: "spam" });
    await submit("report unknown item", "rs:nope", { reason: "wrong" });
    await submit("report a form id that is not one", "st:", { reason: "wrong" });
    await click("report button of an unknown item", "rp:nope");
    await cmd("deck reports by a member", { name: "deck", action: "reports" });
    await cmd("deck reports", { name: "deck", action: "reports" }, admin);

    // Button ids that are stale, unknown or malformed.
    for (const id of [
      "",
      "zz",
      "st:BAD TOPIC",
      "st:volcanoes",
      "sa:f-1",
      "rt:f-1:0:9:",
      "qa:short:0:0",
      "qs::99",
      "lb:day:xp",
      "sn:bad",
      "fm:",
      "ud:Bad Id:1",
      "x".repeat(200),
      "st:a:b:c:d:e:f",
    ]) {
      await click(`malformed button ${JSON.stringify(id.slice(0, 30))}`, id);
    }

    // Export, then forgetting: cancelled, pressed by someone else, confirmed.
    const exported = await cmd("export", { name: "export" });
    // Reviews, cards, and the problem reported above.
    expect(exported.files?.length).toBe(3);
    const forget = await cmd("forget me", { name: "forget-me" });
    await click("forget me cancelled", button(forget, "キャンセル"));
    const confirm = button(await cmd("forget me again", { name: "forget-me" }), "すべて削除");
    await click("forget me pressed by someone else", confirm, stranger);
    await click("forget me confirmed", confirm);
    if (!choosesJapanese) {
      // Forgotten, the user is a stranger again; their client still says Japanese.
      await click("a click after forgetting", firstRate);
      await cmd("study after forgetting", { name: "study" });
    }

    expect(seen.steps.size).toBeGreaterThan(250);
    expect(seen.leaks()).toEqual([]);
  });

  it("shows a notice left while someone read English in Japanese once they choose Japanese", async () => {
    const seen = new Transcript();
    // Reminders pause while the person's client is English: the notice left for them is English.
    const person: Actor = { userId: "slack:T1:U1", teamId: "slack:T1", clientLocale: "en" };
    const front = await t.bot.command(person, { name: "study" }, t.clock.now);
    await t.bot.click(person, button(await t.bot.click(person, button(front, "Show answer"), t.clock.now), "Easy"), t.clock.now);
    await t.bot.command(person, { name: "remind", time: "07:30", timeZone: "UTC" }, t.clock.now);
    await t.db.cardState.updateMany({ where: { userId: person.userId }, data: { due: new Date("2026-01-01T00:00:00Z") } });
    sender.closed.add(person.userId);
    const reminders = new ReminderDispatcher({ ...t.stores, bot: t.bot, sender, logger: logs.logger, owner: "sweep" });
    expect(await reminders.tick(new Date("2026-03-03T07:30:30Z"))).toMatchObject({ paused: 1 });
    // They choose Japanese, then come back to study: the notice comes in Japanese, once.
    const now = new Date("2026-03-03T09:00:00Z");
    seen.reply("language ja", await t.bot.command(person, { name: "settings", changes: { language: "ja" } }, now));
    const back = seen.reply("study", await t.bot.command(person, { name: "study" }, now));
    expect(back.view.body[0]).toBe(messages("ja").remindersPausedDm);
    const again = seen.reply("study again", await t.bot.command(person, { name: "study" }, now));
    expect(again.view.body[0]).not.toBe(messages("ja").remindersPausedDm);
    seen.reply("remind", await t.bot.command(person, { name: "remind" }, now));
    expect(seen.leaks()).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// The whole Japanese catalog, with sample values, including messages the Bot cannot show by itself.

type FunctionKey = { [K in keyof Messages]: Messages[K] extends (...args: never[]) => unknown ? K : never }[keyof Messages];
type ArgsOf<F> = F extends (...args: infer A) => unknown ? A : never;

/** One call for every message that takes values; a new message must be added here. */
const SAMPLE_ARGS: { [K in FunctionKey]: ArgsOf<Messages[K]> } = {
  cardTitle: ["new"],
  answerLine: ["リクエストを振り分けます"],
  explanationLine: ["一台では足りないためです"],
  correctAnswer: ["A. アプリケーション層"],
  topicLine: ["基礎, ネットワーク"],
  rated: ["正解", "3日"],
  allDone: ["2日"],
  newLimitReached: [20],
  reviewLimitReached: [200],
  noCardsInTopic: ["ネットワーク"],
  undone: ["キャッシュとは？"],
  quizTitle: [1, 5],
  quizWrong: ["A. リードレプリカ"],
  quizScore: [2, 3],
  quizNoItems: ["ネットワーク"],
  stats: [{ dueNow: 1, dueToday: 2, reviewedToday: 3, retention: "90.0% (9/10)", desired: "0.90", streak: 4, cards: 5 }],
  topicLineCount: ["ネットワーク", "net", 3],
  settingsLines: [
    {
      language: "日本語",
      timezone: "Asia/Tokyo",
      retention: "0.90",
      new: "20",
      reviews: "200",
      team: "`discord:11`",
      hidden: "オン",
      images: "オン",
      parameters: "FSRS の既定値",
    },
  ],
  languageAuto: ["日本語"],
  unknownCommand: ["dance"],
  unknownTopic: ["volcanoes", "basics, net, flash"],
  invalidOption: ["count", "1〜20 の整数で指定してください"],
  invalidSetting: ["retention は 0.7〜0.97 の範囲で指定してください"],
  retentionNotANumber: [0.7, 0.97],
  retentionOutOfRange: [0.7, 0.97],
  wholeNumberFrom: ["new", 0, 500],
  onOrOff: ["recap"],
  notAChannel: ["general"],
  optionTooLong: [500],
  optionNotASetting: ["language, timezone, retention, new, reviews, team, hidden, images"],
  optionWholeNumber: [1, 20],
  consoleMode: ["console:local", "学習.db"],
  consoleChoose: [4],
  consoleSaved: ["復習履歴.csv"],
  consoleCannotRead: ["デッキ.csv"],
  consoleEnterPresses: ["正解 · 10分"],
  consoleNewDatabase: ["データ/学習.db"],
  consoleDatabaseWasMissing: ["データ/学習.db"],
  durationPhrase: ["3", "day"],
  sourceLine: ["はじめに"],
  leaderboardTitle: ["今週", "XP"],
  leaderboardValue: ["streak", 3],
  leaderboardYou: [1, "8 XP"],
  leaderboardHidden: ["8 XP"],
  leaderboardNotRanked: [10],
  weekStartsMonday: ["Asia/Tokyo"],
  reminderNone: ["Asia/Tokyo"],
  reminderAt: ["07:30", "Asia/Tokyo"],
  reminderNext: ["2026-03-03 07:30", "13時間"],
  badClockTime: ["9am"],
  badTimeZone: ["Mars/Base"],
  snoozed: ["1時間"],
  reminderDue: [3],
  streakAtRisk: [4],
  reminderForYou: ["⟦u:0123456789ab:discord:11⟧"],
  badVacation: [90],
  vacationSet: ["2026-03-09", 7],
  onVacationUntil: ["2026-03-09"],
  overdueSpread: [12, 2],
  teamLines: [{ channel: "#700", timeZone: "Asia/Tokyo", language: "日本語", qotd: "09:00", recap: true, milestones: false }],
  qotdAnswered: [false, "A. アプリケーション層"],
  qotdResults: [1, 2, "A. アプリケーション層"],
  milestone: ["⟦u:0123456789ab:discord:11⟧", 7],
  recapTitle: ["2026-03-09"],
  recapLines: [{ top: ["1. ⟦u:0123456789ab:discord:11⟧ · 15 XP"], reviews: 7, retention: "90.0%", missedTopic: "ネットワーク" }],
  exportReady: [3, 2],
  forgottenCounts: [{ reviews: 1, cards: 2, teams: 1, quizzes: 3, answers: 4, roundAnswers: 7, reminders: 5, reports: 6 }],
  lineLabel: [3],
  problemLine: [["3行目", "back"], "「back」列が空です"],
  andMore: [4],
  importDone: ["クラウドの基本"],
  importCounts: [{ added: 1, updated: 2, retired: 3, unchanged: 4 }],
  deckIdLine: ["t0123abcd-cloud"],
  teamDeckLine: ["クラウドの基本", "t0123abcd-cloud", 2],
  noSuchDeck: ["nope"],
  deckExported: [2],
  fileTooLarge: [5, 1],
  reportsItemLine: ["cloud-101", 3, "2026-03-02", "誤り ×2、誤字 ×1"],
  reportsEarlierVersion: [2],
  reportsMore: [4],
  exportReports: [2],
  consoleReportChoose: [4],
};

/** Every string a catalog value gives, with sample values for its functions. */
function catalogTexts(catalog: Messages): { key: string; text: string }[] {
  const out: { key: string; text: string }[] = [];
  const walk = (key: string, value: unknown): void => {
    if (typeof value === "string") out.push({ key, text: value });
    else if (Array.isArray(value)) value.forEach((v, i) => walk(`${key}[${i}]`, v));
    else if (typeof value === "function") {
      const args = (SAMPLE_ARGS as Record<string, unknown[]>)[key];
      if (!args) throw new Error(`no sample values for ${key}`);
      walk(key, (value as (...a: unknown[]) => unknown)(...args));
      // Both answers of messages that branch on a value.
      if (key === "allDone") walk(`${key}(null)`, (value as (...a: unknown[]) => unknown)(null));
      if (key === "quizNoItems") walk(`${key}(null)`, (value as (...a: unknown[]) => unknown)(null));
      if (key === "qotdAnswered") walk(`${key}(true)`, (value as (...a: unknown[]) => unknown)(true, "A"));
      if (key === "leaderboardNotRanked") walk(`${key}(0)`, (value as (...a: unknown[]) => unknown)(0));
    } else if (value && typeof value === "object") {
      for (const [k, v] of Object.entries(value)) walk(`${key}.${k}`, v);
    }
  };
  for (const [key, value] of Object.entries(catalog)) walk(key, value);
  return out;
}

describe("the Japanese catalog", () => {
  it("has no English sentence in any message", () => {
    const texts = catalogTexts(messages("ja"));
    expect(texts.length).toBeGreaterThan(200);
    const leaks = texts.flatMap(({ key, text }) => englishIn(text).map((e) => `${key}: "${e}" in ${JSON.stringify(text)}`));
    expect(leaks).toEqual([]);
  });

  it("the detector finds the English catalog's sentences", () => {
    // The same walk over the English catalog: the detector must see English in most of it, or it is blind.
    const texts = catalogTexts(messages("en"));
    const flagged = texts.filter(({ text }) => englishIn(text).length > 0);
    expect(flagged.length / texts.length).toBeGreaterThan(0.9);
    expect(englishIn("Rated Good: next review in 3 days.")).not.toEqual([]);
    expect(englishIn("Quiz over: 2 of 3 correct (67%).")).not.toEqual([]);
    expect(englishIn("「Good」で記録しました。")).not.toEqual([]);
    expect(englishIn("Reviews")).not.toEqual([]);
    expect(englishIn("変更するには /settings language ja|en|auto、timezone Asia/Tokyo、retention 0.9（0.70〜0.97）")).toEqual([]);
  });
});
