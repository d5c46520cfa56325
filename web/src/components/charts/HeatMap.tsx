// Hour-of-week heat map (7 days × 24 hours) as a table: colour for the eye, numbers for everyone.
import { useI18n, type Key } from "../../i18n";

interface Props {
  caption: string;
  /** 168 values, slot 0 = Monday 00:00 local. */
  values: (number | null)[];
  max?: number;
  format?: (n: number) => string;
  /** "good" = more is better (navy), "bad" = more is worse (red). */
  tone?: "good" | "bad";
}

export function HeatMap({ caption, values, max, format, tone = "good" }: Props) {
  const { t } = useI18n();
  const top = max ?? Math.max(1e-9, ...values.map((v) => v ?? 0));
  const fmt = format ?? ((n: number) => String(Math.round(n * 10) / 10));
  const color = (v: number | null) => {
    if (v === null) return { background: "#fff", color: "#4a5560" };
    let a = Math.min(1, Math.max(0, v / top));
    // Skip the mid band where neither dark nor white text reaches 4.5:1 (WCAG AA).
    if (a > 0.6 && a < 0.76) a = 0.76;
    // Interpolate from white to navy (or red); switch text to white when the cell is dark.
    const [r, g, b] = tone === "good" ? [21, 66, 115] : [164, 22, 26];
    const mix = (c: number) => Math.round(255 + (c - 255) * a);
    return { background: `rgb(${mix(r)}, ${mix(g)}, ${mix(b)})`, color: a >= 0.76 ? "#fff" : "#1b1f24" };
  };
  const hours = Array.from({ length: 24 }, (_, h) => h);
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={caption}>
      <table className="heat">
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              <span className="sr-only">{t("heat.day")}</span>
            </th>
            {hours.map((h) => (
              <th key={h} scope="col">
                {String(h).padStart(2, "0")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {[1, 2, 3, 4, 5, 6, 7].map((d) => (
            <tr key={d}>
              <th scope="row">{t(`dayShort.${d}` as Key)}</th>
              {hours.map((h) => {
                const v = values[(d - 1) * 24 + h] ?? null;
                return (
                  <td key={h} style={color(v)} title={`${t(`day.${d}` as Key)} ${h}:00 – ${v === null ? "–" : fmt(v)}`}>
                    {v === null ? "·" : fmt(v)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
