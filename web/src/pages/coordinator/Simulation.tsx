// Test a draft korpsregeling against this year's real usage (POST /policies/simulate), per unit.
import { useEffect, useRef, useState, type FormEvent } from "react";
import { ApiError, listOf } from "../../api/client";
import { useI18n } from "../../i18n";
import { useReference, unitName } from "../../lib/reference";
import { ErrorBox } from "../../components/ErrorBox";
import { BarChart } from "../../components/charts/BarChart";
import type { SimulationRow } from "../../../../api/src/contract/budget-simulation";
import { DecimalField } from "../../components/Inputs";
import { numberInputValue } from "../../lib/format";
import { parseDecimal } from "../../lib/parse";
import { errorsFor, useFocusInvalid, useFocusOnError } from "../../lib/problems";
import { client } from "../../api/typed-client";

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
  const { t, num, lang } = useI18n();
  const ref = useReference();
  const [tried, setTried] = useState(false);
  const [base, setBase] = useState("60");
  const [threshold, setThreshold] = useState("4");
  const [supp, setSupp] = useState<Record<string, string>>({});
  const [inForce, setInForce] = useState<Policy>();
  const [result, setResult] = useState<Result>();
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  useFocusOnError(error, formRef);
  const focusInvalid = useFocusInvalid(formRef);

  useEffect(() => {
    client
      .GET("/policies")
      .then((r) => {
        const list = listOf<Policy>(r).filter((p) => !p.effectiveFrom || new Date(p.effectiveFrom) <= new Date());
        const cur = list.sort((a, b) => String(b.effectiveFrom).localeCompare(String(a.effectiveFrom)))[0];
        if (!cur) return;
        setInForce(cur);
        setBase(numberInputValue(cur.baseHoursPerYear, lang));
        setThreshold(numberInputValue(cur.approvalThresholdHours, lang));
        setSupp(Object.fromEntries(Object.entries(cur.unitSupplements ?? {}).map(([k, v]) => [k, numberInputValue(v, lang)])));
      })
      .catch(() => {});
    // eslint-disable-next-line react-hooks/exhaustive-deps -- loads the regulation in force once; `lang` only formats the first values
  }, []);

  async function run(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(undefined);
    const baseN = parseDecimal(base);
    const thresholdN = parseDecimal(threshold);
    const supps = Object.entries(supp)
      .filter(([, v]) => v.trim() !== "")
      .map(([k, v]) => [k, parseDecimal(v, { allowNegative: true })] as const);
    if (baseN === undefined || thresholdN === undefined || supps.some(([, n]) => n === undefined)) {
      focusInvalid();
      return;
    }
    setBusy(true);
    try {
      const unitSupplements: Record<string, number> = Object.fromEntries(supps.filter((s): s is readonly [string, number] => s[1] !== 0 && s[1] !== undefined));
      setResult(await client.POST("/policies/simulate", { body: { baseHoursPerYear: baseN, unitSupplements, approvalThresholdHours: thresholdN } }));
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
      <form id="sim-form" ref={formRef} className="card" onSubmit={run} noValidate>
        <div className="grid-3">
          <DecimalField
            id="sim-base"
            label={t("sim.base")}
            value={base}
            onChange={setBase}
            min={0}
            max={2000}
            unit="hours"
            required
            showInvalid={tried}
            errors={errorsFor(error, "baseHoursPerYear")}
          />
          <DecimalField
            id="sim-threshold"
            label={t("sim.threshold")}
            value={threshold}
            onChange={setThreshold}
            min={0}
            max={12}
            unit="hours"
            required
            showInvalid={tried}
            errors={errorsFor(error, "approvalThresholdHours")}
          />
        </div>
        <fieldset>
          <legend>{t("sim.supplements")}</legend>
          <div className="grid-3">
            {regional.map((u) => (
              <DecimalField
                key={u.id}
                id={`sup-${u.id}`}
                label={u.name}
                value={supp[u.id] ?? ""}
                placeholder="0"
                onChange={(v) => setSupp({ ...supp, [u.id]: v })}
                min={-2000}
                max={2000}
                allowNegative
                unit="hours"
                showInvalid={tried}
                errors={errorsFor(error, `unitSupplements.${u.id}`)}
                style={{ marginBottom: ".5rem" }}
              />
            ))}
          </div>
        </fieldset>
        <ErrorBox error={error} inline={["baseHoursPerYear", "approvalThresholdHours", "unitSupplements"]} />
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
              <BarChart
                title={t("sim.chartDelta")}
                labels={units.map((u) => unitName(ref, u.unitId))}
                series={[{ name: t("sim.delta"), color: "#154273", values: units.map((u) => u.delta) }]}
                format={(n) => `${n > 0 ? "+" : ""}${num(n, 0)}`}
              />
            </div>
          </div>
          <div className="table-wrap">
            <table data-testid="simulation-table">
              <caption className="sr-only">{t("sim.result", { year: result.year })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("bt.unit")}</th>
                  <th scope="col" className="num">
                    {t("sim.members")}
                  </th>
                  <th scope="col" className="num">
                    {t("sim.overCol")}
                  </th>
                  <th scope="col" className="num">
                    {t("sim.underCol")}
                  </th>
                  <th scope="col" className="num">
                    {t("sim.grantedCurrent")}
                  </th>
                  <th scope="col" className="num">
                    {t("sim.grantedDraft")}
                  </th>
                  <th scope="col" className="num">
                    {t("sim.delta")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {units.map((u) => (
                  <tr key={u.unitId}>
                    <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                      {unitName(ref, u.unitId)}
                    </th>
                    <td className="num">{u.members}</td>
                    <td className="num">
                      {u.overCurrent} → {u.over}
                    </td>
                    <td className="num">
                      {u.underCurrent} → {u.under}
                    </td>
                    <td className="num">{num(u.totalGrantedCurrent, 0)}</td>
                    <td className="num">{num(u.totalGranted, 0)}</td>
                    <td className="num">
                      {u.delta > 0 ? "+" : ""}
                      {num(u.delta, 0)}
                    </td>
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
