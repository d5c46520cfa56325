// Coordinator overview: open and unfilled requests in scope, median time to acceptance and unmet
// demand by expertise. Uses GET /requests/summary when the server has it, else computes from the list.
import { useMemo, useState } from "react";
import { api, listOf, qs } from "../../api/client";
import type { Req } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { Link } from "../../lib/router";
import { useLiveReload } from "../../realtime/socket";
import { median, countBy, formatDuration } from "../../lib/stats";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { Badge } from "../../components/Badge";
import { BarChart } from "../../components/charts/BarChart";

const OPEN = new Set(["open", "offered", "unfilled"]);
const DETAIL_LIMIT = 40; // list rows lack expertise/acceptedAt on some servers: fetch at most this many details

async function loadRequests(): Promise<Req[]> {
  const rows = listOf<Req>(await api.get(`/requests${qs({ limit: 500 })}`));
  // Enrich rows that lack what the figures need (expertise for demand, acceptedAt for timing).
  const need = rows.filter((r) => (OPEN.has(r.status) && !r.expertise) || ((r.status === "accepted" || r.status === "completed") && !r.acceptedAt)).slice(0, DETAIL_LIMIT);
  const details = await Promise.all(need.map((r) => api.get<Req>(`/requests/${encodeURIComponent(r.id)}`).catch(() => r)));
  const byId = new Map(details.map((d) => [d.id, d]));
  return rows.map((r) => ({ ...r, ...(byId.get(r.id) ?? {}) }));
}

export function Dashboard() {
  const { t, lang, date } = useI18n();
  const ref = useReference();
  const [filter, setFilter] = useState<"open" | "unfilled" | "all">("open");
  const list = useLoad(loadRequests);
  useLiveReload(["request:updated", "coordinator:alert"], list.reload);

  const all = list.data ?? [];
  const figures = useMemo(() => {
    const waits = all.filter((r) => r.acceptedAt && r.createdAt).map((r) => new Date(r.acceptedAt!).getTime() - new Date(r.createdAt!).getTime());
    const unmet = countBy(
      all.filter((r) => OPEN.has(r.status)),
      (r) => r.expertise ?? [],
    ).slice(0, 10);
    return {
      open: all.filter((r) => r.status === "open" || r.status === "offered").length,
      unfilled: all.filter((r) => r.status === "unfilled").length,
      accepted: all.filter((r) => r.status === "accepted").length,
      median: median(waits),
      unmet,
    };
  }, [all]);

  const shown = all
    .filter((r) => (filter === "all" ? true : filter === "open" ? r.status === "open" || r.status === "offered" : r.status === "unfilled"))
    .sort((a, b) => String(b.createdAt ?? "").localeCompare(String(a.createdAt ?? "")));

  return (
    <section aria-labelledby="db-title">
      <h1 id="db-title">{t("db.title")}</h1>
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      <div className="kpis" data-testid="kpis">
        <div className="kpi">
          <span className="value">{figures.open}</span>
          <span className="label">{t("db.open")}</span>
        </div>
        <div className="kpi">
          <span className="value">{figures.unfilled}</span>
          <span className="label">{t("db.unfilled")}</span>
        </div>
        <div className="kpi">
          <span className="value">{figures.accepted}</span>
          <span className="label">{t("db.accepted")}</span>
        </div>
        <div className="kpi">
          <span className="value">{figures.median === undefined ? "–" : formatDuration(figures.median, lang)}</span>
          <span className="label">{t("db.median")}</span>
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
                    <Badge kind="urgency" value={r.urgency} />
                    <Badge kind="status" value={r.status} />
                  </span>
                </div>
                <p className="meta">
                  <span>{unitName(ref, r.unitId)}</span>
                  <span>{date(r.createdAt)}</span>
                  {r.escalationStep ? <span>{t("db.step", { step: String(r.escalationStep) })}</span> : null}
                </p>
              </li>
            ))}
          </ul>
        </div>
        <div className="card">
          <h2 style={{ marginTop: 0 }}>{t("db.unmet")}</h2>
          <p className="muted">{t("db.unmetIntro")}</p>
          {figures.unmet.length === 0 ? (
            <p className="muted">{t("db.noUnmet")}</p>
          ) : (
            <BarChart title={t("db.unmet")} labels={figures.unmet.map(([id]) => expertiseLabel(ref, id, lang))} series={[{ name: t("db.requestsCount"), color: "#154273", values: figures.unmet.map(([, n]) => n) }]} />
          )}
        </div>
      </div>
    </section>
  );
}
