// The Slack adapter end to end: the real Bolt App against the local fake Slack (Web API, Socket
// Mode, response_url), on a real database, in both modes.
import { afterEach, describe, expect, it } from "vitest";
import { encodeInteraction, encodeSlashCommand, nowInSeconds, postToApp, type StoredMessage } from "../fakes/slack/fake-slack.ts";
import { appHomeOpenedPayload, blockActionsPayload, slashCommandPayload } from "../fakes/slack/payloads.ts";
import { GRID_HOME_TEAM_ID, GRID_WORKSPACE } from "../fakes/slack/workspace.ts";
import { aChoiceQuestion, aFiveChoiceQuestion, aFlashcard, aLibrary } from "../support/builders.ts";
import { DATABASES } from "../support/databases.ts";
import {
  buttonsOf,
  DEFAULT_USER,
  SIGNING_SECRET,
  startSlackHarness,
  STANDARD_WORKSPACE,
  textOf,
  type SlackHarness,
} from "../support/slack-harness.ts";

const library = aLibrary([
  aFlashcard("card-1"),
  aFlashcard("card-2"),
  // The questions come after both flashcards, so everyone's first card is a flashcard.
  aChoiceQuestion("q-1", { topics: ["net"], requires: ["card-1", "card-2"] }),
  aChoiceQuestion("q-2", { topics: ["net"], requires: ["card-1", "card-2"] }),
]);

/** Every payload the app sent stays inside Block Kit's limits (the fake also refuses those past them). */
function expectWithinBlockKitLimits(h: SlackHarness) {
  const payloads = [
    ...h.fake.responses().map((r) => r.body),
    ...h.fake.calls.filter((c) => c.method === "chat.postMessage").map((c) => c.args),
  ];
  for (const p of payloads) {
    const blocks = (p["blocks"] ?? []) as {
      type: string;
      elements?: { text?: { text: string }; action_id?: string; value?: string }[];
      text?: { text: string };
    }[];
    expect(blocks.length).toBeLessThanOrEqual(50);
    for (const b of blocks) {
      if (b.type === "section") expect(b.text!.text.length).toBeLessThanOrEqual(3000);
      if (b.type === "actions") {
        expect(b.elements!.length).toBeLessThanOrEqual(25);
        for (const e of b.elements!) {
          expect(e.text!.text.length).toBeLessThanOrEqual(75);
          expect(e.action_id!.length).toBeLessThanOrEqual(255);
          expect(e.value!.length).toBeLessThanOrEqual(2000);
        }
      }
    }
  }
  expect(h.fake.calls.filter((c) => c.error === "invalid_blocks")).toEqual([]);
}

const current = (h: SlackHarness, m: StoredMessage) => h.fake.message(m.channel, m.ts)!;

for (const mode of ["socket", "http"] as const) {
  describe.each(DATABASES)(`the Slack adapter in ${mode} mode on %s`, (kind) => {
    let h: SlackHarness;
    afterEach(async () => {
      await h.stop();
    });

    it("runs a whole study session in one ephemeral message, each click replacing it", async () => {
      h = await startSlackHarness(kind, library, mode);
      const { message, ackMs } = await h.command("study basics");
      expect(ackMs).toBeLessThan(3000);
      expect(message).toMatchObject({ ephemeral: true, visibleTo: DEFAULT_USER.id });
      expect(textOf(message)).toContain("Front of card-1");
      await h.click(message, "Show answer");
      expect(buttonsOf(current(h, message)).map((b) => b.text)).toEqual([
        "Again · 1m",
        "Hard · 6m",
        "Good · 10m",
        expect.stringMatching(/^Easy · \d+d$/),
        "Report a problem",
      ]);
      await h.click(current(h, message), "Good");
      expect(textOf(current(h, message))).toContain("Rated Good: next review in 10 min.");
      expect(textOf(current(h, message))).toContain("Front of card-2");
      await h.click(current(h, message), "Show answer");
      await h.click(current(h, message), "Easy");
      expect(textOf(current(h, message))).toContain("All done. Next review in 10 min.");
      expect(h.fake.messages(message.channel)).toHaveLength(1);
      expect(await h.t.db.reviewLog.count()).toBe(2);
      expect(await h.t.db.member.findMany({ select: { teamId: true, userId: true } })).toEqual([
        { teamId: `slack:${STANDARD_WORKSPACE.teamId}`, userId: `slack:${STANDARD_WORKSPACE.teamId}:${DEFAULT_USER.id}` },
      ]);
      expectWithinBlockKitLimits(h);
    });

    it("runs a whole quiz with explanations and a score", async () => {
      h = await startSlackHarness(kind, library, mode);
      const { message } = await h.command("quiz net 2");
      for (let i = 1; i <= 2; i++) {
        expect(textOf(current(h, message))).toContain(`Question ${i} of 2`);
        const right = buttonsOf(current(h, message)).find((b) => b.text.includes("Right answer"))!;
        await h.click(current(h, message), right.text);
        expect(textOf(current(h, message))).toContain("Correct!");
        expect(textOf(current(h, message))).toContain("Because q-");
        await h.click(current(h, message), i < 2 ? "Next question" : "See score");
      }
      expect(textOf(current(h, message))).toContain("Quiz over: 2 of 2 correct (100%).");
      expect(await h.t.db.reviewLog.count({ where: { source: "quiz" } })).toBe(2);
      expectWithinBlockKitLimits(h);
    });

    it("names the answer by the letter its button showed, after a wrong /study pick and a wrong quiz answer", async () => {
      h = await startSlackHarness(kind, aLibrary(["q-1", "q-2", "q-3"].map((id) => aFiveChoiceQuestion(id))), mode);
      const labelOf = (message: StoredMessage, text: string) => buttonsOf(current(h, message)).find((b) => b.text.includes(text))!.text;
      const { message: card } = await h.command("");
      const rightLetters = [labelOf(card, "Right answer")[0]];
      const rightCard = labelOf(card, "Right answer");
      await h.click(card, labelOf(card, "Wrong"));
      expect(textOf(current(h, card))).toContain(`Not quite. The answer is *${rightCard}*.`);
      expect(await h.t.db.reviewLog.findMany({ select: { rating: true, source: true } })).toEqual([{ rating: 1, source: "study" }]);

      const { message } = await h.command("quiz 3");
      for (let i = 1; i <= 3; i++) {
        const right = labelOf(message, "Right answer");
        rightLetters.push(right[0]);
        await h.click(current(h, message), labelOf(message, "Wrong"));
        expect(textOf(current(h, message))).toContain(`Not quite. The answer is *${right}*.`);
        await h.click(current(h, message), i < 3 ? "Next question" : "See score");
      }
      // The deck file writes every right answer last (E): the shuffles moved it.
      expect(rightLetters.some((l) => l !== "E")).toBe(true);
      expectWithinBlockKitLimits(h);
    });

    it("records one review when Slack delivers the same click again", async () => {
      h = await startSlackHarness(kind, library, mode);
      const { message } = await h.command("");
      await h.click(message, "Show answer");
      const answered = current(h, message);
      const good = buttonsOf(answered).find((b) => b.text.startsWith("Good"))!;
      const payload = blockActionsPayload({
        responseUrl: h.fake.responseUrl({ channel: answered.channel, userId: DEFAULT_USER.id, messageTs: answered.ts }),
        container: { channelId: answered.channel, messageTs: answered.ts, isEphemeral: true },
        actions: [{ actionId: good.actionId, value: good.value }],
      });
      if (mode === "socket") {
        await h.fake.socket.sendBlockActions(payload, { envelopeId: "env-1" });
        await h.fake.socket.sendBlockActions(payload, { envelopeId: "env-1", retryAttempt: 1, retryReason: "timeout" });
      } else {
        expect((await postToApp(h.eventsUrl, { body: encodeInteraction(payload), signingSecret: SIGNING_SECRET })).status).toBe(200);
        const retry = await postToApp(h.eventsUrl, {
          body: encodeInteraction(payload),
          signingSecret: SIGNING_SECRET,
          headers: { "X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout" },
        });
        expect(retry.status).toBe(200);
      }
      await h.fake.waitFor(() => textOf(current(h, message)).includes("Rated Good"));
      // Both deliveries were acknowledged above: once the adapter is idle, neither has work left.
      await h.adapter.idle();
      expect(await h.t.db.reviewLog.count()).toBe(1);
      expect(
        h.fake.responses().filter((r) => textOf({ text: String(r.body["text"] ?? "") } as StoredMessage).includes("already rated")),
      ).toEqual([]);
    });

    it("answers in Japanese for a user whose Slack is in Japanese", async () => {
      h = await startSlackHarness(kind, library, mode);
      h.fake.setUser(STANDARD_WORKSPACE.teamId, "U0JAPAN01", { locale: "ja-JP", tz: "Asia/Tokyo" });
      const { message } = await h.command("", { user: { id: "U0JAPAN01" } });
      expect(buttonsOf(message).map((b) => b.text)).toEqual(["答えを見る"]);
      expect(textOf(message)).toContain("新しいカード");
      expect((await h.t.db.user.findFirstOrThrow()).timeZone).toBe("Asia/Tokyo");
    });

    it("answers unknown subcommands with help, and refuses oversized text and unknown buttons politely, writing nothing", async () => {
      h = await startSlackHarness(kind, library, mode);
      const help = await h.command("dance");
      expect(textOf(help.message)).toContain('I don\'t know the command "dance"');
      expect(textOf(help.message)).toContain("/study");
      const long = await h.command(`quiz ${"x".repeat(3000)}`);
      expect(textOf(long.message)).toContain("longer than 500 characters");
      const evil = await h.command("study <!everyone>");
      expect(textOf(evil.message)).not.toContain("<!everyone>");
      expect(textOf(evil.message)).toContain("&lt;!everyone&gt;");
      const { message } = await h.command("stats");
      for (const value of ["nonsense", "rt:card-1:0:9:", "x".repeat(300)]) {
        const payload = blockActionsPayload({
          responseUrl: h.fake.responseUrl({ channel: message.channel, userId: DEFAULT_USER.id, messageTs: message.ts }),
          container: { channelId: message.channel, messageTs: message.ts, isEphemeral: true },
          actions: [{ actionId: value.slice(0, 255), value }],
        });
        const before = h.fake.responses().length;
        if (mode === "socket") await h.fake.socket.sendBlockActions(payload);
        else expect((await postToApp(h.eventsUrl, { body: encodeInteraction(payload), signingSecret: SIGNING_SECRET })).status).toBe(200);
        await h.fake.waitFor(() => h.fake.responses().length > before);
        const last = h.fake.responses().at(-1)!;
        expect(last.body["replace_original"]).toBe(false);
        expect(String(last.body["text"])).toMatch(/no longer valid|rated/);
      }
      expect(await h.t.db.reviewLog.count()).toBe(0);
      expect(await h.t.db.quizSession.count()).toBe(0);
      expect(h.logs.lines().filter((l) => l["msg"] === "slack interaction failed")).toEqual([]);
    });

    it("publishes an App Home with due counts and streak, whose Study now opens a session in the DM", async () => {
      h = await startSlackHarness(kind, library, mode);
      const event = appHomeOpenedPayload();
      if (mode === "socket") await h.fake.socket.sendEvent(event);
      else
        expect(
          (
            await postToApp(h.eventsUrl, {
              body: { raw: JSON.stringify(event), contentType: "application/json" },
              signingSecret: SIGNING_SECRET,
            })
          ).status,
        ).toBe(200);
      const home = await h.fake.waitFor(() => h.fake.homeView(DEFAULT_USER.id));
      const homeText = JSON.stringify(home);
      expect(homeText).toContain("Due now");
      expect(homeText).toContain("Current streak");
      expect(homeText).toContain("Study now");
      const payload = blockActionsPayload({
        responseUrl: "",
        container: { channelId: "", messageTs: "" },
        actions: [{ actionId: "st:", value: "st:" }],
      }) as unknown as Record<string, unknown>;
      delete payload["response_url"];
      payload["container"] = { type: "view", view_id: "V0HOME" };
      delete payload["channel"];
      if (mode === "socket") await h.fake.socket.sendBlockActions(payload as never);
      else await postToApp(h.eventsUrl, { body: encodeInteraction(payload), signingSecret: SIGNING_SECRET });
      const dm = await h.fake.waitFor(() => h.fake.messages(h.fake.dmChannelOf(DEFAULT_USER.id))[0]);
      expect(textOf(dm)).toContain("Front of card-1");
    });

    it("waits out a Web API 429 with Retry-After and loses nothing", async () => {
      h = await startSlackHarness(kind, library, mode);
      h.fake.failNext("views.publish", { status: 429, retryAfter: 1 });
      const event = appHomeOpenedPayload();
      if (mode === "socket") await h.fake.socket.sendEvent(event);
      else
        await postToApp(h.eventsUrl, {
          body: { raw: JSON.stringify(event), contentType: "application/json" },
          signingSecret: SIGNING_SECRET,
        });
      await h.fake.waitFor(() => h.fake.homeView(DEFAULT_USER.id), 8000);
      expect(h.fake.callsTo("views.publish").map((c) => c.status)).toEqual([429, 200]);
    });

    it("keys Enterprise Grid people by their org and the team by the workspace", async () => {
      h = await startSlackHarness(kind, library, mode);
      const user = { id: "W0GRIDUSER", teamId: GRID_HOME_TEAM_ID };
      h.fake.setUser(GRID_HOME_TEAM_ID, user.id, { locale: "en-US" });
      const { message } = await h.command("", { user, workspace: GRID_WORKSPACE });
      await h.click(message, "Show answer", { user, workspace: GRID_WORKSPACE });
      await h.click(current(h, message), "Good", { user, workspace: GRID_WORKSPACE });
      const log = await h.t.db.reviewLog.findFirstOrThrow();
      expect(log.userId).toBe(`slack:${GRID_WORKSPACE.enterpriseId}:${user.id}`);
      expect(log.teamId).toBe(`slack:${GRID_WORKSPACE.teamId}`);
    });
  });
}

describe("the Slack adapter in HTTP mode, checking signatures", () => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("accepts correctly signed requests and answers 401 to forged, stale or unsigned ones, writing nothing", async () => {
    h = await startSlackHarness("sqlite", library, "http");
    const body = () => encodeSlashCommand(slashCommandPayload({ responseUrl: h.fake.responseUrl(), text: "stats" }));
    expect((await postToApp(h.eventsUrl, { body: body(), signingSecret: SIGNING_SECRET, forgeSignature: true })).status).toBe(401);
    expect((await postToApp(h.eventsUrl, { body: body(), signingSecret: SIGNING_SECRET, timestamp: nowInSeconds() - 6 * 60 })).status).toBe(
      401,
    );
    expect(
      (
        await postToApp(h.eventsUrl, {
          body: body(),
          signingSecret: SIGNING_SECRET,
          omitHeaders: ["X-Slack-Signature", "X-Slack-Request-Timestamp"],
        })
      ).status,
    ).toBe(401);
    expect((await postToApp(h.eventsUrl, { body: body(), signingSecret: SIGNING_SECRET, omitHeaders: ["X-Slack-Signature"] })).status).toBe(
      401,
    );
    // Refused before any listener ran: nothing can be in flight.
    await h.adapter.idle();
    expect(await h.t.db.user.count()).toBe(0);
    expect(h.fake.responses()).toEqual([]);
    const ok = await postToApp(h.eventsUrl, { body: body(), signingSecret: SIGNING_SECRET });
    expect(ok.status).toBe(200);
    await h.fake.waitFor(() => h.fake.responses().length === 1);
    expect(await h.t.db.user.count()).toBe(1);
  });
});
