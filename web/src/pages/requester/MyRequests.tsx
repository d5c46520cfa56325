// The requester's own requests, with status kept live by request:updated.
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { Link } from "../../lib/router";
import { useLiveReload } from "../../realtime/socket";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { RequestBadges } from "../../components/Badge";
import { client } from "../../api/typed-client";

export function MyRequests() {
  const { t, date, lang } = useI18n();
  const ref = useReference();
  const list = useLoad(async () => (await client.GET("/requests", { query: { mine: "1", limit: 100 } })).data);
  useLiveReload(["request:updated"], list.reload);
  const rows = [...(list.data ?? [])].sort((a, b) => String(b.createdAt ?? "").localeCompare(String(a.createdAt ?? "")));
  return (
    <section aria-labelledby="mr-title">
      <div className="row-between">
        <h1 id="mr-title">{t("mr.title")}</h1>
        <Link to="/requests/new" className="btn btn-primary">
          {t("nav.newRequest")}
        </Link>
      </div>
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      {list.data && rows.length === 0 && <p className="muted">{t("mr.empty")}</p>}
      <ul className="card-list" data-testid="my-requests">
        {rows.map((r) => (
          <li key={r.id} data-request-id={r.id}>
            <div className="row-between">
              <h2 style={{ margin: 0, fontSize: "1.1rem" }}>
                <Link to={`/requests/${encodeURIComponent(r.id)}`}>
                  {r.number ? (
                    <span className="muted" data-testid="request-number">
                      {r.number} ·{" "}
                    </span>
                  ) : null}
                  {r.title}
                </Link>
              </h2>
              <RequestBadges urgency={r.urgency} status={r.status} />
            </div>
            <p className="meta">
              <span>{unitName(ref, r.unitId)}</span>
              <span>{(r.expertise ?? []).map((e) => expertiseLabel(ref, e, lang)).join(", ")}</span>
              <span>{date(r.createdAt)}</span>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
