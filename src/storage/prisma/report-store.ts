// ReportStore on Prisma: problem reports, unique per person, item and content hash.
import { z } from "zod";
import {
  REPORT_REASONS,
  type OwnReportRow,
  type ReportStore,
  type ReportWrite,
  type TeamReportRow,
} from "../../core/ports/report-store.ts";
import type { Db } from "../open-database.ts";
import { isUniqueViolation } from "./prisma-errors.ts";

/** A stored reason this version does not know (written by a newer one) reads as "other". */
const reasonSchema = z.enum(REPORT_REASONS).catch("other");

export class PrismaReportStore implements ReportStore {
  private readonly db: Db;

  constructor(db: Db) {
    this.db = db;
  }

  async recordReport(report: ReportWrite): Promise<"recorded" | "duplicate" | "unknown-item"> {
    const item = await this.db.item.findUnique({
      where: { id: report.itemId },
      select: { contentHash: true, teamId: true, retiredAt: true },
    });
    if (!item || item.retiredAt !== null || (item.teamId !== null && item.teamId !== report.teamId)) return "unknown-item";
    try {
      await this.db.problemReport.create({ data: { ...report, contentHash: item.contentHash } });
      return "recorded";
    } catch (e) {
      if (isUniqueViolation(e)) return "duplicate";
      throw e;
    }
  }

  async teamReports(teamId: string, limit: number): Promise<TeamReportRow[]> {
    const rows = await this.db.problemReport.findMany({
      where: { teamId },
      orderBy: [{ reportedAt: "desc" }, { id: "desc" }],
      take: limit,
      select: {
        itemId: true,
        reason: true,
        text: true,
        reportedAt: true,
        contentHash: true,
        item: { select: { contentHash: true, retiredAt: true } },
      },
    });
    return rows.map((r) => ({
      itemId: r.itemId,
      reason: reasonSchema.parse(r.reason),
      text: r.text,
      reportedAt: r.reportedAt,
      earlierVersion: r.contentHash !== r.item.contentHash,
      itemRetired: r.item.retiredAt !== null,
    }));
  }

  async ownReports(userId: string): Promise<OwnReportRow[]> {
    const rows = await this.db.problemReport.findMany({
      where: { userId },
      orderBy: [{ reportedAt: "asc" }, { id: "asc" }],
      select: { itemId: true, contentHash: true, teamId: true, reason: true, text: true, reportedAt: true },
    });
    return rows.map((r) => ({ ...r, reason: reasonSchema.parse(r.reason) }));
  }
}
