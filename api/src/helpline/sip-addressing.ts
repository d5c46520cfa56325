// How the telephony platform (Kamailio, deploy/kamailio) reaches the targets of a helpline call.
//
// Members are reached on their phone number through the carrier trunk / SBC the telephony team
// configures: HELPLINE_MEMBER_SIP_URI is a template such as "sip:{phone}@sbc.example" ({phone} is
// the member's number in E.164, "+31612345678"). RSCs likewise: HELPLINE_RSC_SIP_URI is a template
// with {phone} (the RSC's number from reference data), {unitId} and {code}; HELPLINE_RSC_SIP_URIS
// overrides single units (an RSC contact-centre platform with its own SIP address). The same
// resolution feeds the /route answer and `npm run export:kamailio`, so both always agree.
import type { Config } from "../config";
import { NATIONAL_FALLBACK_RSC, UNITS, unitById } from "../reference/units";

export type SipAddressingConfig = Pick<Config, "HELPLINE_MEMBER_SIP_URI" | "HELPLINE_RSC_SIP_URI" | "HELPLINE_RSC_SIP_URIS">;

export const SIP_DEFAULTS: SipAddressingConfig = {
  HELPLINE_MEMBER_SIP_URI: "sip:{phone}@trunk.helpline.invalid",
  HELPLINE_RSC_SIP_URI: "sip:{phone}@trunk.helpline.invalid",
};

/** "+31 6 1234-5678" → "+31612345678"; keeps only digits and a leading plus (safe in a SIP user part). */
export const e164ish = (phone: string): string => {
  const digits = phone.replace(/[^\d+]/g, "");
  return digits.startsWith("+") ? `+${digits.slice(1).replace(/\+/g, "")}` : digits.replace(/\+/g, "");
};

const fill = (template: string, values: Record<string, string>): string =>
  template.replace(/\{(\w+)\}/g, (whole, k: string) => (k in values ? values[k]! : whole));

export interface SipAddressing {
  member(phone: string): string;
  rsc(unitId: string): string | undefined;
  /** Every unit's RSC SIP URI, in reference order (for the Kamailio export). */
  rscTable(): { unitId: string; code: string; phone: string; sipUri: string }[];
  nationalFallback(): { unitId: string; sipUri: string };
}

export function sipAddressing(cfg: Partial<SipAddressingConfig> = {}): SipAddressing {
  const c = { ...SIP_DEFAULTS, ...Object.fromEntries(Object.entries(cfg).filter(([, v]) => v !== undefined)) } as SipAddressingConfig;
  const overrides = c.HELPLINE_RSC_SIP_URIS ?? {};
  const rsc = (unitId: string): string | undefined => {
    const unit = unitById(unitId);
    if (!unit) return undefined;
    return overrides[unitId] ?? fill(c.HELPLINE_RSC_SIP_URI, { phone: e164ish(unit.rsc.phone), unitId: unit.id, code: unit.code });
  };
  // The webhook asks for the same few addresses on every call: remember them (bounded by the roster's size).
  const members = new Map<string, string>();
  const member = (phone: string): string => {
    let uri = members.get(phone);
    if (uri === undefined) {
      if (members.size >= 10_000) members.clear();
      members.set(phone, (uri = fill(c.HELPLINE_MEMBER_SIP_URI, { phone: e164ish(phone) })));
    }
    return uri;
  };
  const rscs = new Map(UNITS.map((u) => [u.id, rsc(u.id)]));
  return {
    member,
    rsc: (unitId) => rscs.get(unitId),
    rscTable: () => UNITS.map((u) => ({ unitId: u.id, code: u.code, phone: u.rsc.phone, sipUri: rscs.get(u.id)! })),
    nationalFallback: () => ({ unitId: NATIONAL_FALLBACK_RSC.unitId, sipUri: rscs.get(NATIONAL_FALLBACK_RSC.unitId)! }),
  };
}

const cache = new WeakMap<object, SipAddressing>();
/** One resolver per configuration object (the webhook calls this on every request). */
export function sipAddressingFor(config: SipAddressingConfig): SipAddressing {
  let a = cache.get(config);
  if (!a) cache.set(config, (a = sipAddressing(config)));
  return a;
}
