// Small pure helpers for the coordinator dashboard.
export function formatDuration(ms: number, lang: "nl" | "en"): string {
  const min = Math.max(0, Math.round(ms / 60000)); // a wait is never negative, whatever the data says
  if (min < 60) return lang === "nl" ? `${min} min` : `${min} min`;
  const h = Math.floor(min / 60);
  const rest = min % 60;
  if (h < 48) return lang === "nl" ? `${h} u ${rest} min` : `${h} h ${rest} min`;
  return lang === "nl" ? `${Math.round(h / 24)} dagen` : `${Math.round(h / 24)} days`;
}
