/**
 * Files on the fake Slack, with the real @slack/bolt App and @slack/web-api WebClient: the app sending a
 * file (files.uploadV2: getUploadURLExternal -> POST to upload_url -> completeUploadExternal) and a user
 * sending one (a modal's file_input -> view_submission -> download of url_private_download).
 */
import { request } from "node:http";
import { App, LogLevel, webApi } from "@slack/bolt";
import { afterEach, describe, expect, it } from "vitest";
import { CapturingLogger } from "./capturing-logger.ts";
import { FakeSlack, type FakeSlackOptions, MAX_UPLOAD_BYTES } from "./fake-slack.ts";
import type { ModalView } from "@slack/web-api";
import { DEFAULT_USER, slashCommandPayload, viewSubmissionWithFiles, viewSubmissionWithInputs } from "./payloads.ts";

const BOT_TOKEN = "xoxb-test";
const APP_TOKEN = "xapp-test";
const NO_BACKOFF = { retries: 3, minTimeout: 0, maxTimeout: 0 };

const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  while (cleanups.length > 0) await cleanups.pop()?.();
});

async function startFake(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const fake = await FakeSlack.start(options);
  cleanups.push(() => fake.stop());
  return fake;
}

async function startSocketApp(fake: FakeSlack, register: (app: App) => void): Promise<App> {
  const app = new App({
    token: BOT_TOKEN,
    appToken: APP_TOKEN,
    socketMode: true,
    logger: new CapturingLogger(),
    logLevel: LogLevel.DEBUG,
    clientOptions: { slackApiUrl: fake.apiUrl, retryConfig: NO_BACKOFF },
  });
  register(app);
  await app.start();
  cleanups.push(() => app.stop());
  return app;
}

function webClient(fake: FakeSlack, token: string | undefined = BOT_TOKEN): webApi.WebClient {
  return new webApi.WebClient(token, { slackApiUrl: fake.apiUrl, retryConfig: NO_BACKOFF, logger: new CapturingLogger() });
}

const platformError = async (call: Promise<unknown>): Promise<string | undefined> => {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  return error instanceof Error && "data" in error ? (error.data as { error?: string }).error : undefined;
};

const bearer = (token: string) => ({ headers: { Authorization: `Bearer ${token}` } });

// Non-ASCII on purpose: `length` must count UTF-8 bytes, not characters.
const HISTORY_CSV = "card,rating,reviewed_at\nkubectl get pods,good,2025-01-01T09:00:00Z\n冪等性とは,again,2025-01-02T09:00:00Z\n";
const DECK_CSV = "front,back\nWhat does CAP stand for?,Consistency Availability Partition tolerance\n";

const importModal = (privateMetadata: string) => ({
  type: "modal" as const,
  callback_id: "deck_import",
  private_metadata: privateMetadata,
  title: { type: "plain_text" as const, text: "Import a deck" },
  submit: { type: "plain_text" as const, text: "Import" },
  blocks: [
    {
      type: "input" as const,
      block_id: "deck_file",
      label: { type: "plain_text" as const, text: "Deck file (CSV, TSV, Anki text, YAML)" },
      element: { type: "file_input" as const, action_id: "deck_file_input", max_files: 1, filetypes: ["csv", "tsv", "txt", "yaml"] },
    },
  ],
});

describe("FakeSlack files with a Socket Mode Bolt App", () => {
  it("files.uploadV2 to a DM delivers the export CSV; a user id as channel_id is refused like Slack does", async () => {
    const fake = await startFake();
    const outcomes: Array<{ refused: string | undefined; fileId: string | undefined }> = [];
    await startSocketApp(fake, (app) => {
      app.command("/study", async ({ ack, client, command }) => {
        await ack();
        // Slack's files.completeUploadExternal refuses a user id in channel_id (^[CGDZ]...): open the DM first.
        const refused = await platformError(
          client.files.uploadV2({ channel_id: command.user_id, filename: "history.csv", file: Buffer.from(HISTORY_CSV) }),
        );
        const dm = await client.conversations.open({ users: command.user_id });
        const result = await client.files.uploadV2({
          channel_id: dm.channel?.id ?? "",
          filename: "history.csv",
          file: Buffer.from(HISTORY_CSV, "utf8"),
          title: "Review history",
          initial_comment: "Here is your review history.",
        });
        // Typed as a bare WebAPICallResult; at run time `files` holds one completeUploadExternal answer per message.
        const completions = (result as { files?: Array<{ files?: Array<{ id?: string }> }> }).files ?? [];
        outcomes.push({ refused, fileId: completions[0]?.files?.[0]?.id });
      });
    });

    await fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl(), text: "export" }));
    await fake.waitFor(() => outcomes.length === 1, 5000);
    expect(outcomes[0]?.refused).toBe("invalid_arguments");

    const dm = fake.dmChannelOf(DEFAULT_USER.id);
    const [uploaded, ...others] = fake.uploadedFiles();
    expect(others).toEqual([]);
    expect(uploaded).toMatchObject({
      id: outcomes[0]?.fileId,
      name: "history.csv",
      title: "Review history",
      filetype: "csv",
      channel: dm,
      channels: [dm],
      sharedTo: DEFAULT_USER.id,
      initialComment: "Here is your review history.",
    });
    expect(uploaded?.bytes.equals(Buffer.from(HISTORY_CSV, "utf8"))).toBe(true);
    // The refused attempt uploaded its bytes but was never completed: Slack discards such files.
    expect(fake.pendingUploads()).toMatchObject([{ name: "history.csv", state: "uploaded" }]);

    // Visible in the learner's DM: one message carrying the file, its text the initial_comment.
    expect(fake.messages(dm)).toMatchObject([
      { text: "Here is your review history.", files: [uploaded?.id], postedVia: "files.completeUploadExternal" },
    ]);

    // What @slack/web-api 8.2 actually sent.
    const reserve = fake.callsTo("files.getUploadURLExternal").at(-1);
    expect(reserve).toMatchObject({
      ok: true,
      tokenKind: "bot",
      args: { filename: "history.csv", length: String(Buffer.byteLength(HISTORY_CSV)) },
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(Buffer.byteLength(HISTORY_CSV)).toBeGreaterThan(HISTORY_CSV.length);
    const post = fake.fileTransfers("upload").at(-1);
    expect(post).toMatchObject({ status: 200, encoding: "multipart", hasToken: true, tokenKind: "bot", fileId: uploaded?.id });
    expect(post?.contentType).toMatch(/^multipart\/form-data; boundary=/);
    const completes = fake.callsTo("files.completeUploadExternal");
    expect(completes[0]).toMatchObject({ ok: false, error: "invalid_arguments", args: { channel_id: DEFAULT_USER.id } });
    expect(completes[1]).toMatchObject({
      ok: true,
      args: { files: [{ id: uploaded?.id, title: "Review history" }], channel_id: dm, initial_comment: "Here is your review history." },
    });

    // files.info and the download URL give the file back, with the bot token only.
    const info = await webClient(fake).files.info({ file: uploaded?.id ?? "" });
    expect(info.file).toMatchObject({ id: uploaded?.id, name: "history.csv", size: Buffer.byteLength(HISTORY_CSV), ims: [dm] });
    const url = info.file?.url_private_download ?? "";
    const download = await fetch(url, bearer(BOT_TOKEN));
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(uploaded?.bytes ?? Buffer.alloc(0))).toBe(true);
    expect((await fetch(url)).status).toBe(401);
  });

  it("a file_input modal's view_submission reaches app.view, which downloads the file with the bot token", async () => {
    const fake = await startFake();
    const received: Array<{ name: string; filetype: string; status: number; text: string; privateMetadata: string; infoSize?: number }> =
      [];
    await startSocketApp(fake, (app) => {
      app.command("/study", async ({ ack, client, command }) => {
        await ack();
        await client.views.open({ trigger_id: command.trigger_id, view: importModal(`team:${command.team_id}`) });
      });
      app.view("deck_import", async ({ ack, view, context, client }) => {
        await ack(); // ack first: downloading may take longer than 3 s
        const files = view.state.values.deck_file?.deck_file_input?.files ?? [];
        for (const file of files) {
          const response = await fetch(file.url_private_download, bearer(context.botToken ?? ""));
          const info = await client.files.info({ file: file.id });
          received.push({
            name: file.name,
            filetype: file.filetype,
            status: response.status,
            text: await response.text(),
            privateMetadata: view.private_metadata,
            ...(info.file?.size !== undefined && { infoSize: info.file.size }),
          });
        }
      });
    });

    await fake.socket.sendSlashCommand(slashCommandPayload({ responseUrl: fake.responseUrl(), text: "import" }));
    const modal = await fake.waitFor(() => fake.views().find((view) => view.definition.callback_id === "deck_import"));
    expect(modal.definition.blocks).toMatchObject([{ type: "input", element: { type: "file_input", max_files: 1 } }]);

    const file = fake.addUserFile({ name: "deck.csv", filetype: "csv", bytes: DECK_CSV });
    const submission = viewSubmissionWithFiles({ view: modal, files: [file] });
    expect(submission.view).toMatchObject({
      id: modal.id,
      callback_id: "deck_import",
      private_metadata: `team:${fake.workspace.teamId}`,
      state: { values: { deck_file: { deck_file_input: { type: "file_input", files: [{ id: file.id, name: "deck.csv" }] } } } },
    });
    const ack = await fake.socket.sendViewSubmission(submission);
    expect(ack.payload).toEqual({});

    await fake.waitFor(() => received.length === 1);
    expect(received[0]).toEqual({
      name: "deck.csv",
      filetype: "csv",
      status: 200,
      text: DECK_CSV,
      privateMetadata: `team:${fake.workspace.teamId}`,
      infoSize: Buffer.byteLength(DECK_CSV),
    });
    expect(fake.fileTransfers("download")).toMatchObject([{ status: 200, fileId: file.id, tokenKind: "bot" }]);

    // Without the bot token: 401; an app-level token does not read files either; unknown files: 404.
    expect((await fetch(file.url_private_download)).status).toBe(401);
    expect((await fetch(file.url_private_download, bearer(APP_TOKEN))).status).toBe(401);
    expect((await fetch(file.url_private, bearer(BOT_TOKEN))).status).toBe(200);
    const unknown = file.url_private_download.replace(file.id, "F0NOSUCHFILE");
    expect((await fetch(unknown, bearer(BOT_TOKEN))).status).toBe(404);
  });
});

describe("FakeSlack files through @slack/web-api's WebClient", () => {
  it("accepts file_input only as an input block element, with max_files 1-10", async () => {
    const fake = await startFake();
    const client = webClient(fake);
    const withInput = (element: Record<string, unknown>) => ({
      type: "modal" as const,
      title: { type: "plain_text" as const, text: "Import" },
      submit: { type: "plain_text" as const, text: "Import" },
      blocks: [{ type: "input", block_id: "f", label: { type: "plain_text", text: "File" }, element: { type: "file_input", ...element } }],
    });

    const opened = await client.views.open({
      trigger_id: "1.2.abc",
      view: withInput({ action_id: "a", max_files: 10, filetypes: ["csv"] }),
    });
    expect(fake.views().map((view) => view.id)).toEqual([opened.view?.id]);
    expect(await platformError(client.views.open({ trigger_id: "1.2.abc", view: withInput({ max_files: 11 }) }))).toBe("invalid_arguments");
    expect(await platformError(client.views.open({ trigger_id: "1.2.abc", view: withInput({ max_files: 0 }) }))).toBe("invalid_arguments");
    const inActions = {
      type: "modal" as const,
      title: { type: "plain_text" as const, text: "Import" },
      blocks: [{ type: "actions", elements: [{ type: "file_input", action_id: "a" }] }],
    };
    expect(await platformError(client.views.open({ trigger_id: "1.2.abc", view: inActions }))).toBe("invalid_arguments");
  });

  it("refuses modals Slack refuses: long titles and labels, bad selects and text inputs, inputs without a submit button", async () => {
    const fake = await startFake();
    const client = webClient(fake);
    const select = (options: { text: { type: "plain_text"; text: string }; value: string }[]) => ({
      type: "input",
      block_id: "reason",
      label: { type: "plain_text", text: "Why?" },
      element: { type: "static_select", action_id: "reason", options },
    });
    const option = (text: string, value = "v") => ({ text: { type: "plain_text" as const, text }, value });
    const modal = (over: Record<string, unknown> = {}, blocks: unknown[] = [select([option("Wrong")])]): ModalView => ({
      type: "modal" as const,
      callback_id: "report",
      title: { type: "plain_text" as const, text: "Report a problem" },
      submit: { type: "plain_text" as const, text: "Send" },
      blocks: blocks as ModalView["blocks"],
      ...over,
    });
    const text = (element: Record<string, unknown>) => ({
      type: "input",
      block_id: "text",
      label: { type: "plain_text", text: "Details" },
      element: { type: "plain_text_input", action_id: "text", ...element },
    });
    await client.views.open({ trigger_id: "1.2.abc", view: modal({}, [select([option("Wrong")]), text({ max_length: 3000 })]) });
    const refused = [
      modal({ title: { type: "plain_text", text: "x".repeat(25) } }),
      modal({ submit: { type: "plain_text", text: "x".repeat(25) } }),
      modal({ submit: undefined }),
      modal({ private_metadata: "x".repeat(3001) }),
      modal({}, [select([])]),
      modal({}, [select(Array.from({ length: 101 }, (_, i) => option(`o${i}`, `v${i}`)))]),
      modal({}, [select([option("x".repeat(76))])]),
      modal({}, [select([option("ok", "x".repeat(151))])]),
      modal({}, [text({ max_length: 3001 })]),
      modal({}, [text({ placeholder: { type: "plain_text", text: "x".repeat(151) } })]),
    ];
    for (const view of refused) expect(await platformError(client.views.open({ trigger_id: "1.2.abc", view }))).toBe("invalid_arguments");
    expect(fake.views()).toHaveLength(1);

    // A submission holds only what the modal lets a user send.
    const opened = fake.views()[0]!;
    expect(() => viewSubmissionWithInputs({ view: opened, inputs: { reason: "free beer" } })).toThrow(/not an option/);
    expect(() => viewSubmissionWithInputs({ view: opened, inputs: {} })).toThrow(/required/);
    expect(viewSubmissionWithInputs({ view: opened, inputs: { reason: "v", text: "hi" } }).view.state.values).toEqual({
      reason: { reason: { type: "static_select", selected_option: { text: { type: "plain_text", text: "Wrong" }, value: "v" } } },
      text: { text: { type: "plain_text_input", value: "hi" } },
    });
  });

  it("follows the upload protocol strictly: order, byte counts, single completion, limits", async () => {
    const fake = await startFake();
    const client = webClient(fake);
    const reserve = (filename: string, length: number) => client.files.getUploadURLExternal({ filename, length });

    expect(await platformError(reserve("huge.csv", MAX_UPLOAD_BYTES + 1))).toBe("file_upload_size_restricted");
    expect(await platformError(reserve("empty.csv", 0))).toBe("missing_argument");

    // Completing before the bytes arrived fails; so does a second completion.
    const first = await reserve("deck.tsv", 4);
    const complete = () => client.files.completeUploadExternal({ files: [{ id: first.file_id ?? "" }], channel_id: "C0STUDYHALL" });
    expect(await platformError(complete())).toBe("file_not_found");
    // Raw bytes are accepted too (curl --data-binary style); a wrong byte count is refused.
    const upload = (bytes: string) => fetch(first.upload_url ?? "", { method: "POST", body: bytes });
    expect((await upload("a\tbcd")).status).toBe(400);
    expect(await (await upload("a\tb\n")).text()).toBe("OK");
    expect(fake.fileTransfers("upload").at(-1)).toMatchObject({ encoding: "raw", hasToken: false, bytes: 4 });
    await complete();
    expect(await platformError(complete())).toBe("file_not_found");
    expect((await upload("a\tb\n")).status).toBe(404); // the upload URL is spent
    expect(fake.uploadedFiles()).toMatchObject([{ name: "deck.tsv", filetype: "tsv", channel: "C0STUDYHALL", channels: ["C0STUDYHALL"] }]);
    expect(fake.uploadedFiles()[0]?.sharedTo).toBeUndefined();
    expect((await client.files.info({ file: first.file_id ?? "" })).file).toMatchObject({ channels: ["C0STUDYHALL"], is_public: true });

    // `channels` (not `channel_id`) takes user ids: the file goes to the bot's DM with the user.
    const second = await reserve("notes.txt", 2);
    await fetch(second.upload_url ?? "", { method: "POST", body: "hi" });
    await client.apiCall("files.completeUploadExternal", { files: [{ id: second.file_id }], channels: DEFAULT_USER.id });
    expect(fake.uploadedFiles()[1]).toMatchObject({
      channel: fake.dmChannelOf(DEFAULT_USER.id),
      sharedTo: DEFAULT_USER.id,
      title: "notes.txt",
    });

    // More than 1 GB announced in Content-Length: 413 before a byte is read.
    const third = await reserve("big.csv", 10);
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(
        third.upload_url ?? "",
        { method: "POST", headers: { "Content-Length": String(MAX_UPLOAD_BYTES + 1) } },
        (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
          req.destroy();
        },
      );
      req.on("error", (error: NodeJS.ErrnoException) =>
        error.code === "ECONNRESET" || error.code === "EPIPE" ? undefined : reject(error),
      );
      req.write("0123456789");
    });
    expect(status).toBe(413);
  });

  it("can answer unauthenticated downloads with an HTML sign-in page instead of 401", async () => {
    const fake = await startFake({ unauthenticatedDownloads: "login-page" });
    const file = fake.addUserFile({ name: "deck.yaml", filetype: "yaml", bytes: "cards: []\n" });
    const anonymous = await fetch(file.url_private_download);
    expect(anonymous.status).toBe(200);
    expect(anonymous.headers.get("content-type")).toMatch(/^text\/html/);
    const authorized = await fetch(file.url_private_download, bearer(BOT_TOKEN));
    expect(authorized.headers.get("content-type")).toBe("application/x-yaml");
    expect(await authorized.text()).toBe("cards: []\n");
  });

  it("injects upload and download failures", async () => {
    const fake = await startFake();
    const client = webClient(fake);
    fake.failNext("upload_url", { status: 503 });
    // web-api retries a failed POST to the upload URL (retryConfig), so the upload still succeeds.
    const result = await client.files.uploadV2({ channel_id: "C0STUDYHALL", filename: "x.csv", content: "a,b\n" });
    expect(result.ok).toBe(true);
    expect(fake.fileTransfers("upload").map((transfer) => transfer.status)).toEqual([503, 200]);

    const file = fake.addUserFile({ name: "deck.csv", filetype: "csv", bytes: DECK_CSV });
    fake.failNext("file_download", { status: 500 });
    expect((await fetch(file.url_private_download, bearer(BOT_TOKEN))).status).toBe(500);
    expect((await fetch(file.url_private_download, bearer(BOT_TOKEN))).status).toBe(200);
  });

  it("builds file_input submissions only as Slack could send them", () => {
    const file = { id: "F0X", name: "a.csv" } as Parameters<typeof viewSubmissionWithFiles>[0]["files"][number];
    const modal = {
      id: "V0MODAL",
      type: "modal",
      hash: "1.1",
      history: [],
      definition: importModal("m"),
    };
    expect(() => viewSubmissionWithFiles({ view: modal, files: [file, file] })).toThrow(/at most 1/);
    expect(() => viewSubmissionWithFiles({ callbackId: "deck_import", files: [file] })).toThrow(/blockId and actionId/);
    const bare = viewSubmissionWithFiles({ callbackId: "deck_import", blockId: "b", actionId: "a", files: [file] });
    expect(bare.view.state.values).toEqual({ b: { a: { type: "file_input", files: [file] } } });
  });
});
