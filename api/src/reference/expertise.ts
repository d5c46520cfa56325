// The expertise taxonomy: what NDV members can be asked about. Ids are "<domain>.<slug>"; for
// language items the slug is the language code matching uses (ISO 639-1 where one exists, else 639-3).
// Synonyms feed search: Dutch and English variants, spellings without diacritics, abbreviations.
import type { ExpertiseDomain, ExpertiseItem } from "../domain/types";

const stripDiacritics = (s: string) => s.normalize("NFD").replace(/[\u0300-\u036f]/g, "");

function item(domain: ExpertiseDomain, slug: string, nl: string, en: string, synonyms: string[], language?: string): ExpertiseItem {
  // Every term with diacritics also gets its plain spelling, since people type "Oekraiens".
  const seen = new Set([nl.toLowerCase(), en.toLowerCase()]);
  const out: string[] = [];
  for (const term of [...synonyms.flatMap((t) => [t, stripDiacritics(t)]), stripDiacritics(nl), stripDiacritics(en)]) {
    const key = term.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(term);
  }
  return { id: `${domain}.${slug}`, domain, label: { nl, en }, synonyms: out, ...(language ? { language } : {}) };
}

const LGBTIQ = ["LHBTI", "LHBTIQ+", "LHBTQI+", "LGBTQ+", "LGBTIQ+", "roze", "queer"];
const lgbtiq = (slug: string, nl: string, en: string, synonyms: string[]) => item("lgbtiq", slug, nl, en, [...synonyms, ...LGBTIQ]);

const culture = (slug: string, nl: string, en: string, synonyms: string[], language?: string) => item("culture", slug, nl, en, synonyms, language);
const religion = (slug: string, nl: string, en: string, synonyms: string[]) => item("religion", slug, nl, en, synonyms);
// Language items: the slug is the code; `language` only when an ISO 639-1 code exists.
const lang = (code: string, nl: string, en: string, synonyms: string[], iso6391 = true) => item("language", code, nl, en, synonyms, iso6391 ? code : undefined);
const gender = (slug: string, nl: string, en: string, synonyms: string[]) => item("gender", slug, nl, en, synonyms);
const sub = (slug: string, nl: string, en: string, synonyms: string[]) => item("subculture", slug, nl, en, synonyms);
const topic = (slug: string, nl: string, en: string, synonyms: string[]) => item("topic", slug, nl, en, synonyms);

export const EXPERTISE: readonly ExpertiseItem[] = Object.freeze([
  // Culture: lived experience and knowledge of communities in the Netherlands.
  culture("somali", "Somalische cultuur", "Somali culture", ["Somalisch", "Somalië", "Somaliër", "Somaliërs", "Somali", "Somaliland"], "so"),
  culture("turkish", "Turkse cultuur", "Turkish culture", ["Turks", "Turkije", "Turk", "Turken", "Turkish", "Türkiye"], "tr"),
  culture(
    "moroccan",
    "Marokkaanse cultuur",
    "Moroccan culture",
    ["Marokkaans", "Marokko", "Marokkaan", "Marokkanen", "Moroccan", "Riffijns", "Amazigh", "Berber"],
    "ar",
  ),
  culture("surinamese", "Surinaamse cultuur", "Surinamese culture", ["Surinaams", "Suriname", "Surinamer", "Creools", "Marron", "Javaans-Surinaams"]),
  culture("antillean", "Caribisch-Nederlandse cultuur", "Dutch Caribbean culture", [
    "Antilliaans",
    "Antillen",
    "Curaçao",
    "Curaçaos",
    "Aruba",
    "Arubaans",
    "Bonaire",
    "Sint Maarten",
    "Caribisch",
  ]),
  culture("hindustani", "Hindoestaanse cultuur", "Hindustani culture", ["Hindoestaans", "Hindostaans", "Surinaams-Hindoestaans", "Indo-Surinaams"]),
  culture("moluccan", "Molukse cultuur", "Moluccan culture", ["Moluks", "Molukken", "Molukker", "Molukkers"]),
  culture("indonesian", "Indische en Indonesische cultuur", "Indo and Indonesian culture", ["Indisch", "Indonesisch", "Indonesië", "Indo"], "id"),
  culture("ukrainian", "Oekraïense cultuur", "Ukrainian culture", ["Oekraïens", "Oekraïne", "Oekraïner", "Oekraïners", "Ukrainian", "Ukraine"], "uk"),
  culture(
    "russian",
    "Russischtalige gemeenschappen",
    "Russian-speaking communities",
    ["Russisch", "Rusland", "Rus", "Russen", "Russian", "Oost-Europees"],
    "ru",
  ),
  culture("polish", "Poolse cultuur", "Polish culture", ["Pools", "Polen", "Pool", "Polish", "arbeidsmigranten", "MOE-landers"], "pl"),
  culture("bulgarian", "Bulgaarse cultuur", "Bulgarian culture", ["Bulgaars", "Bulgarije", "Bulgaren", "Bulgarian"], "bg"),
  culture("romanian", "Roemeense cultuur", "Romanian culture", ["Roemeens", "Roemenië", "Roemenen", "Romanian"], "ro"),
  culture("roma-sinti", "Roma- en Sinticultuur", "Roma and Sinti culture", ["Roma", "Sinti", "Romani", "zigeuners", "woonwagen"]),
  culture("eritrean", "Eritrese cultuur", "Eritrean culture", ["Eritrees", "Eritrea", "Eritreeër", "Eritreeërs", "Eritrean", "Habesha"], "ti"),
  culture("ethiopian", "Ethiopische cultuur", "Ethiopian culture", ["Ethiopisch", "Ethiopië", "Ethiopiër", "Ethiopian", "Habesha", "Oromo"], "am"),
  culture("syrian", "Syrische cultuur", "Syrian culture", ["Syrisch", "Syrië", "Syriër", "Syriërs", "Syrian"], "ar"),
  culture("iraqi", "Iraakse cultuur", "Iraqi culture", ["Iraaks", "Irak", "Irakees", "Irakezen", "Iraqi"], "ar"),
  culture("afghan", "Afghaanse cultuur", "Afghan culture", ["Afghaans", "Afghanistan", "Afghaan", "Afghanen", "Afghan"], "fa"),
  culture("iranian", "Iraanse cultuur", "Iranian culture", ["Iraans", "Iran", "Iraniër", "Perzisch", "Iranian", "Persian"], "fa"),
  culture("kurdish", "Koerdische cultuur", "Kurdish culture", ["Koerdisch", "Koerden", "Koerdistan", "Kurdish", "Kurds"], "ku"),
  culture("chinese", "Chinese cultuur", "Chinese culture", ["Chinees", "China", "Chinezen", "Chinese", "Hongkong", "Taiwanees"], "zh"),
  culture("vietnamese", "Vietnamese cultuur", "Vietnamese culture", ["Vietnamees", "Vietnam", "Vietnamezen", "Vietnamese"], "vi"),
  culture("ghanaian", "Ghanese cultuur", "Ghanaian culture", ["Ghanees", "Ghana", "Ghanezen", "Ghanaian", "West-Afrikaans"]),
  culture("nigerian", "Nigeriaanse cultuur", "Nigerian culture", ["Nigeriaans", "Nigeria", "Nigerianen", "Nigerian", "West-Afrikaans"]),
  culture("cape-verdean", "Kaapverdische cultuur", "Cape Verdean culture", ["Kaapverdisch", "Kaapverdië", "Kaapverdianen", "Cape Verdean"], "pt"),

  // Religion and belief.
  religion("islam", "Islam", "Islam", ["moslim", "moslims", "islamitisch", "muslim", "moskee", "Ramadan", "Suikerfeest", "Offerfeest", "halal"]),
  religion("alevism", "Alevitisme", "Alevism", ["alevitisch", "alevieten", "Alevi", "cemevi"]),
  religion("judaism", "Jodendom", "Judaism", ["joods", "joden", "Jewish", "synagoge", "sjoel", "orthodox-joods", "kosjer"]),
  religion("christianity", "Christendom", "Christianity", ["christelijk", "christenen", "Christian", "kerk", "katholiek", "protestants", "reformatorisch"]),
  religion("christianity-orthodox", "Oosters-orthodox christendom", "Eastern Orthodox Christianity", [
    "orthodox",
    "Koptisch",
    "Eritrees-orthodox",
    "Ethiopisch-orthodox",
    "Russisch-orthodox",
    "Grieks-orthodox",
    "Orthodox Church",
  ]),
  religion("christianity-evangelical", "Evangelische en pinkstergemeenten", "Evangelical and Pentecostal churches", [
    "evangelisch",
    "pinkstergemeente",
    "pinksterkerk",
    "migrantenkerk",
    "Pentecostal",
    "charismatisch",
  ]),
  religion("hinduism", "Hindoeïsme", "Hinduism", ["hindoe", "hindoes", "hindoeïstisch", "Hindu", "mandir", "Divali", "Holi Phagwa"]),
  religion("buddhism", "Boeddhisme", "Buddhism", ["boeddhist", "boeddhistisch", "Buddhist", "tempel"]),
  religion("sikhism", "Sikhisme", "Sikhism", ["sikh", "sikhs", "gurdwara", "tulband", "kirpan"]),
  religion("yazidi", "Jezidisme", "Yazidism", ["jezidi", "jezidisch", "yezidi", "Yazidi", "ezidi"]),
  religion("winti", "Winti", "Winti", ["Afro-Surinaamse religie", "winti-religie", "Afro-Caribbean religion"]),
  religion("humanism", "Humanisme en levensbeschouwing", "Humanism and non-religious worldviews", [
    "humanistisch",
    "atheïsme",
    "atheïst",
    "ongelovig",
    "ex-moslim",
    "afvalligheid",
    "apostasy",
  ]),

  // Languages (working languages beyond Dutch).
  lang("so", "Somalisch", "Somali", ["Somali", "Af-Soomaali", "Somalisch sprekend"]),
  lang("uk", "Oekraïens", "Ukrainian", ["Oekraïens sprekend", "Ukrainian speaker", "Українська"]),
  lang("ru", "Russisch", "Russian", ["Russisch sprekend", "Russian speaker", "Русский"]),
  lang("tr", "Turks", "Turkish", ["Turks sprekend", "Türkçe", "Turkish speaker"]),
  lang("ar", "Arabisch", "Arabic", ["Arabisch sprekend", "Marokkaans-Arabisch", "Darija", "Levantijns Arabisch", "Arabic speaker"]),
  lang("zgh", "Tamazight (Berbers)", "Tamazight (Berber)", ["Berbers", "Tamazight", "Tarifit", "Riffijns", "Tashelhit", "Amazigh", "Berber"], false),
  lang("ti", "Tigrinya", "Tigrinya", ["Tigrinia", "Tigrinja", "Tigrinya speaker"]),
  lang("am", "Amhaars", "Amharic", ["Amhaars sprekend", "Amharic speaker"]),
  lang("pl", "Pools", "Polish", ["Pools sprekend", "Polski", "Polish speaker"]),
  lang("ro", "Roemeens", "Romanian", ["Roemeens sprekend", "Română"]),
  lang("bg", "Bulgaars", "Bulgarian", ["Bulgaars sprekend", "Български"]),
  lang("fa", "Perzisch (Farsi/Dari)", "Persian (Farsi/Dari)", ["Farsi", "Dari", "Perzisch", "Persian"]),
  lang("ps", "Pasjtoe", "Pashto", ["Pashto", "Pasjtoes", "Pashtu"]),
  lang("ku", "Koerdisch", "Kurdish", ["Koerdisch", "Kurmanji", "Sorani", "Kurdish speaker"]),
  lang("zh", "Chinees (Mandarijn/Kantonees)", "Chinese (Mandarin/Cantonese)", ["Mandarijn", "Kantonees", "Mandarin", "Cantonese", "Chinees"]),
  lang("vi", "Vietnamees", "Vietnamese", ["Vietnamees sprekend", "Tiếng Việt"]),
  lang("en", "Engels", "English", ["Engels sprekend", "English speaker"]),
  lang("de", "Duits", "German", ["Duits sprekend", "Deutsch"]),
  lang("fr", "Frans", "French", ["Frans sprekend", "Français"]),
  lang("es", "Spaans", "Spanish", ["Spaans sprekend", "Español"]),
  lang("pt", "Portugees", "Portuguese", ["Portugees sprekend", "Português", "Kaapverdisch Creools"]),
  lang("pap", "Papiaments", "Papiamento", ["Papiamentu", "Papiamento"], false),
  lang("srn", "Sranantongo", "Sranan Tongo", ["Sranan", "Surinaams", "Sranantongo"], false),
  lang("rom", "Romani", "Romani", ["Romanes", "Romani chib", "Sinti-taal"], false),
  lang("hi", "Hindi", "Hindi", ["Sarnami", "Sarnami Hindoestani", "Hindoestani"]),
  lang("dse", "Nederlandse Gebarentaal", "Sign Language of the Netherlands", ["NGT", "gebarentaal", "sign language", "doventolk"], false),

  // LGBTIQ+: sexual orientation, gender identity and sex characteristics.
  lgbtiq("trans", "Transgender personen", "Transgender people", [
    "trans",
    "transgender",
    "transpersoon",
    "transpersonen",
    "transvrouw",
    "transman",
    "anti-trans",
    "transfobie",
    "genderidentiteit",
    "transitie",
  ]),
  lgbtiq("intersex", "Intersekse personen", "Intersex people", ["intersekse", "intersex", "DSD", "sekse-kenmerken", "variaties in geslachtskenmerken"]),
  lgbtiq("gay-lesbian", "Homo's en lesbiennes", "Gay and lesbian people", [
    "homo",
    "homoseksueel",
    "lesbisch",
    "lesbienne",
    "gay",
    "lesbian",
    "homofobie",
    "homogeweld",
    "anti-homo",
  ]),
  lgbtiq("bi", "Biseksuele personen", "Bisexual people", ["bi", "biseksueel", "bisexual", "bi+", "panseksueel", "bifobie"]),
  lgbtiq("non-binary", "Non-binaire personen", "Non-binary people", [
    "non-binair",
    "nonbinair",
    "non-binary",
    "genderqueer",
    "genderfluïde",
    "enby",
    "x in paspoort",
  ]),
  lgbtiq("coming-out", "Coming-out en acceptatie", "Coming out and acceptance", [
    "coming out",
    "uit de kast",
    "uit de kast komen",
    "acceptatie",
    "onthulling",
    "outing",
  ]),
  lgbtiq("refugees", "LHBTIQ+ vluchtelingen", "LGBTIQ+ refugees", ["roze vluchtelingen", "LGBT asylum", "asielzoekers", "azc", "COC"]),
  lgbtiq("faith", "Geloof en LHBTIQ+", "Faith and LGBTIQ+", ["religie en seksualiteit", "moslim en homo", "christelijk en homo", "geloof", "roze moslims"]),

  // Gender.
  gender("women-safety", "Veiligheid van vrouwen", "Women's safety", [
    "vrouwenveiligheid",
    "straatintimidatie",
    "catcalling",
    "seksueel geweld",
    "aanranding",
    "verkrachting",
    "zedenzaken",
  ]),
  gender("femicide", "Femicide en partnerdoding", "Femicide", ["femicide", "vrouwenmoord", "partnerdoding", "intiem terrorisme"]),
  gender("masculinity", "Mannelijkheid en mannenrollen", "Masculinity", [
    "mannelijkheid",
    "mannenrollen",
    "toxische mannelijkheid",
    "manosphere",
    "incel",
    "rolpatronen",
  ]),
  gender("women-in-police", "Vrouwen in de politie", "Women in policing", [
    "vrouwelijke agenten",
    "vrouwen in blauw",
    "gendergelijkheid",
    "genderdiversiteit",
    "female officers",
  ]),
  gender("sexual-harassment", "Seksueel grensoverschrijdend gedrag", "Sexual harassment", [
    "SGG",
    "ongewenst gedrag",
    "seksuele intimidatie",
    "#MeToo",
    "grensoverschrijdend gedrag",
    "harassment",
  ]),

  // (Sub)cultures and lifestyles.
  sub("gaming", "Gaming en online cultuur", "Gaming and online culture", ["gamers", "gamen", "esports", "Discord", "Twitch", "online cultuur", "memes"]),
  sub("hiphop-drill", "Hiphop en drill", "Hip-hop and drill", ["drill", "drillrap", "drillmuziek", "rap", "hiphop", "hip-hop", "straatrap", "UK drill"]),
  sub("street-culture", "Straatcultuur en jongerengroepen", "Street culture and youth groups", [
    "straatcultuur",
    "jeugdgroepen",
    "hangjongeren",
    "straattaal",
    "jongerencultuur",
  ]),
  sub("travellers", "Woonwagenbewoners en reizigers", "Travellers", [
    "woonwagen",
    "woonwagenbewoners",
    "woonwagenkamp",
    "reizigers",
    "kermisexploitanten",
    "Travellers",
  ]),
  sub("deaf", "Dovencultuur", "Deaf culture", ["doof", "doven", "slechthorend", "Dovengemeenschap", "Deaf community"]),
  sub("neurodiversity", "Neurodiversiteit", "Neurodiversity", ["autisme", "ASS", "ADHD", "neurodivers", "autism"]),
  sub("football-supporters", "Voetbalsupporters", "Football supporters", [
    "supporters",
    "harde kern",
    "ultras",
    "hooligans",
    "voetbalsupporters",
    "fanatieke supporters",
  ]),
  sub("motorcycle-clubs", "Motorclubs", "Motorcycle clubs", ["motorclubs", "MC", "bikers", "1%-clubs", "motorrijders"]),
  sub("nightlife-festivals", "Uitgaans- en festivalcultuur", "Nightlife and festival culture", [
    "uitgaan",
    "festivals",
    "dance",
    "party",
    "clubcultuur",
    "drugsgebruik uitgaan",
  ]),
  sub("rural-communities", "Agrarische en plattelandsgemeenschappen", "Farming and rural communities", [
    "boeren",
    "platteland",
    "agrarisch",
    "boerenprotest",
    "dorpscultuur",
  ]),
  sub("orthodox-protestant", "Orthodox-protestantse gemeenschappen", "Orthodox Protestant communities", [
    "Bijbelgordel",
    "reformatorisch",
    "bevindelijk",
    "zwartekousenkerk",
    "gereformeerd",
  ]),

  // Topics and themes.
  topic("death-rituals", "Rouw- en overlijdensrituelen", "Death and mourning rituals", [
    "overlijden",
    "rouw",
    "rouwrituelen",
    "begrafenis",
    "begrafenisrituelen",
    "uitvaart",
    "lijkschouw",
    "sectie",
    "obductie",
    "repatriëring",
    "funeral",
    "mourning",
    "autopsy",
  ]),
  topic("honour-related-violence", "Eergerelateerd geweld", "Honour-related violence", [
    "eergerelateerd geweld",
    "EGG",
    "eerwraak",
    "eer",
    "honour violence",
    "honor violence",
    "eerzaken",
  ]),
  topic("forced-marriage", "Huwelijksdwang en achterlating", "Forced marriage and abandonment", [
    "huwelijksdwang",
    "gedwongen huwelijk",
    "achterlating",
    "kindhuwelijk",
    "forced marriage",
    "neefjeshuwelijk",
  ]),
  topic("fgm", "Vrouwelijke genitale verminking", "Female genital mutilation", ["VGV", "FGM", "meisjesbesnijdenis", "genitale verminking", "besnijdenis"]),
  topic("domestic-violence", "Huiselijk geweld", "Domestic violence", [
    "huiselijk geweld",
    "partnergeweld",
    "kindermishandeling",
    "Veilig Thuis",
    "domestic abuse",
  ]),
  topic("refugees", "Vluchtelingen en asiel", "Refugees and asylum", [
    "vluchtelingen",
    "asielzoekers",
    "statushouders",
    "azc",
    "opvanglocatie",
    "noodopvang",
    "ontheemden",
    "refugees",
    "asylum",
    "COA",
  ]),
  topic("radicalisation", "Radicalisering en extremisme", "Radicalisation and extremism", [
    "radicalisering",
    "extremisme",
    "jihadisme",
    "rechts-extremisme",
    "links-extremisme",
    "polarisatie online",
    "terrorisme",
    "deradicalisering",
  ]),
  topic("polarisation", "Polarisatie en spanningen", "Polarisation and community tensions", [
    "polarisatie",
    "maatschappelijke onrust",
    "spanningen",
    "demonstraties",
    "openbare orde",
    "community tensions",
  ]),
  topic("elections-diaspora", "Verkiezingen in herkomstlanden", "Elections in countries of origin", [
    "diaspora",
    "verkiezingen",
    "Turkse verkiezingen",
    "verkiezingsuitslag",
    "stembureau consulaat",
    "diaspora politics",
  ]),
  topic("inclusive-leadership", "Inclusief leiderschap", "Inclusive leadership", [
    "inclusief leiderschap",
    "diversiteit en inclusie",
    "D&I",
    "inclusie",
    "veilige en inclusieve teams",
    "masterclass",
    "gastspreker",
  ]),
  topic("discrimination-reporting", "Melding en aangifte van discriminatie", "Discrimination reports", [
    "discriminatie",
    "aangifte discriminatie",
    "melding discriminatie",
    "ECAD-P",
    "antidiscriminatievoorziening",
    "ADV",
    "discrimination",
  ]),
  topic("hate-crime", "Hate crimes", "Hate crime", [
    "hate crime",
    "haatmisdrijf",
    "discriminatoir geweld",
    "commune delicten met discriminatoir aspect",
    "haatzaaien",
    "anti-LHBTIQ+ geweld",
    "bias crime",
  ]),
  topic("antisemitism", "Antisemitisme", "Antisemitism", ["antisemitisme", "jodenhaat", "antisemitic", "anti-joods"]),
  topic("anti-muslim", "Moslimdiscriminatie", "Anti-Muslim hatred", ["moslimhaat", "islamofobie", "moslimdiscriminatie", "islamophobia", "anti-islam"]),
  topic("racism", "Racisme", "Racism", ["racisme", "zwarte piet", "anti-zwart racisme", "etnische discriminatie", "racism"]),
  topic("ethnic-profiling", "Professioneel controleren en etnisch profileren", "Professional stops and ethnic profiling", [
    "etnisch profileren",
    "proactief controleren",
    "professioneel controleren",
    "profileren",
    "ethnic profiling",
    "stop and search",
  ]),
  topic("human-trafficking", "Mensenhandel en uitbuiting", "Human trafficking and exploitation", [
    "mensenhandel",
    "uitbuiting",
    "arbeidsuitbuiting",
    "loverboys",
    "mensensmokkel",
    "human trafficking",
  ]),
  topic("mental-health", "Psychische kwetsbaarheid en cultuur", "Mental health and culture", [
    "psychische problemen",
    "verward gedrag",
    "GGZ",
    "trauma",
    "PTSS",
    "zelfmoord",
    "suïcide",
    "mental health",
    "cultuursensitieve zorg",
  ]),
  topic("interpreting", "Werken met tolken en cultuurbemiddeling", "Working with interpreters and cultural mediation", [
    "tolk",
    "tolken",
    "cultuurbemiddelaar",
    "sleutelfiguren",
    "interpreter",
    "taalbarrière",
  ]),
  topic("religious-holidays", "Religieuze feestdagen", "Religious holidays", [
    "feestdagen",
    "Ramadan",
    "Suikerfeest",
    "Offerfeest",
    "Chanoeka",
    "Divali",
    "Pasen",
    "Ketikoti",
    "Keti Koti",
    "Jom Kipoer",
  ]),
  topic("family-structures", "Familiestructuren en clans", "Family structures and clans", [
    "familie",
    "clan",
    "clanstructuur",
    "familiestructuren",
    "familie-eer",
    "extended family",
    "stamoudste",
  ]),
  topic("community-engagement", "Contact met gemeenschappen", "Community engagement", [
    "sleutelfiguren",
    "netwerkpartners",
    "gemeenschapsgericht",
    "wijkagent",
    "moskeebestuur",
    "community policing",
    "vertrouwen in politie",
  ]),
] satisfies ExpertiseItem[]);

const byId = new Map(EXPERTISE.map((e) => [e.id, e]));

export const expertiseById = (id: string): ExpertiseItem | undefined => byId.get(id);

export { EXPERTISE_DOMAINS } from "../contract/values";

/** The ids not in the taxonomy (for validation messages), in input order, without duplicates. */
export function unknownExpertiseIds(ids: readonly string[]): string[] {
  return [...new Set(ids.filter((id) => !byId.has(id)))];
}

/** The language code an item stands for ("language.uk" → "uk"), or undefined for non-language items. */
export const languageCodeOf = (id: string): string | undefined => (id.startsWith("language.") ? id.slice("language.".length) : undefined);

let groups: Record<string, string[]> | undefined;

/**
 * term → equivalent terms, lowercased, for the search engine's synonym setting. A term specific to
 * one item expands to that item's other terms. A term shared by several items ("LHBTI", "roze",
 * "Somalisch") expands only to those items' labels, so a broad word finds every item it covers
 * without a specific word ("transgender") pulling in all its siblings.
 */
export function synonymGroups(): Record<string, string[]> {
  if (groups) return groups;
  const termsOf = (e: ExpertiseItem) => [...new Set([e.label.nl, e.label.en, ...e.synonyms].map((t) => t.toLowerCase().trim()).filter(Boolean))];
  const owners = new Map<string, ExpertiseItem[]>();
  for (const e of EXPERTISE) for (const t of termsOf(e)) owners.set(t, [...(owners.get(t) ?? []), e]);
  const out: Record<string, Set<string>> = {};
  for (const [term, items] of owners) {
    const set = (out[term] ??= new Set());
    if (items.length === 1) {
      for (const t of termsOf(items[0]!)) if (owners.get(t)!.length === 1) set.add(t);
    } else {
      for (const e of items) for (const l of [e.label.nl, e.label.en]) set.add(l.toLowerCase());
    }
    set.delete(term);
  }
  groups = Object.fromEntries(
    Object.entries(out)
      .filter(([, s]) => s.size > 0)
      .map(([t, s]) => [t, [...s].sort()]),
  );
  return groups;
}
