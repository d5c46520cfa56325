import { expect } from "chai";
import type { Service } from "../../api/src/bootstrap";
import { Member } from "../../api/src/models/member";
import { UNITS } from "../../api/src/reference/units";
import { expertiseById } from "../../api/src/reference/expertise";
import { exampleRequests } from "../../seed/generate";
import { clockAt, startStack } from "../helpers/stack";
import { login, newUser, type Client } from "../helpers/http";

describe("matching on seeded data", function () {
  this.timeout(120_000);
  let s: Service;
  let requester: Client;
  let nationalCoordinator: Client;
  let poolIds: Map<string, string>;
  // Its own service on a fixed clock: who is available now (weekly slots, absences), and so the ranking
  // and its reasons, depend on the weekday and hour; seeded data is generated from the same clock.
  before(async () => {
    s = await startStack({}, { now: clockAt("2026-03-11T09:00:00Z") }); // a Wednesday, 10:00 in Amsterdam
    requester = await login(s, "requester");
    nationalCoordinator = (
      await newUser(s, { roles: ["coordinator"], unitId: "landelijke-eenheid", scope: { units: UNITS.map((u) => u.id), networks: ["ndv", "roze-in-blauw"] } })
    ).client;
    const pools = await requester.get("/api/v1/pools");
    poolIds = new Map(pools.body.data.map((p: any) => [p.name, p.id]));
  });
  after(async () => {
    await s?.stop();
  });

  for (const ex of exampleRequests()) {
    it(`gives "${ex.title}" a top 3 with fitting expertise and reasons`, async () => {
      const { poolName, ...body } = ex;
      const created = await requester.post("/api/v1/requests", { ...body, ...(poolName ? { poolId: poolIds.get(poolName) } : {}) });
      expect(created.status).to.equal(201);
      const res = await requester.get(`/api/v1/requests/${created.body.id}/candidates`);
      expect(res.status).to.equal(200);
      expect(res.body.length).to.be.at.least(3);
      const labels = ex.expertise.map((id) => expertiseById(id)!.label.en);
      for (const c of res.body.slice(0, 3)) {
        expect(Object.keys(c).sort()).to.deep.equal(["available", "candidateRef", "reasonCodes", "reasons", "score", "unitId"]);
        expect(c.reasons.length).to.be.greaterThan(0);
        // The same reasons as codes for the web app to render in Dutch or English: one per sentence.
        expect(c.reasonCodes).to.have.length(c.reasons.length);
        const codes = c.reasonCodes.map((r: any) => r.code);
        expect(codes.includes("expertise") || codes.includes("text-match")).to.equal(true);
        for (const r of c.reasonCodes.filter((x: any) => x.code === "expertise")) expect(ex.expertise).to.include(r.params.id);
        for (const lang of ex.languages ?? []) expect(c.reasonCodes).to.deep.include({ code: "language", params: { code: lang } });
        expect(c.reasons.some((r: string) => labels.some((l) => r.includes(l)))).to.equal(true, `reasons ${c.reasons.join("; ")}`);
        if (ex.languages?.length) expect(c.reasons.join(" ")).to.match(/speaks /);
      }
      const scores = res.body.map((c: any) => c.score);
      expect(scores).to.deep.equal([...scores].sort((a: number, b: number) => b - a));
    });
  }

  it("ranks an available Somali-speaking Rotterdam member first for the Rotterdam liaison case", async () => {
    const { poolName: _p, ...body } = exampleRequests()[0]!;
    const created = await requester.post("/api/v1/requests", body);
    const res = await requester.get(`/api/v1/requests/${created.body.id}/candidates`);
    const top = res.body[0];
    expect(top.unitId).to.equal("rotterdam");
    expect(top.available).to.equal(true);
    expect(top.reasons).to.include("speaks Somali");
    expect(top.reasons.join(" ")).to.contain("Somali culture");
  });

  it("never shows the requester a name, e-mail, phone or member id in candidate cards", async () => {
    const { poolName: _p, ...body } = exampleRequests()[1]!;
    const created = await requester.post("/api/v1/requests", body);
    const res = await requester.get(`/api/v1/requests/${created.body.id}/candidates?limit=100`);
    const text = res.text;
    expect(text)
      .to.not.match(/@/)
      .and.not.match(/\+31|06-?\d{8}/);
    const members = await Member.find({ "expertise.id": { $in: body.expertise } }, { name: 1, email: 1 }).lean();
    for (const m of members) {
      expect(text).to.not.contain(String(m._id));
      expect(text).to.not.contain(m.name);
    }
    // Refs are stable per request and differ between requests.
    const again = await requester.get(`/api/v1/requests/${created.body.id}/candidates?limit=100`);
    expect(again.body.map((c: any) => c.candidateRef)).to.deep.equal(res.body.map((c: any) => c.candidateRef));
    const other = await requester.post("/api/v1/requests", body);
    const otherRefs = (await requester.get(`/api/v1/requests/${other.body.id}/candidates?limit=100`)).body.map((c: any) => c.candidateRef);
    expect(otherRefs.filter((r: string) => res.body.some((c: any) => c.candidateRef === r))).to.have.length(0);
    // Another requester may not see them at all.
    const stranger = await newUser(s, { roles: ["requester"] });
    expect((await stranger.client.get(`/api/v1/requests/${created.body.id}/candidates`)).status).to.equal(403);
  });

  // What a word denotes in the taxonomy: the items whose labels or synonyms carry it. Both engines must
  // return holders of those items at the top; how they order holders of equally matching items is theirs.
  const SPELLINGS: [string, string[]][] = [
    ["somalisch", ["culture.somali", "language.so"]],
    ["Somalie", ["culture.somali", "language.so"]],
    ["LHBTI", ["lgbtiq."]],
    ["transgender", ["lgbtiq.trans"]],
    ["oekraiens", ["culture.ukrainian", "language.uk"]],
  ];
  for (const [q, accepted] of SPELLINGS) {
    it(`finds the right members for "${q}" on either engine`, async () => {
      const res = await nationalCoordinator.get(`/api/v1/members?q=${encodeURIComponent(q)}&limit=10`);
      expect(res.status).to.equal(200);
      expect(res.body.data.length).to.be.greaterThan(0);
      const fits = (m: any) => m.expertise.some((e: any) => accepted.some((a) => e.id.startsWith(a)));
      for (const m of res.body.data) expect(fits(m)).to.equal(true, `${q}: ${JSON.stringify(m.expertise)}`);
      // Holders of the first item are among them (not only holders of a related one).
      expect(res.body.data.some((m: any) => m.expertise.some((e: any) => e.id.startsWith(accepted[0]!)))).to.equal(true);
    });
  }
});
