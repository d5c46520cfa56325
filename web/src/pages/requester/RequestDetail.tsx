// One request: status (live), pseudonymous candidate cards with reasons, and the assignee once accepted.
import { useState } from "react";
import { api, ApiError, listOf } from "../../api/client";
import type { Candidate, Req } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad, optional } from "../../lib/useLoad";
import { useSession } from "../../lib/session";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { pendingWarnings } from "../../lib/pending-warnings";
import { candidateReasons, languageName } from "../../lib/reasons";
import { useAnnounce } from "../../lib/announce";
import { Link } from "../../lib/router";
import { useEvent } from "../../realtime/socket";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { Badge } from "../../components/Badge";
import { PersonalDataWarning } from "../../components/Warnings";
import { CompleteForm } from "../../components/CompleteForm";

export function RequestDetail({ id }: { id: string }) {
  const { t, date, lang, num } = useI18n();
  const { me } = useSession();
  const ref = useReference();
  const announce = useAnnounce();
  const [warnings] = useState(() => pendingWarnings.take(id));
  const [actionError, setActionError] = useState<ApiError>();
  const req = useLoad(() => api.get<Req>(`/requests/${encodeURIComponent(id)}`), [id]);
  const cands = useLoad(async () => {
    const r = await optional(api.get<unknown>(`/requests/${encodeURIComponent(id)}/candidates`));
    return r === undefined ? undefined : listOf<Candidate>(r);
  }, [id]);

  useEvent<{ id?: string; status?: string }>("request:updated", (p) => {
    if (p?.id && p.id !== id) return;
    const before = req.data?.status;
    req.reload();
    cands.reload();
    if (p?.status && p.status !== before) announce(t("rd.statusNow", { status: t(`status.${p.status}` as never) }));
  });

  const r = req.data;
  if (!r) return req.error ? <ErrorBox error={req.error} /> : <Loading />;
  const isAssignee = !!me?.memberId && (r.assignee?.id === me.memberId || (r as { assigneeMemberId?: string }).assigneeMemberId === me.memberId);
  const canCancel = r.requesterId === me?.id && (r.status === "open" || r.status === "offered");
  const allWarnings = warnings.length ? warnings : [];

  async function cancel() {
    if (!window.confirm(t("rd.cancelConfirm"))) return;
    setActionError(undefined);
    try {
      await api.post(`/requests/${encodeURIComponent(id)}/cancel`);
      req.reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : undefined);
    }
  }

  const offerCounts = (r.offers ?? []).reduce<Record<string, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {});

  return (
    <section aria-labelledby="rd-title">
      <p>
        <Link to="/requests">← {t("rd.back")}</Link>
      </p>
      <div className="row-between">
        <h1 id="rd-title">
          {r.number ? <span className="muted">{r.number} · </span> : null}
          {r.title}
        </h1>
        <span className="actions">
          <Badge kind="urgency" value={r.urgency} />
          <span data-testid="request-status">
            <Badge kind="status" value={r.status} />
          </span>
        </span>
      </div>
      <PersonalDataWarning warnings={allWarnings.length ? allWarnings : (r.warnings ?? [])} />
      <ErrorBox error={actionError} />
      <div className="with-aside">
        <div>
          <div className="card">
            <dl className="grid-2" style={{ margin: 0 }}>
              <div>
                <dt className="muted">{t("nr.field.expertise")}</dt>
                <dd style={{ margin: 0 }}>{r.expertise.map((e) => expertiseLabel(ref, e, lang)).join(", ")}</dd>
              </div>
              <div>
                <dt className="muted">{t("nr.field.unit")}</dt>
                <dd style={{ margin: 0 }}>{unitName(ref, r.unitId)}</dd>
              </div>
              <div>
                <dt className="muted">{t("nr.field.mode")}</dt>
                <dd style={{ margin: 0 }}>{t(`mode.${r.mode}`)}</dd>
              </div>
              <div>
                <dt className="muted">{t("nr.field.hours")}</dt>
                <dd style={{ margin: 0 }}>{num(r.estimatedHours, 2)}</dd>
              </div>
              {r.languages && r.languages.length > 0 && (
                <div>
                  <dt className="muted">{t("nr.field.languages")}</dt>
                  <dd style={{ margin: 0 }}>{r.languages.map((l) => languageName(l, lang)).join(", ")}</dd>
                </div>
              )}
              <div>
                <dt className="muted">{t("rd.created")}</dt>
                <dd style={{ margin: 0 }}>{date(r.createdAt)}</dd>
              </div>
            </dl>
            {r.description && <p style={{ whiteSpace: "pre-wrap" }}>{r.description}</p>}
            {Object.keys(offerCounts).length > 0 && (
              <p className="meta" data-testid="offer-counts">
                {t("rd.offers")}: {Object.entries(offerCounts).map(([s, n]) => `${n} × ${t(`offer.${s}` as never)}`).join(", ")}
              </p>
            )}
            {canCancel && (
              <button type="button" className="btn btn-danger btn-small" onClick={() => void cancel()}>
                {t("rd.cancel")}
              </button>
            )}
          </div>
          {isAssignee && r.status === "accepted" && (
            <div className="card">
              <h2 style={{ marginTop: 0 }}>{t("complete.title")}</h2>
              <CompleteForm requestId={r.id} expertise={r.expertise} onDone={req.reload} />
            </div>
          )}
          <h2>{t("rd.candidates")}</h2>
          <p className="muted">{t("rd.candidatesIntro")}</p>
          {cands.error && <ErrorBox error={cands.error} />}
          {cands.data === undefined && !cands.loading && !cands.error && <p className="muted">{t("rd.noCandidatesApi")}</p>}
          {cands.data && cands.data.length === 0 && <p className="muted">{t("rd.noCandidates")}</p>}
          <ol className="card-list" data-testid="candidates">
            {(cands.data ?? []).map((c, i) => (
              <li key={c.candidateRef}>
                <div className="row-between">
                  <h3>{t("rd.candidate", { n: i + 1 })}</h3>
                  <span className={`badge ${c.available ? "badge-completed" : "badge-cancelled"}`}>{c.available ? t("rd.available") : t("rd.unavailable")}</span>
                </div>
                <p className="meta">
                  <span>{unitName(ref, c.unitId)}</span>
                  <span>
                    {t("rd.score")}: {num(c.score, 2)}
                  </span>
                </p>
                <ul>
                  {candidateReasons(c, { t, lang, ref, num }).map((x, j) => (
                    <li key={j}>{x}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ol>
        </div>
        <aside className="card" aria-labelledby="rd-assignee" aria-live="polite">
          <h2 id="rd-assignee" style={{ marginTop: 0 }}>
            {t("rd.assignee")}
          </h2>
          {r.assignee ? (
            <div data-testid="assignee">
              <p style={{ fontSize: "1.2rem", fontWeight: 700, margin: ".25rem 0" }}>{r.assignee.name}</p>
              <p className="meta">{unitName(ref, r.assignee.unitId)}</p>
              {r.assignee.phone && (
                <p>
                  {t("rd.phone")}: <a href={`tel:${r.assignee.phone}`}>{r.assignee.phone}</a>
                </p>
              )}
              {r.assignee.email && (
                <p>
                  {t("rd.email")}: <a href={`mailto:${r.assignee.email}`}>{r.assignee.email}</a>
                </p>
              )}
            </div>
          ) : (
            <p className="muted">{r.status === "unfilled" ? t("rd.unfilled") : r.status === "cancelled" ? t("status.cancelled") : t("rd.waiting")}</p>
          )}
        </aside>
      </div>
    </section>
  );
}
