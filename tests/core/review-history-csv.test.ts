import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { formatCsv, readCsv } from "../../src/core/deck-import/csv.ts";
import { csvCell, REVIEW_CSV_HEADER, reviewHistoryCsv, type ReviewRow } from "../../src/core/export/review-history-csv.ts";

const aReview = (overrides: Partial<ReviewRow> = {}): ReviewRow => ({
  reviewedAt: new Date("2026-05-10T09:30:00.000Z"),
  userId: "discord:42",
  itemId: "basics-definition",
  rating: 3,
  stateBefore: 2,
  intervalDays: 12,
  elapsedDays: 10,
  source: "study",
  teamId: "discord:guild-1",
  durationMs: 5400,
  ...overrides,
});

const cellsOf = (csv: string) => readCsv(csv).records.map((r) => r.cells);

describe("review history export", () => {
  it("writes the header and one CRLF-terminated line per review, times in Unix milliseconds", () => {
    const csv = reviewHistoryCsv([aReview(), aReview({ rating: 1, stateBefore: 0, durationMs: null, intervalDays: 0, elapsedDays: 0 })]);
    expect(csv).toBe(
      "card_id,review_time,review_rating,review_state,review_duration,interval_days,elapsed_days,source,team\r\n" +
        "basics-definition,1778405400000,3,2,5400,12,10,study,discord:guild-1\r\n" +
        "basics-definition,1778405400000,1,0,,0,0,study,discord:guild-1\r\n",
    );
    expect(REVIEW_CSV_HEADER).toEqual(cellsOf(csv)[0]);
  });

  it("writes only the header when there are no reviews, and never a byte order mark", () => {
    const csv = reviewHistoryCsv([]);
    expect(csv).toBe(`${REVIEW_CSV_HEADER.join(",")}\r\n`);
    expect(csv.charCodeAt(0)).not.toBe(0xfeff);
  });

  it("neutralises a formula-injection cell, and the file reads back to the same values with the apostrophe", () => {
    const attack = "=cmd|' /C calc'!A0";
    const csv = reviewHistoryCsv([aReview({ source: attack, teamId: "@SUM(A1:A9)" })]);
    expect(csv).toContain(`'${attack}`);
    expect(cellsOf(csv)[1]).toEqual(["basics-definition", "1778405400000", "3", "2", "5400", "12", "10", `'${attack}`, "'@SUM(A1:A9)"]);
  });

  it("prefixes every formula start OWASP lists but leaves plain numbers numeric", () => {
    expect(csvCell("=1+1")).toBe("'=1+1");
    expect(csvCell("+1+1")).toBe("'+1+1");
    expect(csvCell("-2+3")).toBe("'-2+3");
    expect(csvCell("@A1")).toBe("'@A1");
    expect(csvCell("\t=1")).toBe("'\t=1");
    expect(csvCell("\r=1")).toBe('"\'\r=1"');
    expect(csvCell("-1.5")).toBe("-1.5");
    expect(csvCell("+3")).toBe("+3");
    expect(csvCell(-1.5)).toBe("-1.5");
    expect(csvCell("1e-3")).toBe("1e-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });

  it("quotes cells with commas, quotes and line breaks so they read back unchanged", () => {
    const source = 'a, "quoted"\nsecond line';
    expect(csvCell(source)).toBe('"a, ""quoted""\nsecond line"');
    const csv = reviewHistoryCsv([aReview({ source, teamId: "slack:T1,U2" })]);
    expect(cellsOf(csv)[1]?.slice(7)).toEqual([source, "slack:T1,U2"]);
  });

  it("refuses a review with an invalid date rather than writing NaN", () => {
    expect(() => reviewHistoryCsv([aReview({ reviewedAt: new Date("not a date") })])).toThrow(RangeError);
  });
});

describe("the CSV reader and writer", () => {
  it("round-trip any text, comma- or tab-separated", () => {
    const records = fc.array(fc.array(fc.string({ unit: "binary" }), { minLength: 1, maxLength: 5 }), { maxLength: 6 });
    fc.assert(
      fc.property(records, fc.constantFrom(",", "\t"), (rows, delimiter) => {
        const read = readCsv(formatCsv(rows, delimiter), { delimiter });
        expect(read.problems).toEqual([]);
        expect(read.records.map((r) => r.cells)).toEqual(rows);
      }),
    );
  });

  it("reads LF, CRLF and CR line ends and numbers records by the line they start on", () => {
    const read = readCsv('a,b\r\n"multi\nline",c\nd,e\rf,g');
    expect(read.records).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["multi\nline", "c"] },
      { line: 4, cells: ["d", "e"] },
      { line: 5, cells: ["f", "g"] },
    ]);
  });

  it("reports text after a closing quote and keeps quotes inside an unquoted cell", () => {
    expect(readCsv('"a"b,c').problems).toEqual([
      { line: 1, message: { en: expect.stringContaining("closing quote"), ja: expect.stringContaining("閉じる引用符") } },
    ]);
    expect(readCsv('say "hi",x').records[0]?.cells).toEqual(['say "hi"', "x"]);
  });
});
