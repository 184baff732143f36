// Problem reports on Slack, end to end through the real Bolt App against the local fake: the report
// button on a card's back opens a modal (views.open with a static select and a text input), its
// submission is stored once and answered in the modal, and `/study deck reports` lists it for a
// workspace admin without the reporter.
import { afterEach, describe, expect, it } from "vitest";
import { viewSubmissionPayload, viewSubmissionWithInputs } from "../fakes/slack/payloads.ts";
import { aFlashcard, aLibrary } from "../support/builders.ts";
import { DEFAULT_USER, startSlackHarness, STANDARD_WORKSPACE, textOf, type SlackHarness } from "../support/slack-harness.ts";

describe.each(["socket", "http"] as const)("problem reports on Slack (%s mode)", (mode) => {
  let h: SlackHarness;
  afterEach(async () => {
    await h.stop();
  });

  it("opens a dialog from the card's back, stores the report once, and lists it for an admin without the reporter", async () => {
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), mode);
    const { message } = await h.command("");
    await h.click(message, "Show answer");
    const back = h.fake.message(message.channel, message.ts)!;
    await h.click(back, "Report a problem", { waitForResponse: false });
    const modal = await h.fake.waitFor(() => h.fake.views().find((v) => v.definition["callback_id"] === "rs:card-1"), 5000);
    expect(modal.definition).toMatchObject({
      type: "modal",
      title: { type: "plain_text", text: "Report a problem" },
      blocks: [
        { type: "input", block_id: "reason", element: { type: "static_select", action_id: "reason" } },
        { type: "input", block_id: "text", optional: true, element: { type: "plain_text_input", max_length: 500 } },
      ],
    });

    const hostile = "<!channel> @here see <@U0ADMIN> \u001b[2J fix the answer";
    const submission = viewSubmissionWithInputs({ view: modal, inputs: { reason: "wrong", text: hostile } });
    const ack = (await h.submitView(submission)) as { response_action: string; view: { blocks: unknown[] } };
    expect(ack.response_action).toBe("update");
    expect(JSON.stringify(ack.view.blocks)).toContain("Thank you! Your report went to the team's admins.");
    // A retry of the same submission, and a second submit: one report.
    const retried = (await h.submitView({ ...submission, trigger_id: `${submission.trigger_id}9` })) as { view: { blocks: unknown[] } };
    expect(JSON.stringify(retried.view.blocks)).toContain("You have already reported this version");
    const rows = await h.t.db.problemReport.findMany();
    expect(rows).toMatchObject([{ itemId: "card-1", reason: "wrong", teamId: `slack:${STANDARD_WORKSPACE.teamId}` }]);
    expect(rows[0]!.text).toBe("<\u200b!channel> @\u200bhere see <\u200b@U0ADMIN> fix the answer");

    const refused = await h.command("deck reports");
    expect(textOf(refused.message)).toContain("Only team admins can see problem reports");
    const admin = { id: "U0ADMIN", teamId: STANDARD_WORKSPACE.teamId };
    h.fake.setUser(STANDARD_WORKSPACE.teamId, admin.id, { isAdmin: true, locale: "en-US" });
    const list = await h.command("deck reports", { user: admin });
    const text = textOf(list.message);
    expect(text).toContain("`card-1`: 1 report");
    expect(text).toContain("fix the answer");
    expect(text).not.toContain(DEFAULT_USER.id);
    // Escaped as well as neutralised: nothing in it is a Slack mention.
    expect(text).not.toMatch(/<[!@#]/);
  });

  it("answers a forged submission for an unknown item, or a malformed one, politely in the dialog, storing nothing", async () => {
    h = await startSlackHarness("sqlite", aLibrary([aFlashcard("card-1")]), mode);
    await h.command("");
    const forged = (await h.submitView(
      viewSubmissionPayload({
        callbackId: "rs:no-such-item",
        values: {
          reason: { reason: { type: "static_select", selected_option: { text: { type: "plain_text", text: "x" }, value: "wrong" } } },
        },
      }),
    )) as { view: { blocks: unknown[] } };
    expect(JSON.stringify(forged.view.blocks)).toContain("That item cannot be reported");
    const malformed = (await h.submitView(
      viewSubmissionPayload({
        callbackId: "rs:card-1",
        privateMetadata: "{not json",
        values: { reason: { reason: { type: "plain_text_input", value: "free beer" } } },
      }),
    )) as { view: { blocks: unknown[] } };
    expect(JSON.stringify(malformed.view.blocks)).toContain("That report could not be read");
    expect(await h.t.db.problemReport.count()).toBe(0);
  });
});
