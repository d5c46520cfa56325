// Small pure helpers for the coordinator dashboard.
export function median(xs: number[]): number | undefined {
  if (!xs.length) return undefined;
  const v = [...xs].sort((a, b) => a - b);
  const m = v.length >> 1;
  return v.length % 2 ? v[m] : (v[m - 1] + v[m]) / 2;
}

export function countBy<T>(items: T[], keys: (t: T) => string[]): [string, number][] {
  const m = new Map<string, number>();
  for (const it of items) for (const k of keys(it)) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

export function formatDuration(ms: number, lang: "nl" | "en"): string {
  const min = Math.max(0, Math.round(ms / 60000)); // a wait is never negative, whatever the data says
  if (min < 60) return lang === "nl" ? `${min} min` : `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  if (h < 48) return lang === "nl" ? `${h} u ${rest} min` : `${h} h ${rest} min`;
  return lang === "nl" ? `${Math.round(h / 24)} dagen` : `${Math.round(h / 24)} days`;
}
