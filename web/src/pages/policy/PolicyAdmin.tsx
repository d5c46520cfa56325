// The force-wide korpsregeling (issue 9): a policy-admin proposes a version with a reason; a different
// policy-admin approves or rejects it. Only approved versions take effect, never in the past.
import { useState } from "react";
import { ApiError } from "../../api/client";
import type { PolicyVersion } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useSubmit } from "../../lib/useSubmit";
import { useSession } from "../../lib/session";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { inForce } from "../../lib/policies";
import { DateField, DecimalField } from "../../components/Inputs";
import { dateInputValue } from "../../lib/format";
import { parseDate, parseDecimal } from "../../lib/parse";
import { client } from "../../api/typed-client";

// What cannot be read is sent as typed, so the server answers with a field error naming it.
const decimal = (s: string) => (parseDecimal(s) ?? s) as number;

export function PolicyAdmin() {
  const { t, num, date } = useI18n();
  const { me } = useSession();
  const announce = useAnnounce();
  const versions = useLoad(async () => (await client.GET("/policies")).data);
  const proposals = useLoad(async () => (await client.GET("/policies/proposals", { query: { status: "proposed" } })).data);
  const current = inForce(versions.data ?? []);
  const [from, setFrom] = useState(() => dateInputValue(new Date()));
  const [base, setBase] = useState("");
  const [threshold, setThreshold] = useState("");
  const [reason, setReason] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState<string>();
  const form = useSubmit(
    () =>
      client.POST("/policies", {
        body: {
          effectiveFrom: parseDate(from) ?? from,
          baseHoursPerYear: decimal(base || String(current?.baseHoursPerYear ?? "")),
          approvalThresholdHours: decimal(threshold || String(current?.approvalThresholdHours ?? "")),
          ...(current ? { categories: current.categories } : {}),
          reason: reason.trim(),
        },
      }),
    () => {
      announce(t("pa.proposed"));
      setReason("");
      proposals.reload();
    },
  );

  async function decide(p: PolicyVersion, approve: boolean) {
    setBusy(p.id);
    setError(undefined);
    try {
      await client.POST(approve ? "/policies/{id}/approve" : "/policies/{id}/reject", { path: { id: p.id }, body: {} });
      announce(t(approve ? "pa.approvedMsg" : "pa.rejectedMsg"));
      proposals.reload();
      versions.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  return (
    <section aria-labelledby="pa-title">
      <h1 id="pa-title">{t("pa.title")}</h1>
      <p className="muted">{t("pa.intro")}</p>
      <ErrorBox error={versions.error} />
      {!versions.data && versions.loading && <Loading />}
      {current && (
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("pa.current")}</h2>
          <p>
            {t("pa.summary", { from: date(current.effectiveFrom, false), base: num(current.baseHoursPerYear), threshold: num(current.approvalThresholdHours) })}
          </p>
        </div>
      )}

      <div className="card">
        <h2 style={{ marginTop: 0 }}>{t("pa.waiting")}</h2>
        <ErrorBox error={error} />
        <ErrorBox error={proposals.error} />
        {proposals.data && proposals.data.length === 0 && <p className="muted">{t("pa.none")}</p>}
        {(proposals.data ?? []).length > 0 && (
          <ul data-testid="policy-proposals">
            {proposals.data!.map((p) => {
              const own = p.createdBy === me?.id;
              return (
                <li key={p.id} style={{ marginBottom: ".75rem" }}>
                  <p style={{ margin: 0 }}>
                    {t("pa.summary", { from: date(p.effectiveFrom, false), base: num(p.baseHoursPerYear), threshold: num(p.approvalThresholdHours) })}
                  </p>
                  {p.reason && <p className="meta">{t("pa.reasonIs", { reason: p.reason })}</p>}
                  <div className="actions">
                    {own ? (
                      <span className="muted">{t("pa.ownProposal")}</span>
                    ) : (
                      <button type="button" className="btn btn-primary btn-small" disabled={busy === p.id} onClick={() => decide(p, true)}>
                        {t("pa.approve")}
                      </button>
                    )}
                    <button type="button" className="btn btn-danger btn-small" disabled={busy === p.id} onClick={() => decide(p, false)}>
                      {own ? t("pa.withdraw") : t("pa.reject")}
                    </button>
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </div>

      <form className="card" onSubmit={form.submit} noValidate>
        <h2 style={{ marginTop: 0 }}>{t("pa.propose")}</h2>
        <p className="muted">{t("pa.proposeIntro")}</p>
        <DateField id="pa-from" label={t("pa.from")} value={from} onChange={setFrom} required />
        <DecimalField
          id="pa-base"
          label={t("pa.base")}
          value={base}
          onChange={setBase}
          min={0}
          unit="hours"
          placeholder={current ? num(current.baseHoursPerYear) : ""}
        />
        <DecimalField
          id="pa-threshold"
          label={t("pa.threshold")}
          value={threshold}
          onChange={setThreshold}
          min={0}
          unit="hours"
          placeholder={current ? num(current.approvalThresholdHours) : ""}
        />
        <div className="field">
          <label htmlFor="pa-reason">{t("pa.reason")}</label>
          <textarea id="pa-reason" required minLength={5} maxLength={1000} value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <ErrorBox error={form.error} />
        {form.ok && (
          <p className="alert alert-ok" role="status">
            {t("pa.proposed")}
          </p>
        )}
        <button type="submit" className="btn btn-primary">
          {t("pa.submit")}
        </button>
      </form>
    </section>
  );
}
