// Live quiz rounds on Slack end to end: the real Bolt App runs the bot's adapter against the local
// fake Slack on a real database, and the round's driver posts and updates the channel's messages
// through the Slack sender. Time is the test's clock: clicks are answered at it and the driver is
// ticked with it, so nothing here waits for a real deadline.
import { webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { SlackSender } from "../../src/adapters/slack/slack-sender.ts";
import { GameDispatcher } from "../../src/jobs/game-dispatcher.ts";
import { encodeInteraction, encodeSlashCommand, postToApp, type StoredMessage } from "../fakes/slack/fake-slack.ts";
import { blockActionsPayload, slashCommandPayload, type Actor } from "../fakes/slack/payloads.ts";
import { aFiveChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import {
  buttonsOf,
  DEFAULT_CHANNEL,
  DEFAULT_USER,
  SIGNING_SECRET,
  startSlackHarness,
  STANDARD_WORKSPACE,
  textOf,
  type SlackHarness,
} from "../support/slack-harness.ts";

const library = aLibrary(
  [aFiveChoiceQuestion("q-1", ["net"]), aFiveChoiceQuestion("q-2", ["net"]), aFiveChoiceQuestion("q-3", ["net"]), aFlashcard("card-1")],
  ["net"],
);
const AIKO: Actor = { id: "U0AIKO0001", name: "aiko" };
const BEN: Actor = { id: "U0BEN00001", name: "ben" };
const CHEN: Actor = { id: "U0CHEN0001", name: "chen" };
const OTHER_CHANNEL = { id: "C0QUIZROOM", name: "quiz-room" };
const UNKNOWN_BUTTON = "This button is no longer valid. Start again with /study or /quiz.";

for (const mode of ["socket", "http"] as const) {
  describe.each(DATABASES)(`live rounds on Slack in ${mode} mode, on %s`, (kind) => {
    let h: SlackHarness;
    let driver: GameDispatcher;

    afterEach(async () => {
      await h.stop();
    });

    async function start() {
      h = await startSlackHarness(kind, library, mode);
      const client = new webApi.WebClient("xoxb-test-token", { slackApiUrl: h.fake.apiUrl, logLevel: webApi.LogLevel.ERROR });
      driver = new GameDispatcher({
        games: h.t.stores.games,
        cards: h.t.stores.cards,
        profiles: h.t.stores.profiles,
        sender: new SlackSender(client),
        logger: h.logs.logger,
        owner: "test-instance",
      });
      for (const who of [AIKO, BEN, CHEN]) h.fake.setUser(STANDARD_WORKSPACE.teamId, who.id, { name: who.name ?? who.id });
    }

    /** The round's driver ticks at the test clock's time until no step is due then (one step per tick). */
    async function tick(): Promise<number> {
      let steps = 0;
      for (let ticks = 0; ticks < 20; ticks++) {
        const taken = await driver.tick(h.t.clock.now);
        if (taken === 0) return steps;
        steps += taken;
      }
      throw new Error("the round's driver kept stepping at one instant");
    }

    /** `/study <text>` from `user` in `channel`; the private answer's text. */
    async function study(text: string, user: Actor = DEFAULT_USER, channel = DEFAULT_CHANNEL): Promise<string> {
      const responseUrl = h.fake.responseUrl({ channel: channel.id, userId: user.id });
      const payload = slashCommandPayload({ responseUrl, text, user, channel });
      if (mode === "socket") await h.fake.socket.sendSlashCommand(payload);
      else {
        const response = await postToApp(h.eventsUrl, { body: encodeSlashCommand(payload), signingSecret: SIGNING_SECRET });
        expect(response.status).toBe(200);
      }
      const message = await h.fake.waitFor(() => h.fake.responseMessage(responseUrl), 5000);
      expect(message).toMatchObject({ ephemeral: true, visibleTo: user.id });
      return said(message);
    }

    /**
     * `user` presses the button whose text contains `label` on a message (its current state, or a version a
     * client still shows); the private acknowledgement's text.
     */
    async function click(message: StoredMessage, label: string, user: Actor, shown: StoredMessage["blocks"] = message.blocks) {
      const button = buttonsOf({ ...message, blocks: shown }).find((b) => b.text.includes(label));
      if (!button)
        throw new Error(`no button "${label}" in ${JSON.stringify(buttonsOf({ ...message, blocks: shown }).map((b) => b.text))}`);
      return press(message, { actionId: button.actionId, value: button.value, text: button.text }, user);
    }

    async function press(message: StoredMessage, action: { actionId: string; value: string; text: string }, user: Actor) {
      const responseUrl = h.fake.responseUrl({ channel: message.channel, userId: user.id, messageTs: message.ts });
      const payload = blockActionsPayload({
        responseUrl,
        container: { channelId: message.channel, messageTs: message.ts },
        actions: [action],
        user,
      });
      if (mode === "socket") await h.fake.socket.sendBlockActions(payload);
      else {
        const response = await postToApp(h.eventsUrl, { body: encodeInteraction(payload), signingSecret: SIGNING_SECRET });
        expect(response.status).toBe(200);
      }
      const answer = await h.fake.waitFor(() => h.fake.responses(responseUrl)[0], 5000);
      // A click on the round's public message is answered privately, beside it: never replacing it.
      expect(answer.body["replace_original"]).not.toBe(true);
      expect(answer.body["delete_original"]).not.toBe(true);
      const ack = h.fake.messages(message.channel).find((m) => m.ts === answer.messageTs);
      expect(ack).toMatchObject({ ephemeral: true, visibleTo: user.id });
      return said(ack);
    }

    /** What a message shows (its blocks); its fallback text must never carry one of the core's markers either. */
    function said(m: StoredMessage | undefined): string {
      expect(m?.text ?? "").not.toMatch(/⟦|⟧/);
      return textOf(m ? { ...m, text: "" } : undefined).trim();
    }

    /** The bot's public posts in a channel, oldest first (ephemeral answers aside). */
    const posts = (channel = DEFAULT_CHANNEL.id) => h.fake.messages(channel).filter((m) => !m.ephemeral);
    const now = (m: StoredMessage) => h.fake.message(m.channel, m.ts)!;

    it("plays a round with three players: the question, its live count, the reveal, the scoreboards and the podium", async () => {
      await start();
      const startedAt = h.t.clock.now.getTime();
      expect(await study("game start net questions=3 seconds=20", AIKO)).toContain("Round starting: 3 questions, 20 seconds each.");
      await tick();
      const [question] = posts();
      expect(said(question)).toContain("Question 1 of 3");
      // Slack shows the deadline as a time in each reader's own time zone.
      expect(said(question)).toContain(`<!date^${Math.floor(startedAt / 1000) + 20}^{time_secs}|`);
      expect(said(question)).toContain("0 players have answered");
      expect(buttonsOf(question).map((b) => b.text[0])).toEqual(["A", "B", "C", "D", "E"]);

      h.t.clock.advance(2_000);
      expect(await click(question!, "Right answer", AIKO)).toMatch(/^Locked in: \*[A-E]\. Right answer of q-\d\*/);
      h.t.clock.advance(2_000);
      expect(await click(question!, "Wrong one", BEN)).toContain("Locked in: *");
      h.t.clock.advance(2_000);
      expect(await click(question!, "Right answer", CHEN)).toContain("Locked in: *");
      expect(now(question!).history).toHaveLength(1);

      await tick();
      expect(said(now(question!))).toContain("3 players have answered");
      h.t.clock.set(new Date(startedAt + 20_000).toISOString());
      await tick();
      const closed = now(question!);
      expect(said(closed)).toContain("Question 1 of 3: closed");
      expect(said(closed)).toMatch(/The answer: \*[A-E]\. Right answer of q-\d\*/);
      expect(said(closed)).toMatch(/Because q-\d/);
      expect(said(closed)).toMatch(/✅ [A-E]\. Right answer of q-\d: 2/);
      expect(said(closed)).toMatch(/[A-E]\. Wrong one of q-\d: 1/);
      expect(said(closed)).toContain(`Fastest right answer: <@${AIKO.id}> (2.0 s)`);
      expect(buttonsOf(closed)).toEqual([]);
      expect(closed.history.map((v) => /Question 1 of 3(: closed)?/.exec(said({ ...closed, ...v }))?.[0])).toEqual([
        "Question 1 of 3",
        "Question 1 of 3",
        "Question 1 of 3: closed",
      ]);
      const board = posts()[1];
      expect(said(board)).toContain("Scoreboard after question 1 of 3");
      const order = [...said(board).matchAll(/\d\. <@(U0[A-Z0-9]+)>/g)].map((m) => m[1]);
      expect(order).toEqual([AIKO.id, CHEN.id, BEN.id]);

      // The rest of the round, stopped by its starter after question 2: the podium.
      h.t.clock.advance(3_000);
      await tick();
      const second = posts().find((m) => said(m).includes("Question 2 of 3"))!;
      h.t.clock.advance(1_000);
      await click(second, "Right answer", BEN);
      expect(await study("game stop", AIKO)).toBe("The round was stopped.");
      await tick();
      expect(said(now(second))).toContain("Question 2 of 3: closed");
      const podium = posts().at(-1);
      expect(said(podium)).toContain("Final podium");
      expect(said(podium)).toContain("3 players took part.");
      expect(await h.t.db.gameAnswer.count()).toBe(4);
      expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(4);
    });

    if (mode === "http") return;

    it("records a double click once, and a late or stale click is too late", async () => {
      await start();
      await study("game start net questions=3 seconds=20", AIKO);
      await tick();
      const question = posts()[0]!;
      const shown = question.blocks;
      h.t.clock.advance(1_000);
      const both = (await Promise.all([click(question, "Wrong one", BEN), click(question, "Right answer", BEN)])).sort();
      expect(both[0]).toMatch(/^Locked in: /);
      expect(both[1]).toMatch(/^You already answered: .*Your first answer counts\./);
      expect(await h.t.db.gameAnswer.count()).toBe(1);

      // Slack delivers one click twice (the same envelope again, as after an ack it did not get): it is acked
      // and handled once, and one answer is recorded.
      const button = buttonsOf(question).find((b) => b.text.includes("Wrong two"))!;
      const responseUrl = h.fake.responseUrl({ channel: question.channel, userId: CHEN.id, messageTs: question.ts });
      const payload = blockActionsPayload({
        responseUrl,
        container: { channelId: question.channel, messageTs: question.ts },
        actions: [{ actionId: button.actionId, value: button.value, text: button.text }],
        user: CHEN,
      });
      await h.fake.socket.sendBlockActions(payload, { envelopeId: "redelivered-click" });
      await h.fake.waitFor(() => h.fake.responses(responseUrl)[0], 5000);
      const again = await h.fake.socket.sendBlockActions(payload, { envelopeId: "redelivered-click" });
      expect(again.envelope_id).toBe("redelivered-click");
      const answered = h.fake.responses(responseUrl);
      expect(answered).toHaveLength(1);
      expect(said(h.fake.messages(question.channel).find((m) => m.ts === answered[0]!.messageTs))).toMatch(
        /^Locked in: \*[A-E]\. Wrong two of q-\d\*$/,
      );
      expect(await h.t.db.gameAnswer.count()).toBe(2);
      expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(2);

      h.t.clock.advance(20_000);
      expect(await click(question, "Right answer", AIKO)).toBe("Too late: this question has closed.");
      await tick();
      expect(buttonsOf(now(question))).toEqual([]);
      expect(await click(now(question), "Right answer", AIKO, shown)).toBe("Too late: this question has closed.");
      expect(await h.t.db.gameAnswer.count()).toBe(2);
      expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(2);
      // By now (several round trips later) a second handling of the re-delivered click would have answered too.
      expect(h.fake.responses(responseUrl)).toHaveLength(1);
    });

    it("links a second start to the running round, and lets only the starter or an admin stop it", async () => {
      await start();
      await study("game start net questions=3", AIKO);
      expect(await study("game start", BEN)).toBe(`A round is already running in this channel: <#${DEFAULT_CHANNEL.id}>`);
      await tick();
      expect(posts()).toHaveLength(1);
      // Slack's link to a message needs the workspace's address (chat.getPermalink): the answer names the channel.
      expect(await study("game start net", BEN)).toBe(`A round is already running in this channel: <#${DEFAULT_CHANNEL.id}>`);
      expect(await h.t.db.gameRound.count()).toBe(1);

      expect(await study("game stop", BEN)).toBe("Only the person who started this round, or an admin, can stop it.");
      await tick();
      expect(await h.t.db.gameRound.findFirst({ select: { status: true } })).toEqual({ status: "running" });
      h.fake.setUser(STANDARD_WORKSPACE.teamId, CHEN.id, { name: "chen", isAdmin: true });
      expect(await study("game stop", CHEN)).toBe("The round was stopped.");
      await tick();
      expect(said(posts().at(-1))).toContain("The round was stopped early.");
    });

    it("posts a Japanese team's round in Japanese and acknowledges an English reader in English", async () => {
      await start();
      h.fake.setUser(STANDARD_WORKSPACE.teamId, AIKO.id, { name: "aiko", isAdmin: true, locale: "ja-JP" });
      h.fake.setUser(STANDARD_WORKSPACE.teamId, BEN.id, { name: "ben", locale: "en-US" });
      await study("team language ja", AIKO);
      expect(await h.t.db.team.findUnique({ where: { id: `slack:${STANDARD_WORKSPACE.teamId}` }, select: { locale: true } })).toEqual({
        locale: "ja",
      });
      // ben, who reads English, starts it: he is answered in English, the channel reads Japanese.
      expect(await study("game start net questions=3 seconds=30", BEN)).toBe(
        "Round starting: 3 questions, 30 seconds each. Watch the channel!",
      );
      await tick();
      const question = posts()[0]!;
      expect(said(question)).toContain("第1問（全3問）");
      expect(said(question)).toContain("0人が回答済み");
      expect(buttonsOf(question).every((b) => b.text.endsWith("（日本語）"))).toBe(true);
      h.t.clock.advance(1_000);
      expect(await click(question, "Right answer", AIKO)).toMatch(/^回答を受け付けました：\*[A-E]\. Right answer of q-\d（日本語）\*/);
      expect(await click(question, "Wrong one", BEN)).toMatch(/^Locked in: \*[A-E]\. Wrong one of q-\d\*/);
      h.t.clock.advance(30_000);
      await tick();
      expect(said(now(question))).toContain("第1問（全3問）：締め切りました");
      expect(said(posts()[1])).toContain("第1問終了時点のスコアボード（全3問）");
      await study("game stop", AIKO);
      await tick();
      expect(said(posts().at(-1))).toContain("最終結果の表彰台");
      expect(said(posts().at(-1))).toContain("参加者：2人");
    });

    it("refuses forged buttons, out-of-range options and a channel the bot cannot post in, recording nothing", async () => {
      await start();
      for (const text of [
        "game start net questions=2",
        "game start net questions=21",
        "game start net seconds=9",
        "game start net seconds=61",
      ])
        expect(await study(text, AIKO), text).toMatch(/The option "(questions|seconds)" must be a whole number from (3 to 20|10 to 60)\./);
      expect(await h.t.db.gameRound.count()).toBe(0);

      h.fake.closeChannel(OTHER_CHANNEL.id);
      const refused = await study("game start net questions=3", AIKO, OTHER_CHANNEL);
      await tick();
      expect(posts(OTHER_CHANNEL.id)).toEqual([]);
      // Slack cannot say beforehand whether the bot may post there: the start is accepted, its first post is
      // refused (not_in_channel), and the round is cancelled without a trace, its starter told in a DM.
      expect(refused).toContain("Round starting");
      expect(
        h.fake
          .callsTo("chat.postMessage")
          .filter((c) => c.args["channel"] === OTHER_CHANNEL.id)
          .map((c) => c.error),
      ).toEqual(["not_in_channel"]);
      expect(h.fake.messages(h.fake.dmChannelOf(AIKO.id)).map(said)).toEqual([
        "I could not post the round in that channel (I may not be allowed to post there), so the round was cancelled.",
      ]);
      expect(await h.t.db.gameRound.count()).toBe(0);

      await study("game start net questions=3", AIKO);
      await tick();
      const question = posts()[0]!;
      const real = buttonsOf(question)[0]!;
      const roundId = real.actionId.split(":")[1] ?? real.value.split(":")[1];
      for (const forged of ["ga:nosuchround00:0:0", `ga:${roundId}:0:9`, `ga:${roundId}:7:0`, `ga:${roundId}:0`]) {
        expect(await press(question, { actionId: forged, value: forged, text: "A. forged" }, BEN), forged).toBe(UNKNOWN_BUTTON);
      }
      // The round's own button pressed on a message in another channel.
      const elsewhere = { ...question, channel: OTHER_CHANNEL.id };
      h.fake.reopenChannel(OTHER_CHANNEL.id);
      expect(await press(elsewhere, { actionId: real.actionId, value: real.value, text: real.text }, BEN)).toBe(UNKNOWN_BUTTON);
      expect(await h.t.db.gameAnswer.count()).toBe(0);
      expect(await h.t.db.reviewLog.count()).toBe(0);
      expect(await h.t.db.member.count({ where: { userId: { endsWith: BEN.id } } })).toBe(0);
    });
  });
}
