// The coordinator's queue: time entries waiting for approval, and budget alerts (80 % / 100 %).
import { useState } from "react";
import { ApiError, listOf } from "../../api/client";
import type { Budget, TimeEntry } from "../../api/types";
import { useI18n, type Key } from "../../i18n";
import { useLoad, optional } from "../../lib/useLoad";
import { useAnnounce } from "../../lib/announce";
import { Link } from "../../lib/router";
import { useLiveReload } from "../../realtime/socket";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { client } from "../../api/typed-client";

interface Alert {
  id: string;
  memberId?: string;
  memberName?: string;
  name?: string;
  level?: number;
  threshold?: number;
  percent?: number;
  createdAt?: string;
  message?: string;
  [k: string]: unknown;
}

export function Approvals() {
  const { t, num, date } = useI18n();
  const announce = useAnnounce();
  const queue = useLoad(async () => (await client.GET("/time-entries", { query: { status: "pending", limit: 200 } })).data);
  const alerts = useLoad(async () => {
    const r = await optional(client.GET("/budgets/alerts"));
    return r === undefined ? undefined : listOf<Alert>(r);
  });
  const reload = () => {
    queue.reload();
    alerts.reload();
  };
  useLiveReload(["budget:alert", "request:updated"], reload);
  const [error, setError] = useState<ApiError>();
  const [rejecting, setRejecting] = useState<string>();
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState<string>();
  // ui-views: multi-select approval with one summary, and each member's budget per row.
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [summary, setSummary] = useState<{ approved: number; failed: { id: string; name: string; reason: string }[] }>();
  const budgets = useLoad(async () => {
    const r = await optional(client.GET("/budgets", { query: { year: new Date().getFullYear() } }));
    return new Map(listOf<Budget>(r ?? []).map((b) => [b.memberId, b]));
  });

  async function approveSelected() {
    const ids = (queue.data ?? []).filter((e) => selected.has(e.id)).map((e) => e.id);
    if (!ids.length) return;
    setBusy("bulk");
    setError(undefined);
    setSummary(undefined);
    try {
      const res = await client.POST("/time-entries/approve", { body: { ids } });
      const byId = new Map((queue.data ?? []).map((e) => [e.id, e]));
      const failed = res.results
        .filter((r) => !r.ok)
        .map((r) => ({ id: r.id, name: byId.get(r.id)?.memberName ?? r.id, reason: r.error?.detail ?? r.error?.title ?? "" }));
      setSummary({ approved: res.approved, failed });
      announce(t("ap.bulkDone", { ok: res.approved, failed: failed.length }));
      setSelected(new Set(failed.map((f) => f.id)));
      window.setTimeout(() => document.getElementById("ap-summary")?.focus(), 0);
      reload();
      budgets.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  async function decide(e: TimeEntry, approve: boolean) {
    setBusy(e.id);
    setError(undefined);
    try {
      if (approve) await client.POST("/time-entries/{id}/approve", { path: { id: e.id } });
      else await client.POST("/time-entries/{id}/reject", { path: { id: e.id }, body: { reason: reason.trim() } });
      announce(approve ? t("ap.approvedMsg", { name: e.memberName ?? "" }) : t("ap.rejectedMsg", { name: e.memberName ?? "" }));
      setRejecting(undefined);
      setReason("");
      queue.set((queue.data ?? []).filter((x) => x.id !== e.id));
      reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(undefined);
    }
  }

  async function ack(a: Alert) {
    try {
      await client.POST("/budgets/alerts/{id}/acknowledge", { path: { id: a.id } });
      alerts.reload();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }

  const items = queue.data ?? [];
  const allChecked = items.length > 0 && items.every((e) => selected.has(e.id));
  const toggle = (id: string, on: boolean) =>
    setSelected((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });
  // Pending hours of a member that sit above this entry in the queue count as approved before it.
  const ahead = new Map<string, number>();
  const overFlags = new Map<string, boolean>();
  for (const e of items) {
    const b = budgets.data?.get(e.memberId);
    const before = ahead.get(e.memberId) ?? 0;
    if (b) overFlags.set(e.id, b.approved + before + e.hours > b.allotted);
    ahead.set(e.memberId, before + e.hours);
  }
  return (
    <section aria-labelledby="ap-title">
      <h1 id="ap-title">{t("ap.title")}</h1>
      {summary && (
        <div id="ap-summary" tabIndex={-1} className={`alert ${summary.failed.length ? "alert-warn" : "alert-ok"}`} role="status" data-testid="bulk-summary">
          <strong>{t("ap.bulkDone", { ok: summary.approved, failed: summary.failed.length })}</strong>
          {summary.failed.length > 0 && (
            <ul>
              {summary.failed.map((f) => (
                <li key={f.id}>
                  {f.name}: {f.reason}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {items.length > 0 && (
        <div className="actions" style={{ marginBottom: ".75rem" }}>
          <button type="button" className="btn btn-primary" disabled={selected.size === 0 || busy === "bulk"} onClick={() => void approveSelected()}>
            {t("ap.approveSelected", { n: items.filter((e) => selected.has(e.id)).length })}
          </button>
        </div>
      )}
      <ErrorBox error={error} />
      {/* One box for the three loads: an outage fails them all alike. */}
      <ErrorBox
        error={queue.error ?? alerts.error ?? budgets.error}
        onRetry={() => {
          reload();
          budgets.reload();
        }}
      />
      {!queue.data && queue.loading && <Loading />}
      {queue.data && items.length === 0 && <p className="card muted">{t("ap.empty")}</p>}
      {items.length > 0 && (
        <div className="table-wrap">
          <table data-testid="approval-queue">
            <caption className="sr-only">{t("ap.title")}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    type="checkbox"
                    id="ap-all"
                    checked={allChecked}
                    onChange={(ev) => setSelected(ev.target.checked ? new Set(items.map((e) => e.id)) : new Set())}
                    aria-label={t("ap.selectAll")}
                  />
                </th>
                <th scope="col">{t("bt.name")}</th>
                <th scope="col">{t("entry.date")}</th>
                <th scope="col">{t("entry.category")}</th>
                <th scope="col" className="num">
                  {t("entry.hours")}
                </th>
                <th scope="col">{t("ap.budget")}</th>
                <th scope="col">{t("entry.note")}</th>
                <th scope="col">{t("ap.decision")}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id} data-entry-id={e.id} data-member-id={e.memberId}>
                  <td>
                    <input
                      type="checkbox"
                      checked={selected.has(e.id)}
                      onChange={(ev) => toggle(e.id, ev.target.checked)}
                      aria-label={t("ap.select", { name: e.memberName ?? "", hours: num(e.hours, 2), date: date(e.date, false) })}
                    />
                  </td>
                  <th scope="row" style={{ background: "none", fontWeight: 400 }}>
                    {e.memberName ?? e.memberId}
                  </th>
                  <td>{date(e.date, false)}</td>
                  <td>{t(`cat.${e.category}` as Key)}</td>
                  <td className="num">{num(e.hours, 2)}</td>
                  <td data-col="budget">
                    {(() => {
                      const b = budgets.data?.get(e.memberId);
                      if (!b) return "–";
                      return (
                        <>
                          {t("ap.used", { used: num(b.approved, 2), allotted: num(b.allotted, 2), remaining: num(b.remaining, 2) })}
                          {overFlags.get(e.id) && (
                            <>
                              {" "}
                              <span className="badge badge-alert" data-testid="over-budget">
                                {t("ap.wouldExceed")}
                              </span>
                            </>
                          )}
                        </>
                      );
                    })()}
                  </td>
                  <td>
                    {e.note ?? ""}
                    {e.requestId && (
                      <>
                        {" "}
                        <Link to={`/requests/${encodeURIComponent(e.requestId)}`}>{t("ap.request")}</Link>
                      </>
                    )}
                  </td>
                  <td>
                    {rejecting === e.id ? (
                      <form
                        className="inline-form"
                        onSubmit={(ev) => {
                          ev.preventDefault();
                          void decide(e, false);
                        }}
                      >
                        <div className="field">
                          <label htmlFor={`rj-${e.id}`}>{t("ap.reason")}</label>
                          <input id={`rj-${e.id}`} value={reason} onChange={(ev) => setReason(ev.target.value)} required autoFocus />
                        </div>
                        <button type="submit" className="btn btn-danger btn-small" disabled={!reason.trim() || busy === e.id}>
                          {t("ap.reject")}
                        </button>
                        <button type="button" className="btn-link" onClick={() => setRejecting(undefined)}>
                          {t("common.cancel")}
                        </button>
                      </form>
                    ) : (
                      <div className="actions">
                        <button
                          type="button"
                          className="btn btn-primary btn-small"
                          disabled={busy === e.id}
                          onClick={() => void decide(e, true)}
                          aria-label={t("ap.approveLabel", { name: e.memberName ?? "", hours: num(e.hours, 2) })}
                        >
                          {t("ap.approve")}
                        </button>
                        <button
                          type="button"
                          className="btn btn-danger btn-small"
                          onClick={() => setRejecting(e.id)}
                          aria-label={t("ap.rejectLabel", { name: e.memberName ?? "", hours: num(e.hours, 2) })}
                        >
                          {t("ap.reject")}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h2>{t("ap.alerts")}</h2>
      {alerts.data === undefined && !alerts.loading && <p className="muted">{t("common.none")}</p>}
      {alerts.data && alerts.data.length === 0 && <p className="muted">{t("ap.noAlerts")}</p>}
      <ul className="card-list">
        {(alerts.data ?? []).map((a) => (
          <li key={a.id}>
            <div className="row-between">
              <span>
                <strong>{a.memberName ?? a.name ?? a.memberId}</strong>:{" "}
                {a.message ?? t("ap.alertText", { pct: String(a.level ?? a.threshold ?? a.percent ?? "") })}
              </span>
              <button type="button" className="btn btn-secondary btn-small" onClick={() => void ack(a)}>
                {t("ap.ack")}
              </button>
            </div>
            {(a.createdAt ?? a.raisedAt) ? <p className="meta">{date(String(a.createdAt ?? a.raisedAt))}</p> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
