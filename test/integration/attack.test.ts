// Issue 9 "done when": the replay script (`npm run attack`) against a real stack, reduced set.
import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { sharedStack } from "../helpers/stack";
import { runAttack } from "../../scripts/attack";

describe("npm run attack (reduced set) against a running stack", function () {
  this.timeout(300_000);
  let s: Service;
  before(async () => {
    s = await sharedStack();
  });

  it("tries the bad inputs and sees no 5xx and no bad value accepted or stored", async () => {
    const lines: string[] = [];
    const report = await runAttack({ url: s.url, quick: true, log: (l) => lines.push(l) });
    expect(report.tried).to.be.greaterThan(150);
    expect(report.fiveXX, lines.join("\n")).to.deep.equal([]);
    expect(report.accepted, lines.join("\n")).to.deep.equal([]);
    expect(report.stored, lines.join("\n")).to.deep.equal([]);
    expect(lines[0]).to.match(/^inputs tried: \d+$/);
  });
});
