// Deterministic synthetic data: members, pools, example requests and time entries. Pure (no I/O,
// no clock): the same seed and `now` always give the same output. Each member draws from its own
// PRNG stream, so a smaller `count` yields a prefix of a larger one.
import type { Absence, MemberExpertise, Mode, TimeCategory, TimeEntryStatus, Urgency, WeeklySlot } from "../api/src/domain/types";
import { TIME_CATEGORIES } from "../api/src/contract/values";
import { expertiseById } from "../api/src/reference/expertise";
import { NAMES, emailLocalPart, type NameOrigin } from "./names";

// ---------------------------------------------------------------------------------------------
// PRNG

/** mulberry32: tiny, fast, good enough for synthetic data. Returns floats in [0, 1). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A 32-bit seed from a base seed and labels (FNV-1a), for independent per-member streams. */
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (const ch of parts.join("\u0000")) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  // A final avalanche so neighbouring keys do not give correlated streams.
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

class Rng {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  float(): number {
    return this.next();
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  /** Integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  weighted<T>(entries: readonly (readonly [T, number])[]): T {
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [v, w] of entries) {
      r -= w;
      if (r < 0) return v;
    }
    return entries[entries.length - 1]![0];
  }
  sample<T>(items: readonly T[], n: number): T[] {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy.slice(0, Math.max(0, Math.min(n, copy.length)));
  }
}

// ---------------------------------------------------------------------------------------------
// Shapes

export interface MemberSeed {
  key: string; // stable across runs: "m0001"
  name: string;
  email: string;
  phone: string;
  unitId: string;
  networks: string[];
  expertise: MemberExpertise[];
  languages: string[]; // always includes "nl"
  availability: { weekly?: WeeklySlot[]; absences?: Absence[] };
  consent: { shareExpertise: boolean; at?: Date };
  active: boolean;
  joinedAt: Date;
}

export interface PoolSeed {
  name: string;
  description: string;
  expertise: string[];
  unitIds: string[];
  memberKeys: string[];
}

export interface RequestSeed {
  title: string;
  description: string;
  expertise: string[];
  languages?: string[];
  urgency: Urgency;
  mode: Mode;
  unitId: string;
  estimatedHours: number;
  poolName?: string;
}

export interface TimeEntrySeed {
  memberKey: string;
  date: Date;
  hours: number; // quarter-hour steps
  category: TimeCategory;
  status: TimeEntryStatus;
  note?: string;
}

/** Used when no `now` is given, so output stays deterministic. */
export const DEFAULT_SEED_NOW = new Date("2025-06-16T09:00:00Z");

const DAY = 86_400_000;
const startOfUtcDay = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
const addDays = (d: Date, n: number) => new Date(d.getTime() + n * DAY);
const memberKey = (i: number) => `m${String(i + 1).padStart(4, "0")}`;

// ---------------------------------------------------------------------------------------------
// Units: roughly proportional to unit size; the big cities carry the most diversity questions.

export const UNIT_WEIGHTS: readonly (readonly [string, number])[] = [
  ["amsterdam", 14],
  ["rotterdam", 13],
  ["den-haag", 12],
  ["oost-nederland", 11],
  ["midden-nederland", 8],
  ["noord-nederland", 7],
  ["zeeland-west-brabant", 7],
  ["noord-holland", 6],
  ["oost-brabant", 6],
  ["limburg", 5],
  ["landelijke-eenheid", 7],
  ["politiedienstencentrum", 3],
  ["politieacademie", 1],
];

// ---------------------------------------------------------------------------------------------
// Profiles: what a member typically knows about, so expertise, languages and networks correlate.

type Chance = readonly [string, number];

interface Profile {
  id: string;
  weight: number;
  /** Name backgrounds for members with lived experience; empty means the general mix. */
  origins: readonly NameOrigin[];
  /** The first item is always taken (the member's main expertise); others with their chance. */
  core: readonly Chance[];
  /** Instead of a fixed main item: 1..max items drawn by weight from this list. */
  pickFrom?: { items: readonly Chance[]; max: number };
  /** Spoken languages (no expertise claim) with their chance. */
  speaks?: readonly Chance[];
  networks?: readonly Chance[];
}

const LGBTIQ_ITEMS: readonly Chance[] = [
  ["lgbtiq.gay-lesbian", 5],
  ["lgbtiq.trans", 3],
  ["lgbtiq.bi", 2.5],
  ["lgbtiq.coming-out", 3],
  ["lgbtiq.non-binary", 1.5],
  ["lgbtiq.intersex", 0.6],
  ["lgbtiq.refugees", 1],
  ["lgbtiq.faith", 1],
];

const PROFILES: readonly Profile[] = [
  {
    id: "somali",
    weight: 4,
    origins: ["somali"],
    core: [
      ["culture.somali", 1],
      ["language.so", 0.85],
      ["religion.islam", 0.6],
      ["topic.death-rituals", 0.35],
      ["topic.fgm", 0.15],
      ["topic.family-structures", 0.25],
    ],
    speaks: [
      ["ar", 0.3],
      ["en", 0.6],
    ],
    networks: [["moslimnetwerk", 0.2]],
  },
  {
    id: "turkish",
    weight: 7,
    origins: ["turkish"],
    core: [
      ["culture.turkish", 1],
      ["language.tr", 0.85],
      ["religion.islam", 0.35],
      ["religion.alevism", 0.12],
      ["topic.elections-diaspora", 0.3],
      ["culture.kurdish", 0.1],
      ["topic.polarisation", 0.2],
    ],
    speaks: [
      ["de", 0.2],
      ["en", 0.5],
    ],
    networks: [
      ["moslimnetwerk", 0.15],
      ["netwerk-dubbele-nationaliteit", 0.2],
    ],
  },
  {
    id: "moroccan",
    weight: 8,
    origins: ["moroccan"],
    core: [
      ["culture.moroccan", 1],
      ["language.ar", 0.55],
      ["language.zgh", 0.35],
      ["religion.islam", 0.55],
      ["topic.honour-related-violence", 0.2],
      ["topic.forced-marriage", 0.1],
      ["topic.anti-muslim", 0.15],
    ],
    speaks: [
      ["fr", 0.4],
      ["en", 0.5],
    ],
    networks: [
      ["moslimnetwerk", 0.2],
      ["netwerk-dubbele-nationaliteit", 0.2],
    ],
  },
  {
    id: "surinamese",
    weight: 6,
    origins: ["surinamese"],
    core: [
      ["culture.surinamese", 1],
      ["language.srn", 0.5],
      ["religion.winti", 0.15],
      ["religion.christianity-evangelical", 0.15],
      ["topic.racism", 0.25],
    ],
    speaks: [["en", 0.6]],
    networks: [["caribisch-netwerk", 0.15]],
  },
  {
    id: "hindustani",
    weight: 3,
    origins: ["hindustani"],
    core: [
      ["culture.hindustani", 1],
      ["religion.hinduism", 0.6],
      ["language.hi", 0.3],
      ["culture.surinamese", 0.3],
      ["topic.death-rituals", 0.25],
    ],
    speaks: [["en", 0.6]],
  },
  {
    id: "caribbean",
    weight: 4,
    origins: ["caribbean"],
    core: [
      ["culture.antillean", 1],
      ["language.pap", 0.7],
      ["language.es", 0.3],
      ["subculture.street-culture", 0.15],
    ],
    speaks: [
      ["en", 0.8],
      ["es", 0.3],
    ],
    networks: [["caribisch-netwerk", 0.4]],
  },
  {
    id: "ukrainian",
    weight: 4,
    origins: ["ukrainian"],
    core: [
      ["culture.ukrainian", 1],
      ["language.uk", 0.9],
      ["language.ru", 0.7],
      ["topic.refugees", 0.5],
      ["religion.christianity-orthodox", 0.2],
      ["culture.russian", 0.2],
    ],
    speaks: [
      ["en", 0.6],
      ["pl", 0.1],
    ],
  },
  {
    id: "polish",
    weight: 3,
    origins: ["polish"],
    core: [
      ["culture.polish", 1],
      ["language.pl", 0.9],
      ["religion.christianity", 0.3],
      ["topic.human-trafficking", 0.2],
    ],
    speaks: [
      ["en", 0.6],
      ["de", 0.2],
    ],
    networks: [["christelijk-politie-netwerk", 0.1]],
  },
  {
    id: "eastern-eu",
    weight: 2,
    origins: [],
    core: [
      ["culture.bulgarian", 1],
      ["culture.romanian", 0.4],
      ["language.bg", 0.6],
      ["language.ro", 0.3],
      ["culture.roma-sinti", 0.2],
      ["topic.human-trafficking", 0.35],
    ],
    speaks: [["en", 0.6]],
  },
  {
    id: "horn-of-africa",
    weight: 3,
    origins: ["eritrean"],
    core: [
      ["culture.eritrean", 1],
      ["language.ti", 0.8],
      ["language.am", 0.25],
      ["culture.ethiopian", 0.25],
      ["religion.christianity-orthodox", 0.5],
      ["topic.refugees", 0.5],
    ],
    speaks: [
      ["en", 0.7],
      ["ar", 0.15],
    ],
    networks: [["christelijk-politie-netwerk", 0.15]],
  },
  {
    id: "syrian-iraqi",
    weight: 4,
    origins: ["syrian"],
    core: [
      ["culture.syrian", 1],
      ["language.ar", 0.9],
      ["culture.iraqi", 0.25],
      ["culture.kurdish", 0.15],
      ["language.ku", 0.15],
      ["topic.refugees", 0.5],
      ["religion.islam", 0.35],
      ["religion.yazidi", 0.05],
    ],
    speaks: [["en", 0.7]],
    networks: [["moslimnetwerk", 0.1]],
  },
  {
    id: "afghan-iranian",
    weight: 3,
    origins: ["afghan"],
    core: [
      ["culture.afghan", 1],
      ["language.fa", 0.85],
      ["language.ps", 0.3],
      ["culture.iranian", 0.3],
      ["topic.refugees", 0.4],
      ["religion.humanism", 0.1],
    ],
    speaks: [["en", 0.7]],
  },
  {
    id: "east-asian",
    weight: 2,
    origins: ["chinese"],
    core: [
      ["culture.chinese", 1],
      ["language.zh", 0.8],
      ["culture.vietnamese", 0.15],
      ["language.vi", 0.1],
      ["religion.buddhism", 0.3],
    ],
    speaks: [["en", 0.8]],
  },
  {
    id: "moluccan-indo",
    weight: 2,
    origins: ["moluccan"],
    core: [
      ["culture.moluccan", 1],
      ["culture.indonesian", 0.4],
      ["religion.christianity", 0.4],
    ],
    speaks: [["en", 0.5]],
    networks: [["christelijk-politie-netwerk", 0.2]],
  },
  {
    id: "west-african",
    weight: 2,
    origins: ["ghanaian"],
    core: [
      ["culture.ghanaian", 1],
      ["culture.nigerian", 0.3],
      ["religion.christianity-evangelical", 0.5],
      ["topic.human-trafficking", 0.2],
    ],
    speaks: [["en", 0.95]],
    networks: [["christelijk-politie-netwerk", 0.2]],
  },
  {
    id: "cape-verdean",
    weight: 1,
    origins: [],
    core: [
      ["culture.cape-verdean", 1],
      ["language.pt", 0.8],
    ],
    speaks: [
      ["en", 0.5],
      ["fr", 0.2],
    ],
  },
  {
    id: "roma-sinti",
    weight: 1,
    origins: [],
    core: [
      ["culture.roma-sinti", 1],
      ["language.rom", 0.4],
      ["subculture.travellers", 0.3],
    ],
  },
  {
    id: "jewish",
    weight: 2,
    origins: [],
    core: [
      ["religion.judaism", 1],
      ["topic.antisemitism", 0.6],
      ["topic.religious-holidays", 0.2],
    ],
    speaks: [["en", 0.7]],
    networks: [["joods-politienetwerk", 0.5]],
  },
  {
    id: "christian",
    weight: 3,
    origins: [],
    core: [
      ["religion.christianity", 1],
      ["subculture.orthodox-protestant", 0.3],
      ["religion.christianity-evangelical", 0.2],
      ["topic.religious-holidays", 0.2],
    ],
    networks: [["christelijk-politie-netwerk", 0.4]],
  },
  {
    id: "muslim",
    weight: 2,
    origins: ["moroccan", "turkish", "dutch", "somali"],
    core: [
      ["religion.islam", 1],
      ["topic.radicalisation", 0.3],
      ["topic.anti-muslim", 0.3],
      ["topic.religious-holidays", 0.3],
    ],
    networks: [["moslimnetwerk", 0.4]],
  },
  {
    id: "lgbtiq",
    weight: 17,
    origins: [],
    core: [
      ["topic.hate-crime", 0.35],
      ["topic.discrimination-reporting", 0.35],
    ],
    pickFrom: { items: LGBTIQ_ITEMS, max: 3 },
    speaks: [["en", 0.7]],
    networks: [["roze-in-blauw", 1]],
  },
  {
    id: "gender",
    weight: 6,
    origins: [],
    core: [["topic.domestic-violence", 0.3]],
    pickFrom: {
      items: [
        ["gender.women-safety", 3],
        ["gender.women-in-police", 3],
        ["gender.sexual-harassment", 2],
        ["gender.masculinity", 1.2],
        ["gender.femicide", 0.8],
      ],
      max: 2,
    },
    networks: [["netwerk-vrouwen", 0.5]],
  },
  {
    id: "subculture",
    weight: 7,
    origins: [],
    core: [],
    pickFrom: {
      items: [
        ["subculture.gaming", 2],
        ["subculture.hiphop-drill", 2],
        ["subculture.street-culture", 2],
        ["subculture.football-supporters", 1.5],
        ["subculture.nightlife-festivals", 1.5],
        ["subculture.deaf", 1],
        ["subculture.neurodiversity", 1.5],
        ["subculture.travellers", 0.8],
        ["subculture.motorcycle-clubs", 0.8],
        ["subculture.rural-communities", 1],
      ],
      max: 2,
    },
  },
  {
    id: "generalist",
    weight: 8,
    origins: [],
    core: [],
    pickFrom: {
      items: [
        ["topic.inclusive-leadership", 2],
        ["topic.discrimination-reporting", 2],
        ["topic.ethnic-profiling", 1.5],
        ["topic.polarisation", 1.5],
        ["topic.radicalisation", 1],
        ["topic.mental-health", 1.5],
        ["topic.racism", 1.5],
        ["topic.community-engagement", 2],
        ["topic.interpreting", 0.8],
        ["topic.human-trafficking", 0.8],
        ["topic.hate-crime", 1],
      ],
      max: 3,
    },
  },
];

/** Extra topics anyone may add on top of their profile. */
const EXTRA_TOPICS: readonly Chance[] = [
  ["topic.inclusive-leadership", 2],
  ["topic.discrimination-reporting", 2],
  ["topic.community-engagement", 2],
  ["topic.mental-health", 1.5],
  ["topic.polarisation", 1.2],
  ["topic.ethnic-profiling", 1.2],
  ["topic.racism", 1],
  ["topic.interpreting", 1],
  ["topic.religious-holidays", 0.8],
  ["topic.death-rituals", 0.6],
  ["topic.domestic-violence", 0.8],
  ["topic.hate-crime", 0.6],
];

const OFFICE_HOURS: readonly (readonly [string, string])[] = [
  ["08:00", "17:00"],
  ["09:00", "17:00"],
  ["08:30", "16:30"],
  ["07:30", "16:00"],
];
const SHIFT_HOURS: readonly (readonly [string, string])[] = [
  ["07:00", "15:00"],
  ["15:00", "23:00"],
  ["12:00", "20:00"],
];
const ABSENCE_REASONS = ["verlof", "vakantie", "opleiding", "dienstreis"] as const;

// ---------------------------------------------------------------------------------------------
// Guaranteed members: the example requests of DOMAIN.md must have fitting candidates.

type Lvl = 1 | 2 | 3;
interface Anchor {
  purpose: string;
  origin: NameOrigin;
  unitId: string;
  networks: string[];
  expertise: [string, Lvl][];
  languages: string[];
  /** "always": no weekly pattern, i.e. available at any time. */
  weekly: "always" | "office";
}

const ANCHORS: readonly Anchor[] = [
  {
    purpose: "somali-rotterdam",
    origin: "somali",
    unitId: "rotterdam",
    networks: ["ndv"],
    weekly: "always",
    expertise: [
      ["culture.somali", 3],
      ["language.so", 3],
      ["religion.islam", 2],
      ["topic.death-rituals", 3],
    ],
    languages: ["nl", "so", "en"],
  },
  {
    purpose: "somali-rotterdam",
    origin: "somali",
    unitId: "rotterdam",
    networks: ["ndv", "moslimnetwerk"],
    weekly: "office",
    expertise: [
      ["culture.somali", 3],
      ["language.so", 3],
      ["topic.death-rituals", 2],
      ["topic.family-structures", 2],
    ],
    languages: ["nl", "so", "ar"],
  },
  {
    purpose: "trans-amsterdam",
    origin: "dutch",
    unitId: "amsterdam",
    networks: ["ndv", "roze-in-blauw"],
    weekly: "always",
    expertise: [
      ["lgbtiq.trans", 3],
      ["topic.hate-crime", 2],
      ["topic.discrimination-reporting", 2],
    ],
    languages: ["nl", "en"],
  },
  {
    purpose: "trans-amsterdam",
    origin: "surinamese",
    unitId: "amsterdam",
    networks: ["ndv", "roze-in-blauw"],
    weekly: "office",
    expertise: [
      ["lgbtiq.trans", 3],
      ["lgbtiq.non-binary", 2],
      ["topic.hate-crime", 3],
    ],
    languages: ["nl", "en", "srn"],
  },
  {
    purpose: "trans-amsterdam",
    origin: "dutch",
    unitId: "amsterdam",
    networks: ["ndv", "roze-in-blauw"],
    weekly: "always",
    expertise: [
      ["lgbtiq.trans", 2],
      ["lgbtiq.coming-out", 2],
      ["topic.discrimination-reporting", 3],
    ],
    languages: ["nl", "en"],
  },
  {
    purpose: "turkish-elections-den-haag",
    origin: "turkish",
    unitId: "den-haag",
    networks: ["ndv"],
    weekly: "office",
    expertise: [
      ["culture.turkish", 3],
      ["language.tr", 3],
      ["topic.elections-diaspora", 3],
      ["topic.polarisation", 2],
    ],
    languages: ["nl", "tr", "en"],
  },
  {
    purpose: "turkish-elections-den-haag",
    origin: "turkish",
    unitId: "den-haag",
    networks: ["ndv", "netwerk-dubbele-nationaliteit"],
    weekly: "always",
    expertise: [
      ["culture.turkish", 3],
      ["language.tr", 3],
      ["topic.elections-diaspora", 2],
      ["culture.kurdish", 2],
      ["religion.alevism", 2],
    ],
    languages: ["nl", "tr", "ku"],
  },
  {
    purpose: "turkish-elections-den-haag",
    origin: "turkish",
    unitId: "den-haag",
    networks: ["ndv", "moslimnetwerk"],
    weekly: "office",
    expertise: [
      ["culture.turkish", 2],
      ["language.tr", 3],
      ["topic.elections-diaspora", 3],
      ["religion.islam", 2],
      ["topic.community-engagement", 2],
    ],
    languages: ["nl", "tr", "de"],
  },
  {
    purpose: "ukrainian-oost-nederland",
    origin: "ukrainian",
    unitId: "oost-nederland",
    networks: ["ndv"],
    weekly: "always",
    expertise: [
      ["culture.ukrainian", 3],
      ["language.uk", 3],
      ["language.ru", 3],
      ["topic.refugees", 2],
    ],
    languages: ["nl", "uk", "ru", "en"],
  },
  {
    purpose: "ukrainian-oost-nederland",
    origin: "ukrainian",
    unitId: "oost-nederland",
    networks: ["ndv"],
    weekly: "office",
    expertise: [
      ["culture.ukrainian", 2],
      ["language.uk", 2],
      ["language.ru", 3],
      ["topic.refugees", 3],
      ["topic.interpreting", 2],
    ],
    languages: ["nl", "uk", "ru"],
  },
  {
    purpose: "inclusive-leadership",
    origin: "dutch",
    unitId: "politieacademie",
    networks: ["ndv", "netwerk-vrouwen"],
    weekly: "office",
    expertise: [
      ["topic.inclusive-leadership", 3],
      ["gender.women-in-police", 2],
    ],
    languages: ["nl", "en"],
  },
  {
    purpose: "inclusive-leadership",
    origin: "moroccan",
    unitId: "landelijke-eenheid",
    networks: ["ndv"],
    weekly: "always",
    expertise: [
      ["topic.inclusive-leadership", 3],
      ["topic.discrimination-reporting", 2],
      ["culture.moroccan", 2],
    ],
    languages: ["nl", "ar", "fr"],
  },
  {
    purpose: "inclusive-leadership",
    origin: "hindustani",
    unitId: "midden-nederland",
    networks: ["ndv", "roze-in-blauw"],
    weekly: "office",
    expertise: [
      ["topic.inclusive-leadership", 3],
      ["lgbtiq.gay-lesbian", 2],
    ],
    languages: ["nl", "en"],
  },
];

/** Keys of the guaranteed example members by purpose (present when `count` is large enough). */
export const GUARANTEED_MEMBERS: Readonly<Record<string, string[]>> = Object.freeze(
  ANCHORS.reduce<Record<string, string[]>>((acc, a, i) => {
    (acc[a.purpose] ??= []).push(memberKey(i));
    return acc;
  }, {}),
);

// ---------------------------------------------------------------------------------------------
// Members

const NAME_MIX: readonly (readonly [NameOrigin, number])[] = [
  ["dutch", 70],
  ["moroccan", 4],
  ["turkish", 4],
  ["surinamese", 4],
  ["hindustani", 2],
  ["caribbean", 2],
  ["moluccan", 2],
  ["polish", 2],
  ["ukrainian", 1],
  ["somali", 1],
  ["eritrean", 1],
  ["syrian", 1],
  ["afghan", 1],
  ["chinese", 1],
  ["ghanaian", 1],
];

function drawName(rng: Rng, origins: readonly NameOrigin[], fromOrigin = 0.8): { first: string; last: string } {
  const origin = origins.length > 0 && rng.chance(fromOrigin) ? rng.pick(origins) : rng.weighted(NAME_MIX);
  const group = NAMES[origin];
  // Some people carry a Dutch given name with another surname, or the other way round.
  const first = rng.chance(0.08) ? rng.pick(NAMES.dutch.first) : rng.pick(group.first);
  return { first, last: rng.pick(group.last) };
}

function drawLevel(rng: Rng, main: boolean): Lvl {
  return main
    ? rng.weighted<Lvl>([
        [1, 0.2],
        [2, 0.45],
        [3, 0.35],
      ])
    : rng.weighted<Lvl>([
        [1, 0.45],
        [2, 0.4],
        [3, 0.15],
      ]);
}

function drawWeekly(rng: Rng): WeeklySlot[] | undefined {
  if (rng.chance(0.2)) return undefined; // no pattern: available at any time
  if (rng.chance(0.7)) {
    const [from, to] = rng.pick(OFFICE_HOURS);
    return rng
      .sample([1, 2, 3, 4, 5], rng.int(2, 5))
      .sort((a, b) => a - b)
      .map((day) => ({ day, from, to }));
  }
  const [from, to] = rng.pick(SHIFT_HOURS);
  return rng
    .sample([1, 2, 3, 4, 5, 6, 7], rng.int(3, 5))
    .sort((a, b) => a - b)
    .map((day) => ({ day, from, to }));
}

function drawAbsences(rng: Rng, now: Date): Absence[] | undefined {
  const today = startOfUtcDay(now);
  const r = rng.float();
  if (r < 0.05) {
    // Away right now.
    return [{ from: addDays(today, -rng.int(0, 10)), to: new Date(addDays(today, rng.int(1, 21)).getTime() - 1), reason: rng.pick(ABSENCE_REASONS) }];
  }
  if (r < 0.13) {
    const from = addDays(today, rng.int(7, 60));
    return [{ from, to: new Date(addDays(from, rng.int(3, 14)).getTime() - 1), reason: rng.pick(ABSENCE_REASONS) }];
  }
  return undefined;
}

function drawJoinedAt(rng: Rng, now: Date): Date {
  const year = now.getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1);
  if (rng.chance(0.1)) {
    // Joined this year, before now: their allotment is prorated.
    return startOfUtcDay(new Date(yearStart + rng.float() * Math.max(0, now.getTime() - yearStart)));
  }
  const from = Date.UTC(year - 8, 0, 1);
  return startOfUtcDay(new Date(from + rng.float() * (yearStart - DAY - from)));
}

function expertiseFor(rng: Rng, profile: Profile): string[] {
  const ids: string[] = [];
  const add = (id: string) => {
    if (!ids.includes(id) && ids.length < 5) ids.push(id);
  };
  if (profile.pickFrom) {
    const n = rng.int(1, profile.pickFrom.max);
    const pool = [...profile.pickFrom.items];
    for (let i = 0; i < n && pool.length; i++) {
      const id = rng.weighted(pool.map(([v, w]) => [v, w] as const));
      add(id);
      pool.splice(
        pool.findIndex(([v]) => v === id),
        1,
      );
    }
  }
  profile.core.forEach(([id, p], i) => {
    if ((i === 0 && !profile.pickFrom) || rng.chance(p)) add(id);
  });
  if (rng.chance(0.45)) add(rng.weighted(EXTRA_TOPICS));
  if (rng.chance(0.15)) add(rng.weighted(EXTRA_TOPICS));
  return ids;
}

export interface GenerateMembersOptions {
  count: number;
  seed: number;
  /** Reference time for absences and join dates; defaults to DEFAULT_SEED_NOW. */
  now?: Date;
}

export function generateMembers({ count, seed, now = DEFAULT_SEED_NOW }: GenerateMembersOptions): MemberSeed[] {
  const members: MemberSeed[] = [];
  const emailsTaken = new Map<string, number>();
  const uniqueEmail = (first: string, last: string) => {
    const local = emailLocalPart(first, last);
    const n = (emailsTaken.get(local) ?? 0) + 1;
    emailsTaken.set(local, n);
    return `${local}${n > 1 ? n : ""}@politie.example`;
  };

  for (let i = 0; i < count; i++) {
    const key = memberKey(i);
    const rng = new Rng(deriveSeed(seed, key));
    // Fictional phone numbers: the 069 mobile block is not issued in the Netherlands.
    const phone = `+31690${String(i + 1).padStart(6, "0")}`;
    const anchor = ANCHORS[i];
    if (anchor) {
      const { first, last } = drawName(rng, [anchor.origin], 1);
      const joinedAt = startOfUtcDay(new Date(Date.UTC(now.getUTCFullYear() - 1 - rng.int(1, 5), rng.int(0, 11), rng.int(1, 28))));
      members.push({
        key,
        name: `${first} ${last}`,
        email: uniqueEmail(first, last),
        phone,
        unitId: anchor.unitId,
        networks: [...anchor.networks],
        expertise: anchor.expertise.map(([id, level]) => ({ id, level, visible: true })),
        languages: [...anchor.languages],
        availability: anchor.weekly === "always" ? {} : { weekly: [1, 2, 3, 4, 5].map((day) => ({ day, from: "08:00", to: "17:00" })) },
        consent: { shareExpertise: true, at: joinedAt },
        active: true,
        joinedAt,
      });
      continue;
    }

    const profile = rng.weighted(PROFILES.map((p) => [p, p.weight] as const));
    const { first, last } = drawName(rng, profile.origins);
    const unitId = rng.weighted(UNIT_WEIGHTS);
    const ids = expertiseFor(rng, profile);

    const networks = new Set(["ndv"]);
    for (const [id, p] of profile.networks ?? []) if (rng.chance(p)) networks.add(id);
    // About a quarter of the NDV is also in Roze in Blauw; they all bring some LGBTIQ+ expertise.
    if (!networks.has("roze-in-blauw") && rng.chance(0.1)) networks.add("roze-in-blauw");
    if (networks.has("roze-in-blauw") && !ids.some((id) => id.startsWith("lgbtiq."))) {
      if (ids.length >= 5) ids.pop();
      ids.push(rng.weighted(LGBTIQ_ITEMS));
    }
    if (ids.includes("subculture.deaf") || ids.includes("subculture.neurodiversity")) {
      if (rng.chance(0.4)) networks.add("netwerk-functiebeperking");
      if (ids.includes("subculture.deaf") && ids.length < 5 && rng.chance(0.6)) ids.push("language.dse");
    }

    const expertise: MemberExpertise[] = ids.map((id, j) => ({ id, level: drawLevel(rng, j === 0), visible: !rng.chance(0.1) }));

    const languages = new Set(["nl"]);
    for (const id of ids) if (id.startsWith("language.")) languages.add(id.slice("language.".length));
    for (const id of ids) {
      const lang = expertiseById(id)?.language;
      if (id.startsWith("culture.") && lang && rng.chance(0.5)) languages.add(lang);
    }
    for (const [code, p] of profile.speaks ?? [["en", 0.55] as const]) if (rng.chance(p)) languages.add(code);

    const joinedAt = drawJoinedAt(rng, now);
    const weekly = drawWeekly(rng);
    const absences = drawAbsences(rng, now);
    const consented = rng.chance(0.95);
    const consentAt = new Date(Math.min(now.getTime(), joinedAt.getTime() + rng.int(0, 30) * DAY));

    members.push({
      key,
      name: `${first} ${last}`,
      email: uniqueEmail(first, last),
      phone,
      unitId,
      networks: [...networks],
      expertise,
      languages: [...languages],
      availability: { ...(weekly ? { weekly } : {}), ...(absences ? { absences } : {}) },
      consent: consented ? { shareExpertise: true, at: consentAt } : { shareExpertise: false },
      active: rng.chance(0.97),
      joinedAt,
    });
  }
  return members;
}

// ---------------------------------------------------------------------------------------------
// Pools

const hasVisible = (m: MemberSeed, id: string) => m.expertise.some((e) => e.id === id && e.visible);
const UNIT_ORDER = UNIT_WEIGHTS.map(([id]) => id);
const MAX_POOL_MEMBERS = 60;

function pool(name: string, description: string, expertise: string[], members: MemberSeed[], fits: (m: MemberSeed) => boolean): PoolSeed {
  const chosen = members.filter((m) => m.active && m.consent.shareExpertise && fits(m)).slice(0, MAX_POOL_MEMBERS);
  const units = new Set(chosen.map((m) => m.unitId));
  return {
    name,
    description,
    expertise,
    unitIds: UNIT_ORDER.filter((u) => units.has(u)),
    memberKeys: chosen.map((m) => m.key),
  };
}

/** The standing expertise pools, filled with the active, consenting members that fit them. */
export function generatePools(members: MemberSeed[]): PoolSeed[] {
  return [
    pool(
      "Oekraïense vluchtelingen",
      "Collega's met kennis van de Oekraïense cultuur en de opvang van ontheemden, Oekraïens- of Russischsprekend.",
      ["culture.ukrainian", "language.uk", "language.ru", "topic.refugees"],
      members,
      (m) => hasVisible(m, "culture.ukrainian") || hasVisible(m, "language.uk") || (hasVisible(m, "language.ru") && hasVisible(m, "topic.refugees")),
    ),
    pool(
      "Verkiezingen Turkije",
      "Advies aan de operationele staf over spanningen rond Turkse verkiezingen in de Nederlandse diaspora.",
      ["culture.turkish", "language.tr", "topic.elections-diaspora", "culture.kurdish"],
      members,
      (m) => hasVisible(m, "topic.elections-diaspora") || (hasVisible(m, "culture.turkish") && hasVisible(m, "language.tr")),
    ),
    pool(
      "Rouw en overlijden",
      "Ondersteuning van familierechercheurs bij overlijden: rouw- en begrafenisrituelen, uitleg over sectie en onderzoek.",
      ["topic.death-rituals", "religion.islam", "religion.hinduism", "culture.somali"],
      members,
      (m) => hasVisible(m, "topic.death-rituals"),
    ),
  ];
}

// ---------------------------------------------------------------------------------------------
// Example requests (DOMAIN.md); texts are invented and contain no personal data.

export function exampleRequests(): RequestSeed[] {
  return [
    {
      title: "Overlijden kind in Somalisch gezin",
      description:
        "Familierechercheur zoekt per direct een collega met kennis van Somalische rouw- en begrafenisgebruiken. " +
        "Vragen: wat verwacht de familie rond de begrafenis en hoe leggen we uit waarom sectie nodig is? " +
        "Bij voorkeur een Somalisch sprekende collega ter plaatse.",
      expertise: ["culture.somali", "topic.death-rituals"],
      languages: ["so"],
      urgency: "acute",
      mode: "onsite",
      unitId: "rotterdam",
      estimatedHours: 4,
    },
    {
      title: "Ondersteuning aangifte anti-transgeweld",
      description:
        "Een slachtoffer van geweld vanwege trans-zijn wil vandaag aangifte doen. Basisteam vraagt een collega van " +
        "Roze in Blauw om het slachtoffer en de aangifteopnemer te ondersteunen.",
      expertise: ["lgbtiq.trans", "topic.hate-crime"],
      urgency: "today",
      mode: "onsite",
      unitId: "amsterdam",
      estimatedHours: 3,
    },
    {
      title: "Advies spanningen rond Turkse verkiezingsuitslag",
      description:
        "Rond de uitslag van de Turkse verkiezingen verwachten we bijeenkomsten en mogelijke spanningen tussen groepen. " +
        "Gevraagd: advies aan de operationele staf over achtergronden, sentimenten en sleutelfiguren.",
      expertise: ["culture.turkish", "topic.elections-diaspora"],
      languages: ["tr"],
      urgency: "planned",
      mode: "onsite",
      unitId: "den-haag",
      estimatedHours: 8,
      poolName: "Verkiezingen Turkije",
    },
    {
      title: "Oekraïense vluchtelingen op opvanglocatie",
      description:
        "Op een opvanglocatie in ons gebied lopen de spanningen op. Basisteam zoekt een Oekraïens- of Russischsprekende " +
        "collega voor een gesprek met bewoners en context over hun situatie.",
      expertise: ["culture.ukrainian", "topic.refugees"],
      languages: ["uk"],
      urgency: "today",
      mode: "onsite",
      unitId: "oost-nederland",
      estimatedHours: 4,
      poolName: "Oekraïense vluchtelingen",
    },
    {
      title: "Gastsprekers masterclass inclusief leiderschap",
      description:
        "Voor een masterclass inclusief leiderschap zoeken we twee collega's die vanuit eigen ervaring vertellen over " + "veilige en inclusieve teams.",
      expertise: ["topic.inclusive-leadership"],
      urgency: "planned",
      mode: "onsite",
      unitId: "politieacademie",
      estimatedHours: 4,
    },
  ];
}

// ---------------------------------------------------------------------------------------------
// Time entries

const NOTES: Record<TimeCategory, readonly string[]> = {
  operational: ["Advies basisteam", "Ondersteuning familierechercheur", "Ondersteuning bij aangifte", "Advies operationele staf", "Meedenken casus wijkteam"],
  professionalisation: ["Training adviesvaardigheden", "Masterclass", "Intervisie", "E-learning", "Studiedag NDV"],
  network: ["Netwerkbijeenkomst", "Regio-overleg NDV", "Voorlichting basisteam", "Organisatie landelijke bijeenkomst", "Matching vraag en aanbod"],
};

/** Per category: its share of logged entries and the size of one entry in quarter hours [lo, hi]. */
const CATEGORY_MIX: Record<TimeCategory, { share: number; quarters: readonly [number, number] }> = {
  operational: { share: 0.5, quarters: [2, 16] },
  professionalisation: { share: 0.3, quarters: [4, 32] },
  network: { share: 0.2, quarters: [2, 12] },
};

export interface GenerateTimeEntriesOptions {
  members: MemberSeed[];
  year: number;
  seed: number;
  now: Date;
}

/**
 * Time entries for one year up to `now`. Each member aims at a share of an imagined 40–100 hour
 * allotment (prorated for the part of the year they could log): most 20–80 %, a tenth barely any,
 * a tenth over budget.
 */
export function generateTimeEntries({ members, year, seed, now }: GenerateTimeEntriesOptions): TimeEntrySeed[] {
  const yearStart = Date.UTC(year, 0, 1);
  const yearEnd = Date.UTC(year + 1, 0, 1);
  const out: TimeEntrySeed[] = [];
  for (const m of members) {
    const rng = new Rng(deriveSeed(seed, "time", year, m.key));
    const from = Math.max(yearStart, startOfUtcDay(m.joinedAt).getTime());
    const until = Math.min(yearEnd, startOfUtcDay(now).getTime() + DAY); // through today
    const days = Math.floor((until - from) / DAY);
    if (days <= 0) continue;

    const allotment = rng.int(10, 25) * 4;
    const elapsed = (until - from) / (yearEnd - yearStart);
    const r = rng.float();
    let share = r < 0.1 ? rng.between(0, 0.2) : r < 0.9 ? rng.between(0.2, 0.8) : rng.between(0.85, 1.3);
    if (!m.active) share *= 0.3;
    // Heavy users front-load their hours, so by autumn some are really over their allotment.
    const pace = r >= 0.9 ? Math.min(1, elapsed * 1.6) : elapsed;
    const target = share * allotment * pace;

    const entries: TimeEntrySeed[] = [];
    let sum = 0;
    while (sum < target - 0.25) {
      const category = rng.weighted<TimeCategory>(TIME_CATEGORIES.map((c) => [c, CATEGORY_MIX[c].share] as const));
      const [lo, hi] = CATEGORY_MIX[category].quarters;
      const hours = Math.min(rng.int(lo, hi), Math.max(1, Math.round((target - sum) * 4) + 4)) / 4;
      let day = new Date(from + rng.int(0, days - 1) * DAY);
      const dow = day.getUTCDay();
      // Mostly on weekdays: move weekend work to the nearest weekday inside the window.
      if ((dow === 0 || dow === 6) && rng.chance(0.85)) {
        const shifted = addDays(day, dow === 6 ? -1 : 1);
        if (shifted.getTime() >= from && shifted.getTime() < until) day = shifted;
      }
      const ageDays = (startOfUtcDay(now).getTime() - day.getTime()) / DAY;
      const status: TimeEntryStatus =
        ageDays > 14
          ? rng.weighted<TimeEntryStatus>([
              ["approved", 0.93],
              ["rejected", 0.03],
              ["pending", 0.04],
            ])
          : rng.weighted<TimeEntryStatus>([
              ["pending", 0.7],
              ["approved", 0.3],
            ]);
      entries.push({ memberKey: m.key, date: day, hours, category, status, note: rng.pick(NOTES[category]) });
      sum += hours;
    }
    entries.sort((a, b) => a.date.getTime() - b.date.getTime());
    out.push(...entries);
  }
  return out;
}
