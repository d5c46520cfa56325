// Requests to join a network in the coordinator's scope (issue 9): approve or reject, with a reason.
// Nobody decides on their own request; the server refuses it and says so.
import { useState } from "react";
import { ApiError } from "../../api/client";
import type { NetworkRequest } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useReference, unitName } from "../../lib/reference";
import { useAnnounce } from "../../lib/announce";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { client } from "../../api/typed-client";

export function NetworkRequests() {
  const { t, date } = useI18n();
  const ref = useReference();
  const announce = useAnnounce();
  const list = useLoad(async () => (await client.GET("/network-requests", { query: { status: "pending" } })).data);
  const [error, setError] = useState<ApiError>();
  const [reason, setReason] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState<string>();
  const network = (id: string) => ref.networks.find((n) => n.id === id)?.name ?? id;

  async function decide(r: NetworkRequest, approve: boolean) {
    setBusy(r.id);
    setError(undefined);
    try {
      const why = reason[r.id]?.trim();
      await client.POST(approve ? "/network-requests/{id}/approve" : "/network-requests/{id}/reject", { path: { id: r.id }, body: why ? { reason: why } : {} });
      announce(t(approve ? "njr.approvedMsg" : "njr.rejectedMsg", { name: r.name ?? "", network: network(r.networkId) }));
      list.set((list.data ?? []).filter((x) => x.id !== r.id));
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  const items = list.data ?? [];
  return (
    <section aria-labelledby="nr-title">
      <h1 id="nr-title">{t("njr.title")}</h1>
      <p className="muted">{t("njr.intro")}</p>
      <ErrorBox error={error} />
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      {list.data && items.length === 0 && <p className="card muted">{t("njr.empty")}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="network-requests">
            <caption className="sr-only">{t("njr.title")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("njr.member")}</th>
                <th scope="col">{t("njr.unit")}</th>
                <th scope="col">{t("njr.network")}</th>
                <th scope="col">{t("njr.motivation")}</th>
                <th scope="col">{t("njr.date")}</th>
                <th scope="col">{t("njr.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((r) => (
                <tr key={r.id}>
                  <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                    {r.name ?? r.memberId}
                  </th>
                  <td>{unitName(ref, r.unitId)}</td>
                  <td>{network(r.networkId)}</td>
                  <td>{r.motivation ?? "–"}</td>
                  <td>{r.createdAt ? date(r.createdAt, false) : "–"}</td>
                  <td>
                    <div className="actions">
                      <label className="sr-only" htmlFor={`nr-reason-${r.id}`}>
                        {t("njr.reasonFor", { name: r.name ?? "" })}
                      </label>
                      <input
                        id={`nr-reason-${r.id}`}
                        placeholder={t("njr.reason")}
                        value={reason[r.id] ?? ""}
                        onChange={(e) => setReason({ ...reason, [r.id]: e.target.value })}
                      />
                      <button type="button" className="btn btn-primary btn-small" disabled={busy === r.id} onClick={() => decide(r, true)}>
                        {t("njr.approve")}
                        <span className="sr-only"> {r.name}</span>
                      </button>
                      <button type="button" className="btn btn-danger btn-small" disabled={busy === r.id} onClick={() => decide(r, false)}>
                        {t("njr.reject")}
                        <span className="sr-only"> {r.name}</span>
                      </button>
                    </div>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
