// What a round shows in its channel, always in the team's language (the round's locale): a question
// with its buttons and countdown, the same message closed with its results, the scoreboard after a
// question, and the final podium.
import { actionId } from "../actions/action-id.ts";
import type { GradedItem } from "../deck/item.ts";
import { gameMessages } from "../i18n/game-messages.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages } from "../i18n/messages.ts";
import type { GameAnswerRecord, GameRoundRecord } from "../ports/game-store.ts";
import { promptText } from "../study/card-views.ts";
import { choiceOrder, isCorrectChoice, shownAnswer, shownChoices } from "../study/choice-order.ts";
import { timeMention } from "../views/time-mention.ts";
import { userMention } from "../views/user-mention.ts";
import { rows, view, type Button, type View } from "../views/view.ts";
import { standings } from "./game-scoring.ts";

/** How many players a scoreboard lists. */
export const SCOREBOARD_SIZE = 10;
const MEDALS = ["🥇", "🥈", "🥉"];

type Round = Pick<GameRoundRecord, "id" | "locale" | "itemIds">;

/** A question's choices are shuffled per round and question, the same on every instance and every edit. */
export function roundChoiceOrder(roundId: string, position: number, item: GradedItem): number[] {
  return choiceOrder(item, `game|${roundId}|${position}`);
}

/** The label of a choice as its button showed it, in `locale` (a player's own language for their acknowledgement). */
export function choiceLabelIn(roundId: string, position: number, item: GradedItem, choice: number, locale: Locale): string {
  return shownChoices(item, roundChoiceOrder(roundId, position, item), locale).find((c) => c.choice === choice)?.label ?? "?";
}

export function questionView(round: Round, position: number, item: GradedItem, deadline: Date, answered: number): View {
  const g = gameMessages(round.locale);
  const buttons: Button[] = shownChoices(item, roundChoiceOrder(round.id, position, item), round.locale).map(({ choice, label }) => ({
    action: actionId({ kind: "game-answer", roundId: round.id, position, choice }),
    label,
    style: "secondary",
  }));
  return view({
    title: g.questionTitle(position + 1, round.itemIds.length),
    body: [promptText(item, round.locale), `⏱ ${g.endsAt(timeMention(deadline))} · ${g.answeredCount(answered)}`],
    buttons: rows(buttons),
  });
}

/** The question closed: the right answer, the explanation, the picks per choice and the fastest right answer. */
export function closedView(round: Round, position: number, item: GradedItem, answers: GameAnswerRecord[], openedAt: Date | null): View {
  const g = gameMessages(round.locale);
  const t = messages(round.locale);
  const order = roundChoiceOrder(round.id, position, item);
  const here = answers.filter((a) => a.position === position);
  const picks = shownChoices(item, order, round.locale).map(({ choice, label }) => {
    const mark = isCorrectChoice(item, choice) ? "✅" : "▫️";
    return `${mark} ${g.picks(label, here.filter((a) => a.choice === choice).length)}`;
  });
  const fastest = here.filter((a) => a.correct).sort((a, b) => a.answeredAt.getTime() - b.answeredAt.getTime())[0];
  const speed = fastest && openedAt ? ((fastest.answeredAt.getTime() - openedAt.getTime()) / 1000).toFixed(1) : null;
  return view({
    title: g.closedTitle(position + 1, round.itemIds.length),
    body: [
      promptText(item, round.locale),
      g.rightAnswer(shownAnswer(item, order, round.locale)),
      t.explanationLine(item.explanation[round.locale]),
      picks.join("\n"),
      fastest && speed !== null ? `⚡ ${g.fastest(userMention(fastest.userId), speed)}` : g.nobodyRight,
    ],
    tone: "info",
  });
}

export function scoreboardView(round: Round, position: number, answers: GameAnswerRecord[]): View {
  const g = gameMessages(round.locale);
  const ranked = standings(answers, position);
  const lines = ranked.slice(0, SCOREBOARD_SIZE).map((r) => g.scoreLine(r.rank, userMention(r.userId), r.value));
  return view({
    title: g.scoreboardTitle(position + 1, round.itemIds.length),
    body: [lines.length > 0 ? lines.join("\n") : g.noAnswersYet],
    tone: "neutral",
  });
}

export function podiumView(round: Round, answers: GameAnswerRecord[], stopped: boolean): View {
  const g = gameMessages(round.locale);
  const ranked = standings(answers, round.itemIds.length);
  const top = ranked
    .filter((r) => r.rank <= 3)
    .map((r) => `${MEDALS[r.rank - 1] ?? ""} ${g.scoreLine(r.rank, userMention(r.userId), r.value)}`);
  return view({
    title: g.podiumTitle,
    body: [
      ...(stopped ? [g.stoppedEarly] : []),
      ...(ranked.length > 0 ? [top.join("\n"), g.playerCount(ranked.length)] : [g.nobodyPlayed]),
    ],
    tone: "success",
  });
}
