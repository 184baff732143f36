// Learners report problems with an item (a wrong answer, an unclear question, a typo) from any
// answer view; team admins list them with /deck reports and fix the item in content/ or their
// team deck. A report names its item and the version reported, never its reporter to anyone else.
import { z } from "zod";
import { actionId } from "../actions/action-id.ts";
import { localeOf, type CoreDeps, type CoreStores } from "../core-deps.ts";
import type { Actor } from "../identity.ts";
import type { Locale } from "../i18n/locale.ts";
import { messages, type Messages } from "../i18n/messages.ts";
import { REPORT_REASONS, type ReportReason, type TeamReportRow } from "../ports/report-store.ts";
import { isTeamAdmin } from "../team/team-service.ts";
import { dateKey, localParts } from "../time/zoned-time.ts";
import { notice, update, view, type Button, type Reply, type View } from "../views/view.ts";
import { cleanReportText, REPORT_TEXT_MAX } from "./report-text.ts";

export const REPORT_REASON_FIELD = "reason";
export const REPORT_TEXT_FIELD = "text";
/** Reports read for /deck reports, and items and texts shown of them. */
const REPORTS_READ = 1000;
const ITEMS_SHOWN = 15;
const TEXTS_PER_ITEM = 3;
const TEXT_SHOWN = 200;
/** Room for the list in one message (a Discord embed holds 4096 characters). */
const LIST_BUDGET = 3500;
/** Longer than any platform lets a text input be (Discord 4000): anything longer is forged. */
const SUBMITTED_TEXT_MAX = 4000;

const submissionSchema = z.object({
  [REPORT_REASON_FIELD]: z.enum(REPORT_REASONS),
  [REPORT_TEXT_FIELD]: z.string().max(SUBMITTED_TEXT_MAX).optional(),
});

/** The "Report a problem" button for an item, in a row of its own below an answer's buttons. */
export function reportButton(itemId: string, t: Messages): Button {
  return { action: actionId({ kind: "report", itemId }), label: t.reportButton, style: "secondary" };
}

/** An answer view with the report button appended: the one place answer views get it. */
export function withReportButton(answer: View, itemId: string, locale: Locale): View {
  return { ...answer, buttons: [...answer.buttons, [reportButton(itemId, messages(locale))]] };
}

/** The ports and inputs ReportService uses. */
export type ReportDeps = Pick<CoreStores, "profiles" | "teams" | "cards" | "reports"> & Pick<CoreDeps, "defaultTimeZone">;

export class ReportService {
  private readonly deps: ReportDeps;

  constructor(deps: ReportDeps) {
    this.deps = deps;
  }

  private async t(actor: Actor): Promise<Messages> {
    return messages(localeOf(await this.deps.profiles.profile(actor.userId), actor));
  }

  /** The report form for an item the person's team can see; a polite refusal for any other id. */
  async open(actor: Actor, itemId: string): Promise<Reply> {
    const [t, [item]] = await Promise.all([this.t(actor), this.deps.cards.items([itemId])]);
    if (!item || item.retired || (item.teamId !== null && item.teamId !== actor.teamId))
      return notice(view({ body: [t.reportUnknownItem], tone: "info" }));
    return {
      mode: "notice",
      view: view({ body: [t.reportOpenAgain], tone: "info" }),
      form: {
        action: actionId({ kind: "report-submit", itemId }),
        title: t.reportFormTitle,
        submit: t.reportSubmit,
        cancel: t.cancel,
        fields: [
          {
            kind: "choice",
            id: REPORT_REASON_FIELD,
            label: t.reportReasonLabel,
            options: REPORT_REASONS.map((r) => ({ value: r, label: t.reportReasons[r] })),
          },
          {
            kind: "text",
            id: REPORT_TEXT_FIELD,
            label: t.reportTextLabel,
            placeholder: t.reportTextPlaceholder,
            maxLength: REPORT_TEXT_MAX,
            required: false,
          },
        ],
      },
    };
  }

  /** A submitted form: validated, cleaned and recorded once per person and item version. */
  async submit(actor: Actor, itemId: string, values: unknown, now: Date): Promise<Reply> {
    const profile = await this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const t = messages(localeOf(profile, actor));
    const parsed = submissionSchema.safeParse(values);
    if (!parsed.success) return notice(view({ body: [t.reportInvalid], tone: "error" }));
    const result = await this.deps.reports.recordReport({
      userId: profile.id,
      teamId: actor.teamId,
      itemId,
      reason: parsed.data[REPORT_REASON_FIELD],
      text: cleanReportText(parsed.data[REPORT_TEXT_FIELD] ?? ""),
      reportedAt: now,
    });
    if (result === "unknown-item") return notice(view({ body: [t.reportUnknownItem], tone: "info" }));
    if (result === "duplicate") return notice(view({ body: [t.reportAlready], tone: "info" }));
    return notice(view({ body: [t.reportThanks], tone: "success" }));
  }

  /** /deck reports: the team's reports per item, newest first, for its admins; never who reported. */
  async list(actor: Actor, now: Date): Promise<Reply> {
    const profile = await this.deps.profiles.enter(actor, { timeZone: this.deps.defaultTimeZone(actor.clientLocale) }, now);
    const t = messages(localeOf(profile, actor));
    const team = await this.deps.teams.teamSettings(actor.teamId);
    if (!isTeamAdmin(actor, team)) return update(view({ body: [t.reportsAdminsOnly], tone: "error" }));
    const rows = await this.deps.reports.teamReports(actor.teamId, REPORTS_READ);
    if (rows.length === 0) return update(view({ title: t.reportsTitle, body: [t.reportsNone], tone: "info" }));
    const items = groupByItem(rows);
    const shown: string[] = [];
    let used = 0;
    for (const group of items.slice(0, ITEMS_SHOWN)) {
      const paragraph = itemParagraph(group, t, profile.timeZone);
      if (shown.length > 0 && used + paragraph.length > LIST_BUDGET) break;
      shown.push(paragraph);
      used += paragraph.length + 2;
    }
    const more = items.length - shown.length;
    return update(view({ title: t.reportsTitle, body: [...shown, ...(more > 0 ? [t.reportsMore(more)] : [])], footer: t.reportsHint }));
  }
}

interface ItemReports {
  itemId: string;
  /** Newest first, as read. */
  rows: TeamReportRow[];
}

/** Reports per item, the item reported most recently first. */
function groupByItem(rows: TeamReportRow[]): ItemReports[] {
  const groups = new Map<string, ItemReports>();
  for (const row of rows) {
    const group = groups.get(row.itemId) ?? { itemId: row.itemId, rows: [] };
    group.rows.push(row);
    groups.set(row.itemId, group);
  }
  return [...groups.values()];
}

function itemParagraph(group: ItemReports, t: Messages, timeZone: string): string {
  const counts = new Map<ReportReason, number>();
  for (const row of group.rows) counts.set(row.reason, (counts.get(row.reason) ?? 0) + 1);
  const reasons = REPORT_REASONS.filter((r) => counts.has(r))
    .map((r) => `${t.reportReasonShort[r]} ×${counts.get(r)}`)
    .join(" · ");
  const latest = group.rows[0] as TeamReportRow;
  const earlier = group.rows.filter((r) => r.earlierVersion).length;
  const notes = [...(earlier > 0 ? [t.reportsEarlierVersion(earlier)] : []), ...(latest.itemRetired ? [t.reportsRetired] : [])];
  const texts = group.rows
    .map((r) => r.text)
    .filter((text): text is string => text !== null)
    .slice(0, TEXTS_PER_ITEM)
    .map((text) => `> ${[...text].length > TEXT_SHOWN ? `${[...text].slice(0, TEXT_SHOWN - 1).join("")}…` : text}`);
  return [
    t.reportsItemLine(group.itemId, group.rows.length, localDate(latest.reportedAt, timeZone), reasons),
    ...notes.map((n) => `(${n})`),
    ...texts,
  ].join("\n");
}

function localDate(instant: Date, timeZone: string): string {
  const p = localParts(instant, timeZone);
  return dateKey(p.year, p.month, p.day);
}
