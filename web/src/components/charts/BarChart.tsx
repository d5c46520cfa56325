// Horizontal bar chart in plain SVG; one or two series per row. The numbers are also in a
// visually hidden table so screen-reader users get the data, not a picture.
import { useI18n } from "../../i18n";

export interface Series {
  name: string;
  color: string;
  values: number[];
}

interface Props {
  title: string;
  labels: string[];
  series: Series[];
  format?: (n: number) => string;
  max?: number;
}

export function BarChart({ title, labels, series, format, max }: Props) {
  const { num } = useI18n();
  const fmt = format ?? ((n: number) => num(n));
  const rowH = 18 * series.length + 10;
  const labelW = 170;
  const chartW = 420;
  const valueW = 70;
  const width = labelW + chartW + valueW;
  const height = Math.max(rowH * labels.length + (series.length > 1 ? 26 : 6), 30);
  const values = series.flatMap((s) => s.values);
  const top = max ?? Math.max(1e-9, ...values.map((v) => Math.abs(v)));
  const hasNeg = values.some((v) => v < 0);
  const zeroX = hasNeg ? labelW + chartW / 2 : labelW;
  const scale = (hasNeg ? chartW / 2 : chartW) / top;

  return (
    <figure style={{ margin: 0 }}>
      <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} preserveAspectRatio="xMinYMin meet">
        {labels.map((l, i) => (
          <g key={i} transform={`translate(0, ${i * rowH + 4})`}>
            <text x={labelW - 8} y={(rowH - 10) / 2 + 4} textAnchor="end">
              {l.length > 26 ? `${l.slice(0, 25)}…` : l}
            </text>
            {series.map((s, j) => {
              const v = s.values[i] ?? 0;
              const w = Math.abs(v) * scale;
              const x = v < 0 ? zeroX - w : zeroX;
              return (
                <g key={j}>
                  <rect x={x} y={j * 18} width={Math.max(w, v ? 1 : 0)} height={14} fill={s.color} />
                  <text x={(v < 0 ? zeroX : zeroX + w) + 4} y={j * 18 + 11}>
                    {fmt(v)}
                  </text>
                </g>
              );
            })}
          </g>
        ))}
        <line x1={zeroX} x2={zeroX} y1={0} y2={rowH * labels.length} stroke="#4a5560" />
        {series.length > 1 && (
          <g transform={`translate(${labelW}, ${rowH * labels.length + 8})`}>
            {series.map((s, j) => (
              <g key={j} transform={`translate(${j * 170}, 0)`}>
                <rect width={12} height={12} fill={s.color} />
                <text x={16} y={10}>
                  {s.name}
                </text>
              </g>
            ))}
          </g>
        )}
      </svg>
      <table className="sr-only">
        <caption>{title}</caption>
        <thead>
          <tr>
            <th scope="col" />
            {series.map((s) => (
              <th key={s.name} scope="col">
                {s.name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {labels.map((l, i) => (
            <tr key={i}>
              <th scope="row">{l}</th>
              {series.map((s) => (
                <td key={s.name}>{fmt(s.values[i] ?? 0)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
