// The weekly recap on Slack through @slack/web-api: the text posted with its key as metadata, then
// the team's board uploaded to the channel with the recap's words (people named as the picture names
// them) as alt text. A retry after a crash (a new sender, nothing in memory) finds both and posts
// neither again; one that crashed between the two uploads only the picture; a failed drawing leaves
// the text alone.
import { webApi } from "@slack/bolt";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEDULED_POST_EVENT, SlackSender } from "../../src/adapters/slack/slack-sender.ts";
import { PictureWorkers, type PictureDrawer } from "../../src/pictures/picture-drawer.ts";
import { captureLogs } from "../support/captured-logs.ts";
import { aRecap, recapPng } from "../support/recap-fixture.ts";
import { FakeSlack } from "../fakes/slack/fake-slack.ts";
import { DEFAULT_CHANNEL } from "../fakes/slack/payloads.ts";

const AIKO = "slack:T0TEAM:U0AIKO0001";
const REN = "slack:T0TEAM:U0REN00002";
const SORA = "slack:T0TEAM:U0SORA0003";
const ONCE = "recap|slack:T0TEAM|w2026-11-23";

describe("the weekly recap's picture on Slack", () => {
  let fake: FakeSlack;
  let pictures: PictureWorkers;
  const logs = captureLogs("warn");
  /** A sender as a fresh process makes it: nothing remembered from earlier attempts. */
  const senderWith = (drawer: PictureDrawer) =>
    new SlackSender(new webApi.WebClient("xoxb-test", { slackApiUrl: fake.apiUrl, logLevel: webApi.LogLevel.ERROR }), {
      pictures: { drawer, logger: logs.logger, nameOf: (id) => ({ [AIKO]: "Aiko Tanaka", [REN]: "田中 蓮" })[id] },
    });
  beforeEach(async () => {
    fake = await FakeSlack.start();
    pictures = new PictureWorkers();
  });
  afterEach(async () => {
    await pictures.close();
    await fake.stop();
  });

  const people = [
    { userId: AIKO, xp: 120 },
    { userId: REN, xp: 80 },
    { userId: SORA, xp: 10 },
  ];
  const texts = () => fake.messages(DEFAULT_CHANNEL.id).filter((m) => m.files === undefined);

  it("posts the text with its key, then uploads the board to the channel with the recap's words as alt text", async () => {
    const { post, picture } = aRecap(people, "ja");
    const sent = await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(sent).toMatchObject({ ok: true });
    expect(texts()).toHaveLength(1);
    expect(texts()[0]!.metadata).toEqual({ event_type: SCHEDULED_POST_EVENT, event_payload: { key: ONCE } });
    const [file] = fake.uploadedFiles();
    expect(fake.uploadedFiles()).toHaveLength(1);
    expect(file!.name).toBe("recap-2026-11-23.png");
    expect(file!.channel).toBe(DEFAULT_CHANNEL.id);
    expect(file!.altText).toContain("週間まとめ（2026-11-23の週）");
    expect(file!.altText).toContain("1. Aiko Tanaka · 120 XP");
    expect(file!.altText).toContain("2. 田中 蓮 · 80 XP");
    expect(file!.altText).toContain("3. チームメンバー · 10 XP");
    // The picture follows the text it goes with.
    expect(Number(file!.messageTs[0])).toBeGreaterThan(Number(texts()[0]!.ts));
    const png = recapPng(new Uint8Array(file!.bytes), 3);
    expect(png.width).toBe(1000);
    expect(png.height).toBe(png.expectedHeight);
    expect(png.ink).toBeGreaterThan(10_000);
    expect(png.bars).toBeGreaterThan(500);
  });

  it("posts nothing again when the recap is retried after a crash that came after both went out", async () => {
    const { post, picture } = aRecap(people);
    await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    const first = texts()[0]!;
    const again = await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(again).toEqual({ ok: true, messageRef: `${DEFAULT_CHANNEL.id}/${first.ts}` });
    expect(texts()).toHaveLength(1);
    expect(fake.uploadedFiles()).toHaveLength(1);
  });

  it("uploads the picture alone when the retry finds the text but no picture after it", async () => {
    const { post, picture } = aRecap(people);
    // The first attempt's upload is refused: its text went, its picture did not.
    fake.failNext("files.getUploadURLExternal", { error: "ratelimited" });
    const first = await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(first).toMatchObject({ ok: true });
    expect(fake.uploadedFiles()).toHaveLength(0);
    expect(logs.text()).toContain("picture was not uploaded");
    await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(texts()).toHaveLength(1);
    expect(fake.uploadedFiles()).toHaveLength(1);
  });

  it("does not upload again when Slack shared the picture but its answer was lost", async () => {
    const { post, picture } = aRecap(people);
    fake.failNext("files.completeUploadExternal", { status: 500, afterWork: true });
    await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(fake.uploadedFiles()).toHaveLength(1);
    await senderWith(pictures).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(texts()).toHaveLength(1);
    expect(fake.uploadedFiles()).toHaveLength(1);
  });

  it("posts the text alone when the picture cannot be drawn", async () => {
    const { post, picture } = aRecap(people);
    const failing: PictureDrawer = { draw: () => Promise.reject(new Error("no drawing today")), close: () => Promise.resolve() };
    const sent = await senderWith(failing).channel("slack:T0TEAM", DEFAULT_CHANNEL.id, post, [], ONCE, { picture });
    expect(sent).toMatchObject({ ok: true });
    expect(texts()).toHaveLength(1);
    expect(fake.uploadedFiles()).toHaveLength(0);
    expect(fake.pendingUploads()).toHaveLength(0);
  });
});
