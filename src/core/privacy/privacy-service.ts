// A person's data: /export sends their review history and card states as CSV (the FSRS optimiser
// and spreadsheets read it), and the problems they reported when there are any; /forget-me deletes
// everything about them in every team (reports too), after they confirm with a button only they
// can press.
import { actionId } from "../actions/action-id.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import { csvCell, reviewHistoryCsv } from "../export/review-history-csv.ts";
import type { Actor } from "../identity.ts";
import { messages } from "../i18n/messages.ts";
import { notice, update, view, type Reply } from "../views/view.ts";

const REPORT_HEADER = ["item_id", "content_hash", "team", "reason", "text", "reported_at"];
const CARD_HEADER = ["card_id", "state", "due", "stability", "difficulty", "scheduled_days", "reps", "lapses", "last_review"];

/** The ports and inputs PrivacyService uses. */
export type PrivacyDeps = Pick<CoreStores, "profiles" | "privacy" | "reports"> & Pick<CoreDeps, "defaultTimeZone">;

export class PrivacyService {
  private readonly deps: PrivacyDeps;

  constructor(deps: PrivacyDeps) {
    this.deps = deps;
  }

  async export(actor: Actor, now: Date): Promise<Reply> {
    const { profiles, privacy } = this.deps;
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const t = messages(localeOf(profile, actor));
    const [history, cards, reports] = [
      await privacy.reviewHistory(profile.id),
      await privacy.cardStates(profile.id),
      await this.deps.reports.ownReports(profile.id),
    ];
    const reviews = reviewHistoryCsv(
      history.map((r) => ({
        reviewedAt: r.reviewedAt,
        userId: profile.id,
        itemId: r.itemId,
        rating: r.rating,
        stateBefore: Math.min(3, Math.max(0, r.stateBefore)) as 0 | 1 | 2 | 3,
        intervalDays: r.intervalDays,
        elapsedDays: r.elapsedDays,
        source: r.source,
        teamId: r.teamId,
        durationMs: null,
      })),
    );
    const cardRows = cards.map(({ itemId, card }) =>
      [
        itemId,
        card.state,
        card.due.toISOString(),
        card.stability,
        card.difficulty,
        card.scheduledDays,
        card.reps,
        card.lapses,
        card.lastReview?.toISOString() ?? "",
      ]
        .map((v) => csvCell(v))
        .join(","),
    );
    const stamp = now.toISOString().slice(0, 10);
    // The problems they reported are theirs too; the file comes only when there are some.
    const reportRows = reports.map((r) =>
      [r.itemId, r.contentHash, r.teamId, r.reason, r.text ?? "", r.reportedAt.toISOString()].map((v) => csvCell(v)).join(","),
    );
    const reportFiles =
      reports.length === 0
        ? []
        : [
            {
              name: `study-bot-reports-${stamp}.csv`,
              contentType: "text/csv",
              content: [REPORT_HEADER.join(","), ...reportRows].join("\r\n") + "\r\n",
            },
          ];
    return {
      mode: "update",
      view: view({
        body: [t.exportReady(history.length, cards.length), ...(reports.length > 0 ? [t.exportReports(reports.length)] : [])],
        tone: "success",
      }),
      files: [
        { name: `study-bot-reviews-${stamp}.csv`, contentType: "text/csv", content: reviews },
        {
          name: `study-bot-cards-${stamp}.csv`,
          contentType: "text/csv",
          content: [CARD_HEADER.join(","), ...cardRows].join("\r\n") + "\r\n",
        },
        ...reportFiles,
      ],
    };
  }

  async forgetMe(actor: Actor): Promise<Reply> {
    const t = messages(localeOf(await this.deps.profiles.profile(actor.userId), actor));
    return update(
      view({
        title: t.forgetTitle,
        body: [t.forgetWarning],
        tone: "warning",
        buttons: [
          [
            { action: actionId({ kind: "forget", userId: actor.userId }), label: t.forgetConfirm, style: "danger" },
            { action: actionId({ kind: "forget-cancel" }), label: t.cancel, style: "secondary" },
          ],
        ],
      }),
    );
  }

  async forgetConfirmed(actor: Actor, ownerId: string): Promise<Reply> {
    const profile = await this.deps.profiles.profile(actor.userId);
    const t = messages(localeOf(profile, actor));
    if (actor.userId !== ownerId) return notice(view({ body: [t.notYourSession], tone: "info" }));
    const counts = await this.deps.privacy.forgetUser(actor.userId);
    return update(view({ title: t.forgotten, body: [t.forgottenCounts(counts)], tone: "success" }));
  }

  async forgetCancelled(actor: Actor): Promise<Reply> {
    const t = messages(localeOf(await this.deps.profiles.profile(actor.userId), actor));
    return update(view({ body: [t.forgetCancelled], tone: "info" }));
  }
}
