import { expect } from "chai";
import { DateTime } from "luxon";
import { validateShift } from "../../api/src/domain/shift-rules";

const local = (iso: string): Date => DateTime.fromISO(iso, { zone: "Europe/Amsterdam" }).toJSDate();
const s = (a: string, b: string, id?: string) => ({ id, start: local(a), end: local(b) });
const paths = (errs: { path: string }[]) => errs.map((e) => e.path);

describe("helpline shift rules", () => {
  it("accepts a normal shift", () => {
    expect(validateShift(s("2026-05-12T08:00", "2026-05-12T16:00"), [])).to.deep.equal([]);
  });

  it("rejects an end before or equal to the start", () => {
    expect(paths(validateShift(s("2026-05-12T08:00", "2026-05-12T08:00"), []))).to.deep.equal(["end"]);
    expect(paths(validateShift(s("2026-05-12T08:00", "2026-05-12T07:00"), []))).to.deep.equal(["end"]);
  });

  it("rejects invalid dates", () => {
    expect(paths(validateShift({ start: new Date("x"), end: local("2026-05-12T08:00") }, []))).to.deep.equal(["start"]);
  });

  it("allows exactly 12 hours and rejects longer", () => {
    expect(validateShift(s("2026-05-12T08:00", "2026-05-12T20:00"), [])).to.deep.equal([]);
    const errs = validateShift(s("2026-05-12T08:00", "2026-05-12T20:01"), []);
    expect(paths(errs)).to.deep.equal(["end"]);
    expect(errs[0]!.message).to.match(/12 hours/);
  });

  it("measures length in elapsed time across DST (20:00–08:00 is 13 h in October, 11 h in March)", () => {
    expect(paths(validateShift(s("2026-10-24T20:00", "2026-10-25T08:00"), []))).to.deep.equal(["end"]);
    expect(validateShift(s("2026-03-28T20:00", "2026-03-29T08:00"), [])).to.deep.equal([]);
  });

  it("rejects overlap with another shift of the member; touching is fine", () => {
    const others = [s("2026-05-12T08:00", "2026-05-12T12:00", "a"), s("2026-05-12T18:00", "2026-05-12T22:00", "b")];
    expect(paths(validateShift(s("2026-05-12T11:00", "2026-05-12T14:00"), others))).to.deep.equal(["start"]);
    expect(paths(validateShift(s("2026-05-12T06:00", "2026-05-12T23:00"), others))).to.have.length.greaterThan(0);
    expect(paths(validateShift(s("2026-05-12T09:00", "2026-05-12T10:00"), others))).to.deep.equal(["start"]); // inside
    expect(validateShift(s("2026-05-12T12:00", "2026-05-12T18:00"), others)).to.deep.equal([]);
  });

  it("reports each overlapped shift", () => {
    const others = [s("2026-05-12T08:00", "2026-05-12T12:00", "a"), s("2026-05-12T13:00", "2026-05-12T15:00", "b")];
    expect(paths(validateShift(s("2026-05-12T10:00", "2026-05-12T14:00"), others))).to.deep.equal(["start", "start"]);
  });

  it("ignores the shift itself when updating", () => {
    const others = [s("2026-05-12T08:00", "2026-05-12T12:00", "a")];
    expect(validateShift(s("2026-05-12T09:00", "2026-05-12T13:00", "a"), others)).to.deep.equal([]);
  });
});
