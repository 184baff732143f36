import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  studyDayEnd,
  studyDayFor,
  studyDayOf,
  studyDayStart,
  zoneChangePatch,
  type StudyDaySource,
} from "../../src/core/time/study-day.ts";
import { addDays, canonicalTimeZone, isValidTimeZone, zonedTimeToInstant } from "../../src/core/time/zoned-time.ts";

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

describe("the study day across a change of time zone", () => {
  const at = (iso: string) => new Date(iso);
  const profile = (timeZone: string, counterDay: string) => ({
    timeZone,
    counterDay,
    streakLastDay: counterDay,
    heldDay: null,
    heldDayFrom: null,
    heldDayUntil: null,
  });

  it("moving east, the day stays current until it ends in the old zone; the next date follows", () => {
    // 12:00 on Mar 2 in Los Angeles, already 05:00 on Mar 3 in Tokyo.
    const moved = zoneChangePatch(profile("America/Los_Angeles", "2026-03-02"), "Asia/Tokyo", at("2026-03-02T20:00:00Z"));
    expect(moved).toEqual({
      timeZone: "Asia/Tokyo",
      heldDay: "2026-03-02",
      heldDayFrom: at("2026-03-02T12:00:00Z"),
      heldDayUntil: at("2026-03-03T12:00:00Z"),
    });
    expect(studyDayFor(moved, at("2026-03-03T11:59:00Z")).day).toBe("2026-03-02");
    expect(studyDayFor(moved, at("2026-03-03T12:00:00Z"))).toEqual({
      day: "2026-03-03",
      start: at("2026-03-02T19:00:00Z"),
      end: at("2026-03-03T19:00:00Z"),
    });
  });

  it("moving west, the day stays current until it ends in the new zone, never going back to an earlier date", () => {
    // 10:00 on Mar 2 in Tokyo, still 17:00 on Mar 1 in Los Angeles.
    const moved = zoneChangePatch(profile("Asia/Tokyo", "2026-03-02"), "America/Los_Angeles", at("2026-03-02T01:00:00Z"));
    expect(moved.heldDayUntil).toEqual(at("2026-03-03T12:00:00Z"));
    expect(studyDayFor(moved, at("2026-03-02T01:00:00Z"))).toEqual({
      day: "2026-03-02",
      start: at("2026-03-01T19:00:00Z"),
      end: at("2026-03-03T12:00:00Z"),
    });
    expect(studyDayFor(moved, at("2026-03-03T12:00:00Z")).day).toBe("2026-03-03");
  });

  it("holds nothing for someone who has never studied", () => {
    expect(zoneChangePatch(profile("UTC", ""), "Asia/Tokyo", at("2026-03-02T01:00:00Z"))).toEqual({
      timeZone: "Asia/Tokyo",
      heldDay: null,
      heldDayFrom: null,
      heldDayUntil: null,
    });
  });

  it("however often someone moves, no move changes the current day, the day they studied lasts at least its length in its own zone, and dates never go back", () => {
    const zones = ["UTC", "Asia/Tokyo", "America/Los_Angeles", "Pacific/Kiritimati", "Pacific/Pago_Pago", "Asia/Kolkata", "Europe/London"];
    const first = at("2026-03-02T12:00:00Z");
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.array(fc.record({ zone: fc.constantFrom(...zones), after: fc.integer({ min: 1, max: 40 * 60 }) }), { maxLength: 6 }),
        (home, moves) => {
          const day = studyDayOf(first, home);
          const end = studyDayStart(addDays(day, 1), home);
          let p: StudyDaySource & { counterDay: string; streakLastDay: string } = { ...profile(home, day) };
          let now = first;
          let last = day;
          for (const move of moves) {
            now = new Date(now.getTime() + move.after * 60_000);
            const before = studyDayFor(p, now).day;
            p = { ...p, ...zoneChangePatch(p, move.zone, now) };
            const after = studyDayFor(p, now).day;
            expect(after).toBe(before);
            if (now < end) expect(after).toBe(day);
            expect(after >= last).toBe(true);
            last = after;
          }
        },
      ),
    );
  });
});
