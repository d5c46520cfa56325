import { expect } from "chai";
import { DateTime } from "luxon";
import { decideRoute, isOnDuty, type RouteInput } from "../../api/src/domain/helpline-routing";
import type { Shift } from "../../api/src/domain/types";

const ZONE = "Europe/Amsterdam";
const local = (iso: string): Date => DateTime.fromISO(iso, { zone: ZONE }).toJSDate();
const shift = (memberId: string, start: Date, end: Date): Shift => ({ id: `s-${memberId}-${start.toISOString()}`, memberId, start, end });

const NOW = local("2026-05-12T14:00");
const base = (over: Partial<RouteInput> = {}): RouteInput => ({
  now: NOW,
  shifts: [],
  busyMemberIds: new Set(),
  lastRoutedAt: new Map(),
  members: new Map([
    ["m1", { phone: "+31600000001", unitId: "amsterdam" }],
    ["m2", { phone: "+31600000002", unitId: "rotterdam" }],
    ["m3", { phone: "+31600000003", unitId: "den-haag" }],
    ["nophone", { unitId: "limburg" }],
  ]),
  callerUnitId: "rotterdam",
  rscByUnit: new Map([
    ["rotterdam", "+31102740000"],
    ["amsterdam", "+31205590000"],
  ]),
  nationalFallback: { unitId: "landelijke-eenheid", phone: "+31343530000" },
  ...over,
});
const day = shift("m1", local("2026-05-12T08:00"), local("2026-05-12T20:00"));

describe("helpline routing", () => {
  it("routes to an on-duty member", () => {
    const r = decideRoute(base({ shifts: [day] }));
    expect(r).to.deep.equal({
      action: "member",
      target: { phone: "+31600000001", unitId: "amsterdam", memberId: "m1" },
      reason: "on-duty member, least recently routed",
    });
  });

  it("treats a shift as [start, end): on duty at the start, off duty at the end", () => {
    expect(decideRoute(base({ shifts: [day], now: day.start })).action).to.equal("member");
    expect(decideRoute(base({ shifts: [day], now: day.end })).action).to.equal("rsc");
    expect(decideRoute(base({ shifts: [day], now: new Date(day.start.getTime() - 1) })).action).to.equal("rsc");
  });

  it("no member on duty: the RSC of the caller's region", () => {
    const r = decideRoute(base({ shifts: [shift("m1", local("2026-05-12T15:00"), local("2026-05-12T20:00"))] }));
    expect(r).to.deep.equal({
      action: "rsc",
      target: { phone: "+31102740000", unitId: "rotterdam" },
      reason: "no member on duty: RSC of the caller's region (rotterdam)",
    });
  });

  it("the only on-duty member busy: the RSC, saying so", () => {
    const r = decideRoute(base({ shifts: [day], busyMemberIds: new Set(["m1"]), callerUnitId: "amsterdam" }));
    expect(r.action).to.equal("rsc");
    expect(r.target).to.deep.equal({ phone: "+31205590000", unitId: "amsterdam" });
    expect(r.reason).to.equal("all on-duty members busy: RSC of the caller's region (amsterdam)");
  });

  it("skips a busy member when another is free", () => {
    const shifts = [day, shift("m2", day.start, day.end)];
    const r = decideRoute(base({ shifts, busyMemberIds: new Set(["m1"]) }));
    expect(r.target.memberId).to.equal("m2");
  });

  it("skips on-duty members without a phone number", () => {
    const onlyNoPhone = [shift("nophone", day.start, day.end)];
    const r = decideRoute(base({ shifts: onlyNoPhone }));
    expect(r.action).to.equal("rsc");
    expect(r.reason).to.match(/^no on-duty member free with a phone number: RSC/);
    expect(decideRoute(base({ shifts: [...onlyNoPhone, day] })).target.memberId).to.equal("m1");
  });

  it("picks the least recently routed member; never routed first; ties by memberId", () => {
    const shifts = ["m3", "m2", "m1"].map((id) => shift(id, day.start, day.end));
    const routed = (entries: [string, string][]) => new Map(entries.map(([id, t]) => [id, local(t)] as [string, Date]));

    // Never routed beats everyone; among the never routed, memberId order.
    expect(decideRoute(base({ shifts })).target.memberId).to.equal("m1");
    expect(decideRoute(base({ shifts, lastRoutedAt: routed([["m1", "2026-05-12T13:00"]]) })).target.memberId).to.equal("m2");
    // All routed: the oldest first.
    const all = routed([
      ["m1", "2026-05-12T13:00"],
      ["m2", "2026-05-12T13:30"],
      ["m3", "2026-05-12T09:00"],
    ]);
    expect(decideRoute(base({ shifts, lastRoutedAt: all })).target.memberId).to.equal("m3");
    // Tie on the same instant: memberId order.
    const tie = routed([
      ["m1", "2026-05-12T13:00"],
      ["m2", "2026-05-12T10:00"],
      ["m3", "2026-05-12T10:00"],
    ]);
    expect(decideRoute(base({ shifts, lastRoutedAt: tie })).target.memberId).to.equal("m2");
  });

  it("a member with two overlapping shifts is one candidate", () => {
    const shifts = [day, shift("m1", local("2026-05-12T12:00"), local("2026-05-12T16:00"))];
    expect(decideRoute(base({ shifts })).target.memberId).to.equal("m1");
  });

  it("region unknown: the national fallback RSC", () => {
    const r = decideRoute(base({ callerUnitId: undefined }));
    expect(r).to.deep.equal({
      action: "rsc",
      target: { phone: "+31343530000", unitId: "landelijke-eenheid" },
      reason: "no member on duty; region unknown: national fallback RSC",
    });
  });

  it("region known but without an RSC number: the national fallback RSC", () => {
    const r = decideRoute(base({ callerUnitId: "zeeland-west-brabant" }));
    expect(r.target).to.deep.equal({ phone: "+31343530000", unitId: "landelijke-eenheid" });
    expect(r.reason).to.equal("no member on duty; no RSC known for region zeeland-west-brabant: national fallback RSC");
  });

  describe("across DST changes (Europe/Amsterdam)", () => {
    it("a shift ending at 03:00 CEST on 25 October 2026 (= 02:00 CET) is over at that instant", () => {
      const end = new Date("2026-10-25T01:00:00Z");
      expect(DateTime.fromJSDate(end, { zone: ZONE }).toFormat("HH:mm ZZ")).to.equal("02:00 +01:00");
      expect(DateTime.fromJSDate(new Date(end.getTime() - 1), { zone: ZONE }).toFormat("HH:mm ZZ")).to.equal("02:59 +02:00");
      const night = shift("m1", local("2026-10-24T22:00"), end);
      expect(decideRoute(base({ shifts: [night], now: new Date(end.getTime() - 1) })).action).to.equal("member");
      expect(decideRoute(base({ shifts: [night], now: end })).action).to.equal("rsc");
      // The repeated wall-clock hour (02:30 CET) does not bring the member back on duty.
      expect(isOnDuty(night, new Date("2026-10-25T01:30:00Z"))).to.equal(false);
    });

    it("a shift ending at 02:00 CET on 29 March 2026 (= 03:00 CEST) is over at that instant", () => {
      const end = local("2026-03-29T03:00");
      expect(end.toISOString()).to.equal("2026-03-29T01:00:00.000Z");
      const night = shift("m2", local("2026-03-28T22:00"), end);
      expect(decideRoute(base({ shifts: [night], now: new Date(end.getTime() - 1) })).target.memberId).to.equal("m2");
      const r = decideRoute(base({ shifts: [night], now: end }));
      expect(r.action).to.equal("rsc");
      expect(r.reason).to.equal("no member on duty: RSC of the caller's region (rotterdam)");
    });
  });
});
