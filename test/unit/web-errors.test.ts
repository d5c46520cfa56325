// The web app tells a missing thing (404) from a service that is down for a moment (503), each in
// Dutch and English, and only treats 405/501 as "this server does not offer it".
import { expect } from "chai";
import { ApiError } from "../../web/src/api/client";
import { isTransient, optional } from "../../web/src/lib/useLoad";
import { problemText } from "../../web/src/lib/problems";
import { translate, type Lang } from "../../web/src/i18n";

const err = (status: number, code?: string) => new ApiError({ title: "x", status, ...(code ? { code } : {}) });

describe("web: errors mean what they say", () => {
  it("optional() passes 404 and 503 on as errors; only 405/501 mean 'not offered'", async () => {
    for (const status of [404, 503, 500, 403]) {
      const e = await optional(Promise.reject(err(status))).then(
        () => undefined,
        (x: unknown) => x,
      );
      expect(e, String(status)).to.be.instanceOf(ApiError);
    }
    for (const status of [405, 501]) expect(await optional(Promise.reject(err(status))), String(status)).to.equal(undefined);
    expect(await optional(Promise.resolve(7))).to.equal(7);
  });

  it("offers 'try again' for an outage or a lost network, not for a missing thing", () => {
    expect(isTransient(err(503, "service_unavailable"))).to.equal(true);
    expect(isTransient(err(0))).to.equal(true);
    for (const s of [400, 403, 404, 409, 422, 500]) expect(isTransient(err(s)), String(s)).to.equal(false);
  });

  it("says 'not found' for 404 and 'temporarily unavailable, try again' for 503, in Dutch and English", () => {
    const text = (lang: Lang, status: number, code: string) => problemText((k, v) => translate(lang, k, v), lang, { title: "t", status, code });
    expect(text("nl", 404, "not_found")).to.match(/niet .*gevonden/i);
    expect(text("en", 404, "not_found")).to.match(/not found/i);
    expect(text("nl", 503, "service_unavailable"))
      .to.match(/niet bereikbaar/i)
      .and.match(/opnieuw/i);
    expect(text("en", 503, "service_unavailable"))
      .to.match(/unavailable/i)
      .and.match(/try again/i);
    expect(translate("nl", "common.retry")).to.equal("Opnieuw proberen");
    expect(translate("en", "common.retry")).to.equal("Try again");
  });
});
