// What problem reports need from storage: recording one (once per person and item version), a
// team's reports for its admins, and a person's own reports for /export. Deleting them with the
// person is part of forgetting them (PrivacyStore.forgetUser).

export const REPORT_REASONS = ["wrong", "unclear", "typo", "other"] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

export interface ReportWrite {
  userId: string;
  teamId: string;
  itemId: string;
  reason: ReportReason;
  text: string | null;
  reportedAt: Date;
}

/** A report as admins see it: no reporter. */
export interface TeamReportRow {
  itemId: string;
  reason: ReportReason;
  text: string | null;
  reportedAt: Date;
  /** Whether the item changed since (the report was made on an earlier version). */
  earlierVersion: boolean;
  itemRetired: boolean;
}

/** A report as its author exports it. */
export interface OwnReportRow {
  itemId: string;
  contentHash: string;
  teamId: string;
  reason: ReportReason;
  text: string | null;
  reportedAt: Date;
}

export interface ReportStore {
  /**
   * Records the report against the item's current content hash. "unknown-item" when the item does
   * not exist, is retired or belongs to another team's deck; "duplicate" when the person already
   * reported this version of it (the unique key decides, so concurrent submits record one).
   */
  recordReport(report: ReportWrite): Promise<"recorded" | "duplicate" | "unknown-item">;
  /** The team's most recent reports, newest first. */
  teamReports(teamId: string, limit: number): Promise<TeamReportRow[]>;
  /** Everything the person reported, in every team, oldest first. */
  ownReports(userId: string): Promise<OwnReportRow[]>;
}
