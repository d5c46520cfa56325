// Test a draft korpsregeling against this year's real usage (POST /policies/simulate), per unit.
import { useEffect, useState, type FormEvent } from "react";
import { api, ApiError, listOf } from "../../api/client";
import { useI18n } from "../../i18n";
import { useReference, unitName } from "../../lib/reference";
import { ErrorBox } from "../../components/ErrorBox";
import { BarChart } from "../../components/charts/BarChart";
import type { SimulationRow } from "../../../../api/src/domain/budget";

interface Policy {
  id?: string;
  name?: string;
  effectiveFrom?: string;
  baseHoursPerYear: number;
  unitSupplements: Record<string, number>;
  categories?: string[];
  approvalThresholdHours: number;
}

// The API's row shape, shared with the server's simulation (a type-only import: nothing is bundled).
type Row = SimulationRow & { unitId: string };

interface Result {
  year: number;
  units: Row[];
  totals: Omit<Row, "unitId">;
}

export function Simulation() {
  const { t, num } = useI18n();
  const ref = useReference();
  const [base, setBase] = useState("60");
  const [threshold, setThreshold] = useState("4");
  const [supp, setSupp] = useState<Record<string, string>>({});
  const [inForce, setInForce] = useState<Policy>();
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api
      .get<unknown>("/policies")
      .then((r) => {
        const list = listOf<Policy>(r).filter((p) => !p.effectiveFrom || new Date(p.effectiveFrom) <= new Date());
        const cur = list.sort((a, b) => String(b.effectiveFrom).localeCompare(String(a.effectiveFrom)))[0];
        if (!cur) return;
        setInForce(cur);
        setBase(String(cur.baseHoursPerYear));
        setThreshold(String(cur.approvalThresholdHours));
        setSupp(Object.fromEntries(Object.entries(cur.unitSupplements ?? {}).map(([k, v]) => [k, String(v)])));
      })
      .catch(() => {});
  }, []);

  async function run(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const unitSupplements = Object.fromEntries(
        Object.entries(supp)
          .filter(([, v]) => v.trim() !== "" && Number(v) !== 0)
          .map(([k, v]) => [k, Number(v)]),
      );
      setResult(await api.post<Result>("/policies/simulate", { baseHoursPerYear: Number(base), unitSupplements, approvalThresholdHours: Number(threshold) }));
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  const regional = ref.units;
  const units = result?.units ?? [];
  return (
    <section aria-labelledby="sim-title">
      <h1 id="sim-title">{t("sim.title")}</h1>
      <p className="muted">{t("sim.intro")}</p>
      {inForce && (
        <p className="alert alert-info">
          {t("sim.inForce", { name: inForce.name ?? "", base: num(inForce.baseHoursPerYear), threshold: num(inForce.approvalThresholdHours, 2) })}
        </p>
      )}
      <form className="card" onSubmit={run} noValidate>
        <div className="grid-3">
          <div className="field">
            <label htmlFor="sim-base">{t("sim.base")}</label>
            <input id="sim-base" type="number" min={0} max={2000} step={1} value={base} onChange={(e) => setBase(e.target.value)} />
          </div>
          <div className="field">
            <label htmlFor="sim-threshold">{t("sim.threshold")}</label>
            <input id="sim-threshold" type="number" min={0} max={12} step={0.25} value={threshold} onChange={(e) => setThreshold(e.target.value)} />
          </div>
        </div>
        <fieldset>
          <legend>{t("sim.supplements")}</legend>
          <div className="grid-3">
            {regional.map((u) => (
              <div className="field" key={u.id} style={{ marginBottom: ".5rem" }}>
                <label htmlFor={`sup-${u.id}`}>{u.name}</label>
                <input id={`sup-${u.id}`} type="number" min={-2000} max={2000} step={1} value={supp[u.id] ?? ""} placeholder="0" onChange={(e) => setSupp({ ...supp, [u.id]: e.target.value })} />
              </div>
            ))}
          </div>
        </fieldset>
        <ErrorBox error={error} />
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {busy ? t("sim.busy") : t("sim.run")}
        </button>
      </form>
      {result && (
        <div aria-live="polite">
          <h2>{t("sim.result", { year: result.year })}</h2>
          <div className="kpis">
            <div className="kpi">
              <span className="value">
                {result.totals.overCurrent} → {result.totals.over}
              </span>
              <span className="label">{t("sim.over")}</span>
            </div>
            <div className="kpi">
              <span className="value">
                {result.totals.underCurrent} → {result.totals.under}
              </span>
              <span className="label">{t("sim.under")}</span>
            </div>
            <div className="kpi">
              <span className="value">
                {result.totals.delta > 0 ? "+" : ""}
                {num(result.totals.delta, 0)}
              </span>
              <span className="label">{t("sim.delta")}</span>
            </div>
          </div>
          <div className="grid-2">
            <div className="card">
              <h3>{t("sim.chartOver")}</h3>
              <BarChart
                title={t("sim.chartOver")}
                labels={units.map((u) => unitName(ref, u.unitId))}
                series={[
                  { name: t("sim.current"), color: "#8b96a1", values: units.map((u) => u.overCurrent) },
                  { name: t("sim.draft"), color: "#154273", values: units.map((u) => u.over) },
                ]}
                format={(n) => num(n, 0)}
              />
            </div>
            <div className="card">
              <h3>{t("sim.chartDelta")}</h3>
              <BarChart title={t("sim.chartDelta")} labels={units.map((u) => unitName(ref, u.unitId))} series={[{ name: t("sim.delta"), color: "#154273", values: units.map((u) => u.delta) }]} format={(n) => `${n > 0 ? "+" : ""}${num(n, 0)}`} />
            </div>
          </div>
          <div className="table-wrap">
            <table data-testid="simulation-table">
              <caption className="sr-only">{t("sim.result", { year: result.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("bt.unit")}</th>
                  <th scope="col" className="num">{t("sim.members")}</th>
                  <th scope="col" className="num">{t("sim.overCol")}</th>
                  <th scope="col" className="num">{t("sim.underCol")}</th>
                  <th scope="col" className="num">{t("sim.grantedCurrent")}</th>
                  <th scope="col" className="num">{t("sim.grantedDraft")}</th>
                  <th scope="col" className="num">{t("sim.delta")}</th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr key={u.unitId}>
                    <th scope="row" style={{ background: "none", fontWeight: 400 }}>{unitName(ref, u.unitId)}</th>
                    <td className="num">{u.members}</td>
                    <td className="num">{u.overCurrent} → {u.over}</td>
                    <td className="num">{u.underCurrent} → {u.under}</td>
                    <td className="num">{num(u.totalGrantedCurrent, 0)}</td>
                    <td className="num">{num(u.totalGranted, 0)}</td>
                    <td className="num">{u.delta > 0 ? "+" : ""}{num(u.delta, 0)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      )}
    </section>
  );
}
