// The police units: 10 regional units plus the national parts. RSC phone numbers are fictional
// placeholders in one format (+31 88 0000 1xx); replace them from configuration in production.
import type { Unit } from "../domain/types";

const rsc = (n: number) => ({ phone: `+318800001${String(n).padStart(2, "0")}` });

// Area codes follow the unit that polices the municipality the code mainly serves. Codes that
// straddle a unit border go to the unit of their largest place (e.g. 0318 Ede → Oost-Nederland).
export const UNITS: readonly Unit[] = Object.freeze([
  {
    id: "noord-nederland",
    code: "NN",
    name: "Noord-Nederland",
    kind: "regional",
    rsc: rsc(1),
    // Groningen, Friesland, Drenthe
    areaCodes: [
      "050",
      "0594",
      "0595",
      "0596",
      "0597",
      "0598",
      "0599",
      "058",
      "0511",
      "0512",
      "0513",
      "0514",
      "0515",
      "0516",
      "0517",
      "0518",
      "0519",
      "0561",
      "0562",
      "0566",
      "0591",
      "0592",
      "0593",
      "0522",
      "0524",
      "0528",
    ],
  },
  {
    id: "oost-nederland",
    code: "ON",
    name: "Oost-Nederland",
    kind: "regional",
    rsc: rsc(2),
    // Overijssel, Gelderland
    areaCodes: [
      "053",
      "074",
      "0541",
      "0546",
      "0547",
      "0548",
      "038",
      "0521",
      "0523",
      "0529",
      "0570",
      "0571",
      "0572",
      "0573",
      "0575",
      "055",
      "0577",
      "0578",
      "0525",
      "0341",
      "0342",
      "0543",
      "0544",
      "0545",
      "026",
      "024",
      "0313",
      "0314",
      "0315",
      "0316",
      "0317",
      "0318",
      "0344",
      "0345",
      "0418",
      "0481",
      "0487",
      "0488",
    ],
  },
  {
    id: "midden-nederland",
    code: "MN",
    name: "Midden-Nederland",
    kind: "regional",
    rsc: rsc(3),
    // Utrecht, Flevoland, Gooi en Vechtstreek
    areaCodes: ["030", "033", "0343", "0346", "0347", "0348", "035", "036", "0320", "0321", "0527"],
  },
  {
    id: "noord-holland",
    code: "NH",
    name: "Noord-Holland",
    kind: "regional",
    rsc: rsc(4),
    // Kennemerland, Zaanstreek-Waterland, Noord-Holland Noord
    areaCodes: ["023", "0251", "0255", "075", "0299", "072", "0222", "0223", "0224", "0226", "0227", "0228", "0229"],
  },
  {
    id: "amsterdam",
    code: "AM",
    name: "Amsterdam",
    kind: "regional",
    rsc: rsc(5),
    // Amsterdam, Amstelland (Aalsmeer, Uithoorn), Weesp
    areaCodes: ["020", "0297", "0294"],
  },
  {
    id: "den-haag",
    code: "DH",
    name: "Den Haag",
    kind: "regional",
    rsc: rsc(6),
    // Haaglanden, Hollands Midden
    areaCodes: ["070", "015", "079", "0174", "071", "0171", "0172", "0182", "0252"],
  },
  {
    id: "rotterdam",
    code: "RT",
    name: "Rotterdam",
    kind: "regional",
    rsc: rsc(7),
    // Rotterdam-Rijnmond, Zuid-Holland-Zuid
    areaCodes: ["010", "0180", "0181", "0186", "0187", "078", "0183", "0184"],
  },
  {
    id: "zeeland-west-brabant",
    code: "ZWB",
    name: "Zeeland-West-Brabant",
    kind: "regional",
    rsc: rsc(8),
    areaCodes: ["0111", "0113", "0114", "0115", "0117", "0118", "076", "013", "0161", "0162", "0164", "0165", "0166", "0167", "0168", "0416"],
  },
  {
    id: "oost-brabant",
    code: "OB",
    name: "Oost-Brabant",
    kind: "regional",
    rsc: rsc(9),
    areaCodes: ["040", "073", "0411", "0412", "0413", "0485", "0486", "0492", "0493", "0497", "0499"],
  },
  {
    id: "limburg",
    code: "LB",
    name: "Limburg",
    kind: "regional",
    rsc: rsc(10),
    areaCodes: ["043", "045", "046", "0475", "0478", "077", "0495"],
  },
  { id: "landelijke-eenheid", code: "LE", name: "Landelijke Eenheid", kind: "national", rsc: rsc(11), areaCodes: [] },
  { id: "politiedienstencentrum", code: "PDC", name: "Politiedienstencentrum", kind: "national", rsc: rsc(12), areaCodes: [] },
  { id: "politieacademie", code: "PA", name: "Politieacademie", kind: "national", rsc: rsc(13), areaCodes: [] },
] satisfies Unit[]);

/** Where a helpline call goes when neither a member nor the caller's regional RSC can take it. */
export const NATIONAL_FALLBACK_RSC: Readonly<{ unitId: string; phone: string }> = Object.freeze({
  unitId: "landelijke-eenheid",
  phone: rsc(11).phone,
});

const byId = new Map(UNITS.map((u) => [u.id, u]));
const byAreaCode = new Map(UNITS.flatMap((u) => u.areaCodes.map((c) => [c, u] as const)));

export const unitById = (id: string): Unit | undefined => byId.get(id);

/** Ids of the regional units, in reference order. */
export const REGIONAL_UNIT_IDS: readonly string[] = Object.freeze(UNITS.filter((u) => u.kind === "regional").map((u) => u.id));
/** Ids of the national parts (Landelijke Eenheid, PDC, Politieacademie). */
export const NATIONAL_UNIT_IDS: readonly string[] = Object.freeze(UNITS.filter((u) => u.kind === "national").map((u) => u.id));

/** A Dutch number in national format ("0101234567"), or undefined if it is not a Dutch number. */
export function toNationalNumber(number: string): string | undefined {
  let s = number
    .trim()
    .replace(/\(0\)/g, "")
    .replace(/[\s().\-/]/g, "");
  if (s.startsWith("+")) s = `00${s.slice(1)}`;
  if (!/^\d+$/.test(s)) return undefined;
  if (s.startsWith("0031")) s = `0${s.slice(4).replace(/^0/, "")}`;
  else if (s.startsWith("00"))
    return undefined; // foreign number
  else if (!s.startsWith("0")) s = `0${s}`; // written without the trunk prefix
  return s;
}

/**
 * The regional unit serving the fixed-line area of a phone number ("+31 10 ...", "0031 10 ...",
 * "010-..."), by the longest matching area code. Mobile (06), service (088, 0800, 0900) and
 * foreign numbers have no region: undefined.
 */
export function unitForAreaCode(number: string): Unit | undefined {
  const national = toNationalNumber(number);
  if (!national) return undefined;
  for (const len of [4, 3]) {
    const unit = byAreaCode.get(national.slice(0, len));
    if (unit) return unit;
  }
  return undefined;
}
