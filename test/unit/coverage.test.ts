import { expect } from "chai";
import { DateTime } from "luxon";
import { coverageByHourOfWeek, coverageGaps, mergeIntervals, type Interval } from "../../api/src/domain/coverage";

const ZONE = "Europe/Amsterdam";
const L = (iso: string): DateTime => DateTime.fromISO(iso, { zone: ZONE });
const local = (iso: string): Date => L(iso).toJSDate();
const iv = (a: string, b: string): Interval => ({ start: local(a), end: local(b) });
const iso = (xs: Interval[]) => xs.map((x) => [x.start.toISOString(), x.end.toISOString()]);

/** Three 8-hour shifts a day (06–14, 14–22, 22–06 local) for 7 days from a Monday, minus Sunday night. */
function weekWithSundayNightHole(monday: string): Interval[] {
  const shifts: Interval[] = [];
  for (let d = 0; d < 7; d++) {
    const day = L(monday).plus({ days: d });
    const at = (h: number, plusDays = 0) => day.plus({ days: plusDays }).set({ hour: h }).toJSDate();
    shifts.push({ start: at(6), end: at(14) }, { start: at(14), end: at(22) });
    if (d < 6) shifts.push({ start: at(22), end: at(6, 1) });
  }
  return shifts;
}

describe("helpline coverage: gaps", () => {
  const from = local("2026-05-11T00:00");
  const to = local("2026-05-12T00:00");

  it("the whole window is a gap without shifts", () => {
    expect(iso(coverageGaps([], from, to))).to.deep.equal(iso([{ start: from, end: to }]));
  });

  it("merges overlapping and adjacent shifts and returns sorted holes", () => {
    const shifts = [
      iv("2026-05-11T12:00", "2026-05-11T14:00"),
      iv("2026-05-11T08:00", "2026-05-11T10:00"),
      iv("2026-05-11T09:00", "2026-05-11T11:00"), // overlaps 08–10
      iv("2026-05-11T11:00", "2026-05-11T11:30"), // adjacent to 09–11
      iv("2026-05-11T14:00", "2026-05-11T18:00"), // adjacent to 12–14
    ];
    expect(iso(mergeIntervals(shifts, from, to))).to.deep.equal(iso([iv("2026-05-11T08:00", "2026-05-11T11:30"), iv("2026-05-11T12:00", "2026-05-11T18:00")]));
    expect(iso(coverageGaps(shifts, from, to))).to.deep.equal(
      iso([iv("2026-05-11T00:00", "2026-05-11T08:00"), iv("2026-05-11T11:30", "2026-05-11T12:00"), iv("2026-05-11T18:00", "2026-05-12T00:00")]),
    );
  });

  it("clips shifts to the window and ignores those outside or empty", () => {
    const shifts = [
      iv("2026-05-10T20:00", "2026-05-11T06:00"),
      iv("2026-05-11T20:00", "2026-05-12T08:00"),
      iv("2026-05-13T08:00", "2026-05-13T09:00"),
      iv("2026-05-11T10:00", "2026-05-11T10:00"),
    ];
    expect(iso(coverageGaps(shifts, from, to))).to.deep.equal(iso([iv("2026-05-11T06:00", "2026-05-11T20:00")]));
  });

  it("no gaps when fully covered", () => {
    expect(coverageGaps([iv("2026-05-10T00:00", "2026-05-13T00:00")], from, to)).to.deep.equal([]);
  });

  for (const [label, monday, holeStart, holeEnd] of [
    ["an ordinary week", "2026-05-11", "2026-05-17T22:00", "2026-05-18T06:00"],
    ["the October 2026 DST week", "2026-10-19", "2026-10-25T22:00", "2026-10-26T06:00"],
    ["the March 2026 DST week", "2026-03-23", "2026-03-29T22:00", "2026-03-30T06:00"],
  ] as const) {
    it(`a week with a hole on Sunday night reports exactly that hole (${label})`, () => {
      const start = L(`${monday}T06:00`);
      const gaps = coverageGaps(weekWithSundayNightHole(monday), start.toJSDate(), start.plus({ weeks: 1 }).toJSDate());
      expect(iso(gaps)).to.deep.equal(iso([iv(holeStart, holeEnd)]));
    });
  }
});

describe("helpline coverage: hours by hour of week", () => {
  const slot = (isoWeekday: number, hour: number) => (isoWeekday - 1) * 24 + hour;
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

  it("Monday 00:00 local is slot 0 and partial hours count as fractions", () => {
    const from = local("2026-01-05T00:00"); // Monday, CET
    const to = local("2026-01-12T00:00");
    const slots = coverageByHourOfWeek([iv("2026-01-05T00:00", "2026-01-05T01:00"), iv("2026-01-07T09:00", "2026-01-07T10:30")], from, to);
    expect(slots).to.have.length(168);
    expect(slots[0]).to.equal(1);
    expect(slots[slot(3, 9)]).to.equal(1);
    expect(slots[slot(3, 10)]).to.equal(0.5);
    expect(sum(slots)).to.equal(2.5);
  });

  it("sums over several weeks and counts overlapping shifts once", () => {
    const from = local("2026-01-05T00:00");
    const to = local("2026-01-19T00:00");
    const shifts = [iv("2026-01-06T09:00", "2026-01-06T10:00"), iv("2026-01-06T09:30", "2026-01-06T10:00"), iv("2026-01-13T09:00", "2026-01-13T10:00")];
    const slots = coverageByHourOfWeek(shifts, from, to);
    expect(slots[slot(2, 9)]).to.equal(2);
    expect(sum(slots)).to.equal(2);
  });

  it("uses local time across the October DST change (the repeated 02:00 hour counts twice)", () => {
    const start = L("2026-10-19T06:00");
    const slots = coverageByHourOfWeek(weekWithSundayNightHole("2026-10-19"), start.toJSDate(), start.plus({ weeks: 1 }).toJSDate());
    for (let i = 0; i < 168; i++) {
      const expected = i < 6 || i >= slot(7, 22) ? 0 : i === slot(7, 2) ? 2 : 1;
      expect(slots[i], `slot ${i}`).to.equal(expected);
    }
    expect(sum(slots)).to.equal(169 - 8); // a 169-hour week minus the 8-hour hole
  });

  it("uses local time across the March DST change (the skipped 02:00 hour stays empty)", () => {
    const start = L("2026-03-23T06:00");
    const slots = coverageByHourOfWeek(weekWithSundayNightHole("2026-03-23"), start.toJSDate(), start.plus({ weeks: 1 }).toJSDate());
    for (let i = 0; i < 168; i++) {
      const expected = i < 6 || i >= slot(7, 22) || i === slot(7, 2) ? 0 : 1;
      expect(slots[i], `slot ${i}`).to.equal(expected);
    }
    expect(sum(slots)).to.equal(167 - 8);
  });

  it("follows the given zone", () => {
    const from = new Date("2026-01-05T00:00:00Z");
    const to = new Date("2026-01-12T00:00:00Z");
    const slots = coverageByHourOfWeek([{ start: new Date("2026-01-05T00:00:00Z"), end: new Date("2026-01-05T01:00:00Z") }], from, to, "UTC");
    expect(slots[0]).to.equal(1);
    const ams = coverageByHourOfWeek([{ start: new Date("2026-01-05T00:00:00Z"), end: new Date("2026-01-05T01:00:00Z") }], from, to);
    expect(ams[1]).to.equal(1); // 01:00 CET
  });
});
