// Percentiles for the figures the benchmarks and the SIP tests print.

/** The p-th percentile of xs by nearest rank (p in 0–100); NaN for no samples. */
export const pct = (xs: number[], p: number): number => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
};
