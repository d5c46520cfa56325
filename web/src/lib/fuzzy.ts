// Typo-tolerant matching of the expertise taxonomy: labels (nl/en), synonyms and ids, accents
// ignored, prefix matches first, then small edit distances ("somalie", "somalisch", "oekraiens").
import type { Expertise } from "../api/types";

export function normalize(s: string): string {
  return s
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, " ")
    .trim();
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions), capped. */
export function editDistance(a: string, b: string, max = 3): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      rowMin = Math.min(rowMin, d[i][j]);
    }
    if (rowMin > max) return max + 1;
  }
  return d[a.length][b.length];
}

const allowed = (len: number) => (len <= 3 ? 0 : len <= 5 ? 1 : 2);

/** Score one query word against one word of a label: higher is better, 0 = no match. */
function wordScore(q: string, w: string): number {
  if (w === q) return 10;
  if (w.startsWith(q)) return 8 - Math.min(3, (w.length - q.length) / 4);
  if (q.length >= 4 && w.includes(q)) return 5;
  const tol = allowed(q.length);
  if (!tol) return 0;
  // Compare against the word and against its prefix of the query's length (typing in progress).
  const full = editDistance(q, w, tol);
  if (full <= tol) return 6 - full;
  const pre = editDistance(q, w.slice(0, q.length), tol);
  if (pre <= tol) return 4 - pre;
  return 0;
}

function textScore(query: string[], text: string): number {
  const words = normalize(text).split(" ").filter(Boolean);
  if (!words.length) return 0;
  let total = 0;
  for (const q of query) {
    let best = 0;
    for (const w of words) best = Math.max(best, wordScore(q, w));
    if (!best) return 0; // every query word must match something
    total += best;
  }
  return total / query.length;
}

export function searchExpertise(items: Expertise[], query: string, lang: "nl" | "en", limit = 8): Expertise[] {
  const q = normalize(query).split(" ").filter(Boolean);
  if (!q.length) return [];
  const scored: { item: Expertise; score: number }[] = [];
  for (const item of items) {
    const texts: [string, number][] = [
      [item.label[lang], 1.1],
      [item.label[lang === "nl" ? "en" : "nl"], 1],
      [item.id.replace(/[.-]/g, " "), 0.8],
      ...item.synonyms.map((s): [string, number] => [s, 0.95]),
    ];
    let best = 0;
    for (const [t, weight] of texts) best = Math.max(best, textScore(q, t) * weight);
    if (best > 0) scored.push({ item, score: best });
  }
  return scored
    .sort((a, b) => b.score - a.score || a.item.label[lang].localeCompare(b.item.label[lang]))
    .slice(0, limit)
    .map((s) => s.item);
}
