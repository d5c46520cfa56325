// Coordinator overview: open and unfilled requests in scope, median time to acceptance and unmet
// demand by expertise. The figures come from GET /requests/summary (computed on the server); the list
// uses the request rows only. Reading request details here would write an audit event per request.
import { useState } from "react";
import { ESCALATION_STEPS } from "../../../../api/src/contract/values";
import { useI18n, type Key } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { Link } from "../../lib/router";
import { useLiveReload } from "../../realtime/socket";
import { formatDuration } from "../../lib/stats";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { RequestBadges } from "../../components/Badge";
import { client } from "../../api/typed-client";

const STEPS = new Set<string>(ESCALATION_STEPS);

export function Dashboard() {
  const { t, lang, date } = useI18n();
  const ref = useReference();
  const [filter, setFilter] = useState<"open" | "unfilled" | "all">("open");
  const list = useLoad(async () => (await client.GET("/requests", { query: { limit: 500 } })).data);
  const summary = useLoad(() => client.GET("/requests/summary"));
  useLiveReload(["request:updated", "coordinator:alert"], () => {
    list.reload();
    summary.reload();
  });

  const all = list.data ?? [];
  const sum = summary.data;
  const figures = {
    open: sum ? sum.byStatus.open + sum.byStatus.offered : undefined,
    unfilled: sum?.byStatus.unfilled,
    accepted: sum?.byStatus.accepted,
    median: sum?.acceptance.medianMinutes ?? undefined,
    unmet: (sum?.unmetByExpertise ?? []).slice(0, 10),
  };
  const show = (n: number | undefined) => (n === undefined ? "–" : String(n));
  const stepLabel = (step: string) => (STEPS.has(step) ? t(`step.${step}` as Key) : step);

  const shown = all
    .filter((r) => (filter === "all" ? true : filter === "open" ? r.status === "open" || r.status === "offered" : r.status === "unfilled"))
    // ui-views: stuck requests first (at the coordinators' step, then unfilled), newest first within each.
    .sort((a, b) => stuck(b) - stuck(a) || String(b.createdAt ?? "").localeCompare(String(a.createdAt ?? "")));

  return (
    <section aria-labelledby="db-title">
      {all.some((r) => stuck(r) === 2) && (
        <p className="alert alert-warn" role="status" data-testid="stuck-note">
          {t("db.stuck", { n: all.filter((r) => stuck(r) === 2).length })}
        </p>
      )}
      <h1 id="db-title">{t("db.title")}</h1>
      <ErrorBox error={list.error ?? summary.error} />
      {!list.data && list.loading && <Loading />}
      <div className="kpis" data-testid="kpis">
        <div className="kpi">
          <span className="value">{show(figures.open)}</span>
          <span className="label">{t("db.open")}</span>
        </div>
        <div className="kpi">
          <span className="value">{show(figures.unfilled)}</span>
          <span className="label">{t("db.unfilled")}</span>
        </div>
        <div className="kpi">
          <span className="value">{show(figures.accepted)}</span>
          <span className="label">{t("db.accepted")}</span>
        </div>
        <div className="kpi">
          <span className="value">{figures.median === undefined ? "–" : formatDuration(figures.median * 60_000, lang)}</span>
          <span className="label">{t("db.median")}</span>
          <span className="muted" style={{ display: "block", fontSize: ".8rem" }}>
            {sum && sum.acceptance.count === 0
              ? t("db.medianNone", { days: sum.acceptance.windowDays })
              : t("db.medianWindow", { days: sum?.acceptance.windowDays ?? 90 })}
          </span>
        </div>
      </div>
      <div className="with-aside">
        <div>
          <div className="row-between">
            <h2 style={{ marginTop: 0 }}>{t("db.requests")}</h2>
            <div className="field" style={{ flexDirection: "row", alignItems: "center", margin: 0 }}>
              <label htmlFor="db-filter">{t("db.show")}</label>
              <select id="db-filter" value={filter} onChange={(e) => setFilter(e.target.value as typeof filter)}>
                <option value="open">{t("db.filterOpen")}</option>
                <option value="unfilled">{t("db.filterUnfilled")}</option>
                <option value="all">{t("common.all")}</option>
              </select>
            </div>
          </div>
          {list.data && shown.length === 0 && <p className="muted">{t("db.none")}</p>}
          <ul className="card-list" data-testid="coord-requests">
            {shown.slice(0, 100).map((r) => (
              <li key={r.id}>
                <div className="row-between">
                  <Link to={`/requests/${encodeURIComponent(r.id)}`}>
                    {r.number ? `${r.number} · ` : ""}
                    {r.title}
                  </Link>
                  <span className="actions">
                    {stuck(r) === 2 && (
                      <span className="badge badge-alert" data-testid="stuck-badge">
                        {t("db.stuckBadge")}
                      </span>
                    )}
                    <RequestBadges urgency={r.urgency} status={r.status} />
                  </span>
                </div>
                <p className="meta">
                  <span>{unitName(ref, r.unitId)}</span>
                  <span>{date(r.createdAt)}</span>
                  {r.escalationStep ? <span>{t("db.step", { step: stepLabel(String(r.escalationStep)) })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("db.unmet")}</h2>
          <p className="muted">{t("db.unmetIntro")}</p>
          {!sum ? null : figures.unmet.length === 0 ? (
            <p className="muted">{t("db.noUnmet")}</p>
          ) : (
            // A list with bars rather than the SVG chart: the aside is narrow and chart text would shrink unreadably.
            <ol className="unmet-list" data-testid="unmet">
              {figures.unmet.map((d) => (
                <li key={d.expertiseId}>
                  <span className="row-between">
                    <span>{expertiseLabel(ref, d.expertiseId, lang)}</span>
                    <strong>{d.requests}</strong>
                  </span>
                  <span className="unmet-bar" aria-hidden="true" style={{ width: `${(100 * d.requests) / figures.unmet[0]!.requests}%` }} />
                </li>
              ))}
            </ol>
          )}
        </div>
      </div>
    </section>
  );
}

/** How stuck a request is: 2 = open at the coordinators' step (nobody accepted), 1 = unfilled, 0 = moving. */
function stuck(r: { status: string; escalationStep?: unknown }): number {
  if ((r.status === "open" || r.status === "offered") && r.escalationStep === "coordinators") return 2;
  return r.status === "unfilled" ? 1 : 0;
}
