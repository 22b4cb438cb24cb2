import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { parseHolidayIcs } from "./holiday-ics";

const calendar = (...events: string[]) => ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...events, "END:VCALENDAR"].join("\r\n");
const event = (...lines: string[]) => ["BEGIN:VEVENT", "UID:" + Math.random(), "DTSTAMP:20260101T000000Z", ...lines, "END:VEVENT"].join("\r\n");

describe("parseHolidayIcs", () => {
  it.each([
    ["a single all-day event", [event("DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261226", "SUMMARY:Christmas Day")], [{ date: "2026-12-25", name: "Christmas Day" }], 0],
    ["an all-day event without DTEND is one day", [event("DTSTART;VALUE=DATE:20260101", "SUMMARY:New Year's Day")], [{ date: "2026-01-01", name: "New Year's Day" }], 0],
    [
      "a two-day event gives two dates",
      [event("DTSTART;VALUE=DATE:20261225", "DTEND;VALUE=DATE:20261227", "SUMMARY:Christmas break")],
      [{ date: "2026-12-25", name: "Christmas break" }, { date: "2026-12-26", name: "Christmas break" }],
      0,
    ],
    ["a timed event is skipped and counted", [event("DTSTART:20261224T130000Z", "DTEND:20261224T170000Z", "SUMMARY:Half day")], [], 1],
    [
      "duplicates keep the first name, output is sorted",
      [event("DTSTART;VALUE=DATE:20260525", "SUMMARY:Spring bank holiday"), event("DTSTART;VALUE=DATE:20260504", "SUMMARY:Early May"), event("DTSTART;VALUE=DATE:20260525", "SUMMARY:Dup")],
      [{ date: "2026-05-04", name: "Early May" }, { date: "2026-05-25", name: "Spring bank holiday" }],
      0,
    ],
  ])("%s", (_label, events, expected, skipped) => {
    expect(parseHolidayIcs(calendar(...events))).toEqual({ holidays: expected, skipped });
  });

  it("expands a yearly recurring holiday up to the horizon", () => {
    const parsed = parseHolidayIcs(calendar(event("DTSTART;VALUE=DATE:20261225", "RRULE:FREQ=YEARLY", "SUMMARY:Christmas Day")), DateTime.fromISO("2028-06-01", { zone: "utc" }));
    expect(parsed.holidays.map((holiday) => holiday.date)).toEqual(["2026-12-25", "2027-12-25", "2028-12-25"]);
  });

  it.each(["", "not a calendar", "BEGIN:VEVENT\r\nEND:VEVENT"])("rejects %j with a readable message", (text) => {
    expect(() => parseHolidayIcs(text)).toThrow("That file is not a valid iCalendar (.ics) file.");
  });
});
