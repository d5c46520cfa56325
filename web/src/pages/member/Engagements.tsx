// Requests this member accepted: open ones can be completed with hours and a knowledge note.
import { useState } from "react";
import type { OfferedRequest } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useAnnounce } from "../../lib/announce";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { Link } from "../../lib/router";
import { useLiveReload } from "../../realtime/socket";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { Badge } from "../../components/Badge";
import { CompleteForm } from "../../components/CompleteForm";
import { client } from "../../api/typed-client";

export function Engagements() {
  const { t, lang, num, date } = useI18n();
  const ref = useReference();
  const announce = useAnnounce();
  const [done, setDone] = useState<string>();
  const list = useLoad(async () => (await client.GET("/offers", { query: { status: "accepted", limit: 100 } })).data);
  useLiveReload(["request:updated", "offer:withdrawn"], list.reload);

  const items = list.data ?? [];
  const open = items.filter((o) => (o.request?.status ?? "accepted") === "accepted");
  const past = items.filter((o) => o.request?.status && o.request.status !== "accepted");

  return (
    <section aria-labelledby="eng-title">
      <h1 id="eng-title">{t("eng.title")}</h1>
      {done && (
        <div className="alert alert-ok" role="status">
          {t("eng.completed")}
        </div>
      )}
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      <h2>{t("eng.open")}</h2>
      {list.data && open.length === 0 && <p className="muted">{t("eng.noneOpen")}</p>}
      <ul className="card-list" data-testid="engagements-open">
        {open.map((o) => {
          const r: Partial<OfferedRequest> = o.request ?? {};
          const rid = r.id ?? o.requestId ?? "";
          return (
            <li key={o.id} data-request-id={rid}>
              <div className="row-between">
                <h3>
                  <Link to={`/requests/${encodeURIComponent(rid)}`}>
                    {r.number ? `${r.number} · ` : ""}
                    {r.title}
                  </Link>
                </h3>
                {r.urgency && <Badge kind="urgency" value={r.urgency} />}
              </div>
              <p className="meta">
                <span>{unitName(ref, r.unitId)}</span>
                {r.mode && <span>{t(`mode.${r.mode}`)}</span>}
                {r.estimatedHours !== undefined && <span>{t("offers.hours", { n: num(r.estimatedHours, 2) })}</span>}
                <span>{(r.expertise ?? []).map((e) => expertiseLabel(ref, e, lang)).join(", ")}</span>
              </p>
              <details>
                <summary className="btn btn-secondary btn-small">{t("complete.title")}</summary>
                <div style={{ marginTop: ".75rem" }}>
                  <CompleteForm
                    requestId={rid}
                    expertise={r.expertise ?? []}
                    onDone={() => {
                      setDone(rid);
                      announce(t("eng.completed"));
                      list.reload();
                    }}
                  />
                </div>
              </details>
            </li>
          );
        })}
      </ul>
      <h2>{t("eng.past")}</h2>
      {list.data && past.length === 0 && <p className="muted">{t("common.none")}</p>}
      <ul className="card-list">
        {past.map((o) => {
          const r: Partial<OfferedRequest> = o.request ?? {};
          return (
            <li key={o.id}>
              <div className="row-between">
                <span>
                  {r.number ? `${r.number} · ` : ""}
                  {r.title}
                </span>
                {r.status && <Badge kind="status" value={r.status} />}
              </div>
              <p className="meta">{date(o.createdAt)}</p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
