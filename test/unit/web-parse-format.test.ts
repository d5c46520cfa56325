// The web app's pure parsers and formatter: what people type (decimal comma, dd-mm-jjjj, 24 h)
// and what the UI shows, independent of the process's (browser's) locale.
import { expect } from "chai";
import { localToDate, parseDate, parseDateTime, parseDecimal, parseInteger, parseTime } from "../../web/src/lib/parse";
import { formatDate, formatDateTime, formatNumber, formatTime, numberInputValue } from "../../web/src/lib/format";

describe("web parsers", () => {
  it("reads hours with a decimal comma or point", () => {
    expect(parseDecimal("0,5")).to.equal(0.5);
    expect(parseDecimal("0.5")).to.equal(0.5);
    expect(parseDecimal("1,5")).to.equal(1.5);
    expect(parseDecimal(" 1,50 ")).to.equal(1.5);
    expect(parseDecimal(",25")).to.equal(0.25);
    expect(parseDecimal("12")).to.equal(12);
    expect(parseDecimal("1,")).to.equal(1);
  });

  it("refuses what it cannot read instead of guessing", () => {
    for (const s of ["", " ", "abc", "1,5,3", "1.234,5", "1,234.5", "0,5u", "--1", "1e3", "½", "-1"]) expect(parseDecimal(s), s).to.equal(undefined);
    expect(parseDecimal("-40", { allowNegative: true })).to.equal(-40);
    expect(parseDecimal("−2,5", { allowNegative: true })).to.equal(-2.5);
  });

  it("reads whole numbers", () => {
    expect(parseInteger("2026")).to.equal(2026);
    expect(parseInteger("20,26")).to.equal(undefined);
    expect(parseInteger("-3")).to.equal(undefined);
    expect(parseInteger("-3", { allowNegative: true })).to.equal(-3);
  });

  it("reads dates day first (dd-mm-jjjj) and ISO, and refuses impossible days", () => {
    expect(parseDate("01-12-2026")).to.equal("2026-12-01");
    expect(parseDate("1-12-2026")).to.equal("2026-12-01");
    expect(parseDate("12/01/2026"), "day first, never month first").to.equal("2026-01-12");
    expect(parseDate("31.01.2026")).to.equal("2026-01-31");
    expect(parseDate("2026-12-01")).to.equal("2026-12-01");
    expect(parseDate("29-02-2028")).to.equal("2028-02-29");
    for (const s of ["29-02-2026", "31-04-2026", "00-01-2026", "01-13-2026", "2026/12/01", "1-12-26", "gisteren", ""])
      expect(parseDate(s), s).to.equal(undefined);
  });

  it("reads 24-hour times and date-times", () => {
    expect(parseTime("9:05")).to.equal("09:05");
    expect(parseTime("23.59")).to.equal("23:59");
    expect(parseTime("0800")).to.equal("08:00");
    for (const s of ["24:00", "12:60", "2 PM", "2:30 PM", "9"]) expect(parseTime(s), s).to.equal(undefined);
    expect(parseDateTime("01-12-2026 14:30")).to.equal("2026-12-01T14:30");
    expect(parseDateTime("01-12-2026, 14:30")).to.equal("2026-12-01T14:30");
    expect(parseDateTime("2026-12-01T14:30")).to.equal("2026-12-01T14:30");
    expect(parseDateTime("12/01/2026 2:30 PM")).to.equal(undefined);
    expect(parseDateTime("01-12-2026")).to.equal(undefined);
    const d = localToDate("2026-12-01T14:30");
    expect([d.getFullYear(), d.getMonth(), d.getDate(), d.getHours(), d.getMinutes()]).to.deep.equal([2026, 11, 1, 14, 30]);
  });
});

describe("web formatter", () => {
  it("shows dd-mm-jjjj and a 24-hour clock in Dutch time, whatever the locale", () => {
    // 1 December 2026 13:05 UTC is 14:05 in Amsterdam (CET).
    expect(formatDate("2026-12-01T13:05:00Z")).to.equal("01-12-2026");
    expect(formatTime("2026-12-01T13:05:00Z")).to.equal("14:05");
    expect(formatDateTime("2026-12-01T13:05:00Z")).to.equal("01-12-2026 14:05");
    // Summer time: 22:30 UTC on 30 June is 00:30 on 1 July in Amsterdam.
    expect(formatDateTime("2026-06-30T22:30:00Z")).to.equal("01-07-2026 00:30");
    expect(formatDate("2026-12-01"), "a plain day is that day").to.equal("01-12-2026");
    expect(formatDate(undefined)).to.equal("–");
    expect(formatDateTime("not a date")).to.equal("not a date");
  });

  it("numbers with a decimal comma in Dutch, a point in English", () => {
    expect(formatNumber(1.5, "nl")).to.equal("1,5");
    expect(formatNumber(0.25, "nl")).to.equal("0,25");
    expect(formatNumber(1.5, "en")).to.equal("1.5");
    expect(numberInputValue(1234.5, "nl")).to.equal("1234,5");
    expect(numberInputValue(4, "en")).to.equal("4");
  });
});
