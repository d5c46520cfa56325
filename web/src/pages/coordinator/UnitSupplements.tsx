// A coordinator sets the supplement of the units in their scope (issue 9): from today on, with a
// reason, audited. The force-wide regulation is the policy-admins' (four eyes), not changed here.
import { useState } from "react";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useSubmit } from "../../lib/useSubmit";
import { useSession } from "../../lib/session";
import { useReference, unitName } from "../../lib/reference";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { inForce } from "../../lib/policies";
import { DateField, DecimalField } from "../../components/Inputs";
import { dateInputValue } from "../../lib/format";
import { parseDate, parseDecimal } from "../../lib/parse";
import { client } from "../../api/typed-client";

export function UnitSupplements() {
  const { t, num } = useI18n();
  const { me } = useSession();
  const ref = useReference();
  const announce = useAnnounce();
  const units = me?.scope?.units ?? [];
  const policies = useLoad(async () => (await client.GET("/policies")).data);
  const current = inForce(policies.data ?? []);
  const [unitId, setUnitId] = useState("");
  const [hours, setHours] = useState("");
  const [from, setFrom] = useState(() => dateInputValue(new Date()));
  const [reason, setReason] = useState("");
  const chosen = unitId || units[0] || "";
  const form = useSubmit(
    () =>
      client.POST("/policies/unit-supplements", {
        body: { unitId: chosen, hours: parseDecimal(hours) ?? Number.NaN, effectiveFrom: parseDate(from) ?? from, reason: reason.trim() },
      }),
    () => {
      announce(t("us.saved", { unit: unitName(ref, chosen) }));
      setHours("");
      setReason("");
      policies.reload();
    },
  );

  return (
    <section aria-labelledby="us-title">
      <h1 id="us-title">{t("us.title")}</h1>
      <p className="muted">{t("us.intro")}</p>
      <ErrorBox error={policies.error} />
      {!policies.data && policies.loading && <Loading />}
      {units.length === 0 && <p className="card muted">{t("us.noUnits")}</p>}
      {units.length > 0 && current && (
        <div className="table-wrap">
          <table>
            <caption className="sr-only">{t("us.current")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("us.unit")}</th>
                <th scope="col">{t("us.supplement")}</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u}>
                  <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                    {unitName(ref, u)}
                  </th>
                  <td>
                    {num(current.unitSupplements[u] ?? 0)} {t("common.hours")}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {units.length > 0 && (
        <form className="card" onSubmit={form.submit} noValidate>
          <h2 style={{ marginTop: 0 }}>{t("us.change")}</h2>
          <div className="field">
            <label htmlFor="us-unit">{t("us.unit")}</label>
            <select id="us-unit" value={chosen} onChange={(e) => setUnitId(e.target.value)}>
              {units.map((u) => (
                <option key={u} value={u}>
                  {unitName(ref, u)}
                </option>
              ))}
            </select>
          </div>
          <DecimalField id="us-hours" label={t("us.hours")} value={hours} onChange={setHours} min={0} unit="hours" required />
          <DateField id="us-from" label={t("us.from")} value={from} onChange={setFrom} required />
          <div className="field">
            <label htmlFor="us-reason">{t("us.reason")}</label>
            <input id="us-reason" required minLength={5} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
          </div>
          <ErrorBox error={form.error} />
          {form.ok && (
            <p className="alert alert-ok" role="status">
              {t("common.saved")}
            </p>
          )}
          <button type="submit" className="btn btn-primary">
            {t("us.submit")}
          </button>
        </form>
      )}
    </section>
  );
}
