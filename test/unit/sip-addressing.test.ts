// How the helpline's targets are addressed in SIP (api/src/helpline/sip-addressing.ts).
import { expect } from "chai";
import { e164ish, sipAddressing } from "../../api/src/helpline/sip-addressing";

describe("helpline SIP addressing", () => {
  it("members: their number, in E.164 without spaces or dashes, in the configured template", () => {
    expect(e164ish("+31 6 1234-5678")).to.equal("+31612345678");
    expect(sipAddressing().member("+31 6 1234-5678")).to.equal("sip:+31612345678@trunk.helpline.invalid");
    expect(sipAddressing({ HELPLINE_MEMBER_SIP_URI: "sips:{phone}@sbc.example;transport=tls" }).member("+31612345678")).to.equal(
      "sips:+31612345678@sbc.example;transport=tls",
    );
  });

  it("RSCs: the template with {phone}, {unitId} and {code}, overridden per unit", () => {
    const sip = sipAddressing({ HELPLINE_RSC_SIP_URI: "sip:{code}-{unitId}-{phone}@rsc.example", HELPLINE_RSC_SIP_URIS: { limburg: "sip:rsc@10.0.0.9:5070" } });
    expect(sip.rsc("amsterdam")).to.equal("sip:AM-amsterdam-+31880000105@rsc.example");
    expect(sip.rsc("limburg")).to.equal("sip:rsc@10.0.0.9:5070");
    expect(sip.rsc("atlantis")).to.equal(undefined);
    expect(sip.nationalFallback()).to.deep.equal({ unitId: "landelijke-eenheid", sipUri: "sip:LE-landelijke-eenheid-+31880000111@rsc.example" });
    expect(sip.rscTable()).to.have.length(13);
  });
});
