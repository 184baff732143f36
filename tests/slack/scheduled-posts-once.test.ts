// Scheduled posts on Slack go out once: the Web API client's own retries would post again after a
// 5xx or a dropped connection that came after Slack posted. A scheduled post carries its key as
// message metadata; only 429s are sent again blindly, and after an answer that leaves it unknown
// whether Slack posted, the conversation is read for the key first.
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEDULED_POST_EVENT, SlackSender } from "../../src/adapters/slack/slack-sender.ts";
import { view } from "../../src/core/views/view.ts";
import { FakeSlack } from "../fakes/slack/fake-slack.ts";
import { DEFAULT_CHANNEL, DEFAULT_USER } from "../fakes/slack/payloads.ts";

describe("scheduled Slack posts", () => {
  let fake: FakeSlack;
  let sender: SlackSender;
  const person = `slack:T0TEAM:${DEFAULT_USER.id}`;
  beforeEach(async () => {
    fake = await FakeSlack.start();
    // The app's client, with the Web API client's default retries (ten in about thirty minutes).
    const client = new webApi.WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, logLevel: webApi.LogLevel.ERROR });
    sender = new SlackSender(client);
  });
  afterEach(async () => {
    await fake.stop();
  });

  it("posts a reminder once when Slack answers 500 after posting it, finding it by its key instead of posting again", async () => {
    fake.failNext("chat.postMessage", { status: 500, afterWork: true });
    const sent = await sender.direct(person, view({ body: ["Time to review"] }), "reminder|slack:T0TEAM:U0LEARNER1|2026-11-20|0");
    expect(sent).toMatchObject({ ok: true });
    const dm = fake.messages(fake.dmChannelOf(DEFAULT_USER.id));
    expect(dm).toHaveLength(1);
    expect(dm[0]!.metadata).toEqual({
      event_type: SCHEDULED_POST_EVENT,
      event_payload: { key: "reminder|slack:T0TEAM:U0LEARNER1|2026-11-20|0" },
    });
  });

  it("posts again once when Slack answered 500 without posting, and waits out a 429", async () => {
    fake.failNext("chat.postMessage", { status: 503 });
    fake.failNext("chat.postMessage", { status: 429, retryAfter: 1 });
    const sent = await sender.channel("slack:T0TEAM", DEFAULT_CHANNEL.id, view({ body: ["Results"] }), [], "qotd-results|q1");
    expect(sent).toMatchObject({ ok: true });
    expect(fake.messages(DEFAULT_CHANNEL.id)).toHaveLength(1);
    expect(fake.callsTo("conversations.history")).toHaveLength(1);
  });

  it("does not post again when it cannot tell whether Slack posted, and looks first when asked again", async () => {
    fake.failNext("chat.postMessage", { status: 500, afterWork: true });
    fake.failNext("conversations.history", { error: "missing_scope" });
    const first = await sender.channel("slack:T0TEAM", DEFAULT_CHANNEL.id, view({ body: ["Recap"] }), [], "recap|slack:T0TEAM|w2026-11-16");
    expect(first).toMatchObject({ ok: false, reason: "failed" });
    const again = await sender.channel("slack:T0TEAM", DEFAULT_CHANNEL.id, view({ body: ["Recap"] }), [], "recap|slack:T0TEAM|w2026-11-16");
    expect(again).toMatchObject({ ok: true });
    expect(fake.messages(DEFAULT_CHANNEL.id)).toHaveLength(1);
  });
});
