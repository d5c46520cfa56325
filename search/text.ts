// Text normalisation and synonym groups shared by the adapters.

/** Lower case without diacritics: "Oekraïens" → "oekraiens", "Somalië" → "somalie". */
export function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** Folded words (letters and digits); "LGBTQ+" → ["lgbtq"], "anti-trans" → ["anti", "trans"]. */
export function tokenize(s: string): string[] {
  return fold(s).match(/[\p{L}\p{N}]+/gu) ?? [];
}

/**
 * The port's synonym semantics: each entry (key + values) is a group whose members stand for one
 * another. A term in several groups gets the union, but groups are not chained further, so one
 * ambiguous term cannot merge unrelated topics. Terms are lower-cased and trimmed.
 */
export function synonymMap(groups: Record<string, string[]>): Record<string, string[]> {
  const out = new Map<string, Set<string>>();
  for (const [key, values] of Object.entries(groups)) {
    const group = [...new Set([key, ...values].map((t) => t.toLowerCase().trim()).filter(Boolean))];
    for (const t of group) {
      const set = out.get(t) ?? new Set<string>();
      for (const u of group) if (u !== t) set.add(u);
      out.set(t, set);
    }
  }
  return Object.fromEntries([...out].filter(([, s]) => s.size).map(([t, s]) => [t, [...s].sort()]));
}
