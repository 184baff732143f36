// The question of the day: one multiple-choice question per team per local day, posted in the
// team channel. Anyone answers once, privately told whether they were right; the answer feeds their
// schedule and the leaderboard like a quiz answer. When it closes, the results and the explanation
// are posted.
import { actionId } from "../actions/action-id.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import { isGraded, type GradedItem } from "../deck/item.ts";
import type { Actor } from "../identity.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import type { QotdRecord } from "../ports/qotd-store.ts";
import type { StoredItem } from "../ports/records.ts";
import { seededRandom } from "../random/seeded-random.ts";
import { RATINGS } from "../scheduler/card-state.ts";
import { promptText } from "../study/card-views.ts";
import { choiceCount, choiceOrder, isCorrectChoice, shownAnswer, shownChoices } from "../study/choice-order.ts";
import { recordRating } from "../study/record-rating.ts";
import { withReportButton } from "../problem-reports/report-service.ts";
import { notice, view, type Button, type Reply, type View } from "../views/view.ts";

/** A question stays open this long after it is posted. */
export const QOTD_OPEN_MS = 12 * 3600_000;
/** The team post that carries a question's results (keyed by the question's id): claimed, sent, retried and recorded like the others. */
export const QOTD_RESULTS_POST = "qotd-results";
/** Questions asked within this many days are not asked again while others remain. */
export const QOTD_NO_REPEAT_DAYS = 60;

/** Today's question: a random graded item, the same for every instance, avoiding recent ones. */
export function pickQuestion(teamId: string, day: string, candidates: StoredItem[], recent: Set<string>): StoredItem | undefined {
  const fresh = candidates.filter((c) => !recent.has(c.id));
  const pool = (fresh.length > 0 ? fresh : candidates).slice().sort((a, b) => (a.id < b.id ? -1 : 1));
  return pool[Math.floor(seededRandom(`${teamId}|${day}`)() * pool.length)];
}

/** The ports and inputs QotdService uses. */
export type QotdDeps = Pick<CoreStores, "profiles" | "teams" | "cards" | "reviews" | "qotd"> & Pick<CoreDeps, "defaultTimeZone">;

export class QotdService {
  private readonly deps: QotdDeps;

  constructor(deps: QotdDeps) {
    this.deps = deps;
  }

  questionView(qotdId: string, item: GradedItem, locale: Locale): View {
    const t = messages(locale);
    // Everyone sees the same order: the question's id seeds it.
    const buttons: Button[] = shownChoices(item, choiceOrder(item, qotdId), locale).map(({ choice, label }) => ({
      action: actionId({ kind: "qotd-answer", qotdId, choice }),
      label,
      style: "secondary",
    }));
    return view({ title: t.qotdTitle, body: [promptText(item, locale)], buttons: [buttons] });
  }

  resultsView(qotdId: string, item: GradedItem, tally: { total: number; correct: number }, locale: Locale): View {
    const t = messages(locale);
    return view({
      title: t.qotdTitle,
      body: [
        item.kind === "true-false" ? item.statement[locale] : item.question[locale],
        t.qotdResults(tally.correct, tally.total, shownAnswer(item, choiceOrder(item, qotdId), locale)),
        t.explanationLine(item.explanation[locale]),
      ],
      tone: "info",
    });
  }

  async answer(actor: Actor, qotdId: string, choice: number, now: Date): Promise<Reply> {
    const { qotd, profiles, cards } = this.deps;
    const q: QotdRecord | null = await qotd.loadQotd(qotdId);
    const profile = await profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const locale = localeOf(profile, actor);
    const t = messages(locale);
    // A question belongs to its team: a click from anywhere else is refused like a closed one.
    if (!q || q.teamId !== actor.teamId || q.closedAt !== null || now >= q.closesAt)
      return notice(view({ body: [t.qotdClosed], tone: "info" }));
    const { item, card } = await cards.loadForReview(profile.id, q.itemId);
    if (!item || !isGraded(item.content)) return notice(view({ body: [t.qotdClosed], tone: "info" }));
    const content = item.content;
    if (choice >= choiceCount(content)) return notice(view({ body: [t.buttonUnknown], tone: "info" }));
    const correct = isCorrectChoice(content, choice);
    const result = await recordRating(this.deps, {
      profile,
      teamId: actor.teamId,
      itemId: q.itemId,
      version: card?.version ?? 0,
      before: card?.card ?? null,
      rating: correct ? RATINGS.good : RATINGS.again,
      source: "qotd",
      now,
      qotdAnswer: { qotdId, choice, correct },
    });
    if (result === "duplicate") return notice(view({ body: [t.qotdAlreadyAnswered], tone: "info" }));
    return notice(
      withReportButton(
        view({
          body: [t.qotdAnswered(correct, shownAnswer(content, choiceOrder(content, qotdId), locale))],
          tone: correct ? "success" : "info",
        }),
        q.itemId,
        locale,
      ),
    );
  }
}
