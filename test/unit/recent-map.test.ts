import { expect } from "chai";
import { RecentMap } from "../../api/src/domain/recent-map";

describe("RecentMap (bounded map of the most recently set keys)", () => {
  it("keeps at least the max / 2 most recent keys and never more than max", () => {
    const m = new RecentMap<number, string>(10);
    for (let i = 0; i < 1_000; i++) {
      m.set(i, `v${i}`);
      expect(m.size).to.be.at.most(10);
      for (let k = Math.max(0, i - 4); k <= i; k++) expect(m.get(k)).to.equal(`v${k}`);
    }
    expect(m.get(0)).to.equal(undefined);
    expect(m.size).to.be.at.least(5);
  });

  it("a key set again holds its newest value and is counted once", () => {
    const m = new RecentMap<string, number>(4);
    m.set("a", 1);
    m.set("b", 2); // "a" and "b" move to the older generation
    m.set("a", 3);
    expect(m.get("a")).to.equal(3);
    expect(m.size).to.equal(2);
    m.delete("a");
    expect(m.get("a")).to.equal(undefined);
    expect(m.get("b")).to.equal(2);
  });

  it("a value that is undefined is told apart from an older generation's value", () => {
    const m = new RecentMap<string, number | undefined>(100);
    m.set("k", 1);
    for (let i = 0; i < 49; i++) m.set(`f${i}`, i); // "k" is now in the older generation
    m.set("k", undefined);
    expect(m.get("k")).to.equal(undefined);
  });
});
