import { describe, expect, it } from "vitest";
import { studyDayEnd, studyDayOf, studyDayStart } from "../../src/core/time/study-day.ts";
import { canonicalTimeZone, isValidTimeZone, zonedTimeToInstant } from "../../src/core/time/zoned-time.ts";

const H = 3_600_000;

describe("the study day, which starts at 4 AM local time", () => {
  it("in Asia/Tokyo, 03:59 still belongs to the previous day and 04:00 starts a new one", () => {
    expect(studyDayOf(new Date("2026-05-10T18:59:00Z"), "Asia/Tokyo")).toBe("2026-05-10"); // 03:59 JST on the 11th
    expect(studyDayOf(new Date("2026-05-10T19:00:00Z"), "Asia/Tokyo")).toBe("2026-05-11"); // 04:00 JST
    expect(studyDayStart("2026-05-11", "Asia/Tokyo").toISOString()).toBe("2026-05-10T19:00:00.000Z");
  });

  it("in America/Los_Angeles, a 1 AM session counts for the evening before", () => {
    expect(studyDayOf(new Date("2026-06-15T08:00:00Z"), "America/Los_Angeles")).toBe("2026-06-14"); // 01:00 PDT
    expect(studyDayOf(new Date("2026-06-15T11:00:00Z"), "America/Los_Angeles")).toBe("2026-06-15"); // 04:00 PDT
  });

  it("across the spring-forward change in Los Angeles the study day is 23 hours long", () => {
    const start = studyDayStart("2026-03-07", "America/Los_Angeles");
    const end = studyDayStart("2026-03-08", "America/Los_Angeles");
    expect(start.toISOString()).toBe("2026-03-07T12:00:00.000Z"); // 04:00 PST
    expect(end.toISOString()).toBe("2026-03-08T11:00:00.000Z"); // 04:00 PDT
    expect(end.getTime() - start.getTime()).toBe(23 * H);
    expect(studyDayEnd(new Date("2026-03-08T10:59:59Z"), "America/Los_Angeles").toISOString()).toBe("2026-03-08T11:00:00.000Z");
  });

  it("across the fall-back change in Los Angeles the study day is 25 hours long", () => {
    const start = studyDayStart("2026-10-31", "America/Los_Angeles");
    const end = studyDayStart("2026-11-01", "America/Los_Angeles");
    expect(end.getTime() - start.getTime()).toBe(25 * H);
    // 01:30 happens twice that night; both belong to the study day of Oct 31.
    expect(studyDayOf(new Date("2026-11-01T08:30:00Z"), "America/Los_Angeles")).toBe("2026-10-31");
    expect(studyDayOf(new Date("2026-11-01T09:30:00Z"), "America/Los_Angeles")).toBe("2026-10-31");
  });

  it("resolves a local time skipped by DST forward, and a repeated one to its first occurrence", () => {
    expect(zonedTimeToInstant({ year: 2026, month: 3, day: 8, hour: 2, minute: 30 }, "America/Los_Angeles").toISOString()).toBe(
      "2026-03-08T10:30:00.000Z",
    );
    expect(zonedTimeToInstant({ year: 2026, month: 11, day: 1, hour: 1, minute: 30 }, "America/Los_Angeles").toISOString()).toBe(
      "2026-11-01T08:30:00.000Z",
    );
    expect(zonedTimeToInstant({ year: 2026, month: 9, day: 27, hour: 2, minute: 30 }, "Pacific/Auckland").toISOString()).toBe(
      "2026-09-26T14:30:00.000Z",
    );
  });

  it("validates IANA names and refuses raw offsets", () => {
    expect(isValidTimeZone("Europe/London")).toBe(true);
    expect(isValidTimeZone("Mars/Olympus")).toBe(false);
    expect(isValidTimeZone("+09:00")).toBe(false);
    expect(canonicalTimeZone("asia/tokyo")).toBe("Asia/Tokyo");
  });
});
