// The coordinator scope rule (api/src/access/scope.ts) and its users agree: members through unit or network,
// requests through their unit only.
import { expect } from "chai";
import { principalFromUser, type Principal } from "../../api/src/auth/principal";
import { coordinatorCovers, coordinatorFilter } from "../../api/src/access/scope";
import { canReadRequest, requestScopeFilter } from "../../api/src/access/requests";
import { canReadMember } from "../../api/src/access/members";
import { canDecideFor, memberScopeFilter } from "../../api/src/access/budgets";

const user = (roles: string[], scope: { units: string[]; networks: string[] }, id = "u-coord"): Principal =>
  principalFromUser({ id, name: "x", roles, unitId: "rotterdam", scope });

const ribCoordinator = user(["coordinator"], { units: ["rotterdam"], networks: ["roze-in-blauw"] });
const requester = user([], { units: ["rotterdam"], networks: ["roze-in-blauw"] }, "u-req");

const ribMemberInAmsterdam = { id: "m1", unitId: "amsterdam", networks: ["roze-in-blauw"] };
const amsterdamRequest = { requesterId: "someone", unitId: "amsterdam", status: "open" };

describe("coordinator scope rule", () => {
  it("covers a member through the member's unit or any of the member's networks", () => {
    expect(coordinatorCovers(ribCoordinator, { unitId: "rotterdam" })).to.equal(true);
    expect(coordinatorCovers(ribCoordinator, ribMemberInAmsterdam)).to.equal(true);
    expect(coordinatorCovers(ribCoordinator, { unitId: "amsterdam", networks: ["ndv"] })).to.equal(false);
    expect(canReadMember(ribCoordinator, ribMemberInAmsterdam, false)).to.equal(true);
    expect(canDecideFor(ribCoordinator, ribMemberInAmsterdam)).to.equal(true);
  });

  it("covers a request through its unit only: a network coordinator does not read another unit's cases", () => {
    expect(canReadRequest(ribCoordinator, amsterdamRequest)).to.equal(false);
    expect(canReadRequest(ribCoordinator, { ...amsterdamRequest, unitId: "rotterdam" })).to.equal(true);
    expect(requestScopeFilter(ribCoordinator)).to.deep.equal({ unitId: { $in: ["rotterdam"] } });
  });

  it("gives a scope to coordinators only, whatever scope the user record carries", () => {
    expect(coordinatorCovers(requester, { unitId: "rotterdam", networks: ["roze-in-blauw"] })).to.equal(false);
    expect(coordinatorFilter(requester, { networks: true })).to.deep.equal({ _id: { $in: [] } });
    expect(requestScopeFilter(requester)).to.equal(null);
  });

  it("filters the database the way it decides in memory", () => {
    const filter = coordinatorFilter(ribCoordinator, { networks: true });
    expect(filter).to.deep.equal({ $or: [{ unitId: { $in: ["rotterdam"] } }, { networks: { $in: ["roze-in-blauw"] } }] });
    expect(memberScopeFilter(ribCoordinator)).to.deep.equal(filter);
    expect(coordinatorFilter(ribCoordinator, { networks: false })).to.deep.equal({ unitId: { $in: ["rotterdam"] } });
  });
});
