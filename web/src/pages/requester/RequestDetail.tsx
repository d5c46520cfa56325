// One request, with a view made for each person (issue 10):
// - requester: status, where the request is on the escalation ladder and when it moves on, "zoek nu landelijk",
//   "annuleren", editing the text while open (privacy check), pseudonymous candidates, the assignee's contact;
// - assignee: the requester's name, unit, phone and e-mail, the question, the completion form; no candidates;
// - coordinator in scope: ladder, candidates, assignee;
// - a member with a pending offer: the offer with its text and accept / decline.
import { useState, type FormEvent } from "react";
import { ApiError, listOf } from "../../api/client";
import type { Candidate, OfferedRequest, Req } from "../../api/types";
import { ESCALATION_STEPS } from "../../../../api/src/contract/values";
import { useI18n, type Key } from "../../i18n";
import { useLoad, optional } from "../../lib/useLoad";
import { useSession } from "../../lib/session";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { pendingWarnings } from "../../lib/pending-warnings";
import { candidateReasons, languageName } from "../../lib/reasons";
import { useAnnounce } from "../../lib/announce";
import { Link } from "../../lib/router";
import { useEvent } from "../../realtime/socket";
import { ErrorBox, Loading, OkNote } from "../../components/ErrorBox";
import { Badge } from "../../components/Badge";
import { PersonalDataWarning } from "../../components/Warnings";
import { CompleteForm } from "../../components/CompleteForm";
import { Deliveries } from "../../components/Deliveries";
import { PrivacyCheck, findingsIn, withoutFinding, type Finding } from "../../components/PrivacyCheck";
import { client } from "../../api/typed-client";

interface Contact {
  name?: string;
  unitId?: string;
  phone?: string;
  email?: string;
}
type FullReq = Req & { requester?: Contact; nextStepAt?: string; escalationStep?: string };

const LADDER = ESCALATION_STEPS.filter((s) => s !== "unfilled");

export function RequestDetail({ id }: { id: string }) {
  const { t, date, lang, num } = useI18n();
  const { me, has } = useSession();
  const ref = useReference();
  const announce = useAnnounce();
  const [warnings] = useState(() => pendingWarnings.take(id));
  const [actionError, setActionError] = useState<ApiError>();
  const [done, setDone] = useState<string>();
  const [editing, setEditing] = useState(false);
  const req = useLoad(() => client.GET("/requests/{id}", { path: { id } }) as Promise<FullReq>, [id]);
  const r = req.data;
  const isRequester = !!r && r.requesterId === me?.id;
  const isAssignee = !!r && !!me?.memberId && r.assignee?.id === me.memberId;
  const showCandidates = !!r && !isAssignee && (isRequester || has("coordinator"));
  const cands = useLoad(async () => {
    if (!showCandidates) return undefined;
    const x = await optional(client.GET("/requests/{id}/candidates", { path: { id } }));
    return x === undefined ? undefined : listOf<Candidate>(x);
  }, [id, showCandidates]);

  useEvent<{ id?: string; status?: string }>("request:updated", (p) => {
    if (p?.id && p.id !== id) return;
    const before = req.data?.status;
    req.reload();
    if (showCandidates) cands.reload();
    if (p?.status && p.status !== before) announce(t("rd.statusNow", { status: t(`status.${p.status}` as Key) }));
  });

  if (!r) {
    // A member who holds a pending offer for this request reads it through the offer.
    if (req.error?.status === 403 && me?.memberId) return <OfferView requestId={id} onAccepted={req.reload} />;
    return req.error ? <ErrorBox error={req.error} onRetry={req.reload} /> : <Loading />;
  }
  const open = r.status === "open" || r.status === "offered";
  const canCancel = (isRequester || has("coordinator")) && open;
  const canEscalate = canCancel && r.escalationStep !== "coordinators";

  async function act(path: "escalate" | "cancel", okKey: Key, confirmKey?: Key) {
    if (confirmKey && !window.confirm(t(confirmKey))) return;
    setActionError(undefined);
    setDone(undefined);
    try {
      if (path === "escalate") await client.POST("/requests/{id}/escalate", { path: { id } });
      else await client.POST("/requests/{id}/cancel", { path: { id } });
      setDone(t(okKey));
      announce(t(okKey));
      req.reload();
    } catch (e) {
      setActionError(e instanceof ApiError ? e : undefined);
    }
  }

  const offerCounts = (r.offers ?? []).reduce<Record<string, number>>((acc, o) => ((acc[o.status] = (acc[o.status] ?? 0) + 1), acc), {});
  const serverWarnings = r.warnings ?? [];

  return (
    <section aria-labelledby="rd-title">
      <p>
        <Link to={isRequester ? "/requests" : isAssignee ? "/engagements" : "/coord"}>
          ← {t(isRequester ? "rd.back" : isAssignee ? "nav.engagements" : "nav.dashboard")}
        </Link>
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
      {isRequester && <PersonalDataWarning warnings={warnings.length ? warnings : serverWarnings} />}
      <ErrorBox error={actionError} />
      {done && <OkNote>{done}</OkNote>}
      {open && (isRequester || has("coordinator")) && <Ladder step={r.escalationStep} nextStepAt={r.nextStepAt} />}
      <div className="with-aside">
        <div>
          <div className="card">
            {editing && isRequester && open ? (
              <EditText
                r={r}
                onDone={(saved) => {
                  setEditing(false);
                  if (saved) {
                    setDone(t("rd.edited"));
                    req.reload();
                  }
                }}
              />
            ) : (
              <>
                <RequestFacts r={r} />
                {r.description && (
                  <p style={{ whiteSpace: "pre-wrap" }} data-testid="request-description">
                    {r.description}
                  </p>
                )}
              </>
            )}
            {Object.keys(offerCounts).length > 0 && !isAssignee && (
              <p className="meta" data-testid="offer-counts">
                {t("rd.offers")}:{" "}
                {Object.entries(offerCounts)
                  .map(([s, n]) => `${n} × ${t(`offer.${s}` as Key)}`)
                  .join(", ")}
              </p>
            )}
            {!editing && (
              <div className="actions">
                {isRequester && open && (
                  <button type="button" className="btn btn-secondary" onClick={() => setEditing(true)}>
                    {t("rd.edit")}
                  </button>
                )}
                {canEscalate && (
                  <button type="button" className="btn btn-primary" onClick={() => void act("escalate", "rd.escalated")}>
                    {!r.escalationStep || r.escalationStep === "local" ? t("rd.escalateNational") : t("rd.escalateNext")}
                  </button>
                )}
                {canCancel && (
                  <button type="button" className="btn btn-danger" onClick={() => void act("cancel", "rd.cancelled", "rd.cancelConfirm")}>
                    {t("rd.cancel")}
                  </button>
                )}
              </div>
            )}
          </div>
          {isAssignee && r.status === "accepted" && (
            <div className="card">
              <h2 style={{ marginTop: 0 }}>{t("complete.title")}</h2>
              <CompleteForm
                requestId={r.id}
                expertise={r.expertise}
                onDone={() => {
                  setDone(t("rd.completed"));
                  announce(t("rd.completed"));
                  req.reload();
                }}
              />
            </div>
          )}
          {showCandidates && (
            <>
              <h2>{t("rd.candidates")}</h2>
              <p className="muted">{t("rd.candidatesIntro")}</p>
              {cands.error && <ErrorBox error={cands.error} onRetry={cands.reload} />}
              {cands.data === undefined && !cands.loading && !cands.error && <p className="muted">{t("rd.noCandidatesApi")}</p>}
              {cands.data && cands.data.length === 0 && <p className="muted">{t("rd.noCandidates")}</p>}
              <ol className="card-list" data-testid="candidates">
                {(cands.data ?? []).map((c, i) => (
                  <li key={c.candidateRef}>
                    <div className="row-between">
                      <h3>{t("rd.candidate", { n: i + 1 })}</h3>
                      <span className={`badge ${c.available ? "badge-ok" : "badge-muted"}`}>{c.available ? t("rd.available") : t("rd.unavailable")}</span>
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
            </>
          )}
          {has("coordinator") && !isAssignee && <Deliveries requestId={id} candidateRefs={(cands.data ?? []).map((c) => c.candidateRef)} />}
        </div>
        {isAssignee ? (
          <aside className="card" aria-labelledby="rd-requester">
            <h2 id="rd-requester" style={{ marginTop: 0 }}>
              {t("rd.requester")}
            </h2>
            {r.requester ? <ContactCard c={r.requester} testid="requester" /> : <p className="muted">{t("common.none")}</p>}
          </aside>
        ) : (
          <aside className="card" aria-labelledby="rd-assignee" aria-live="polite">
            <h2 id="rd-assignee" style={{ marginTop: 0 }}>
              {t(isRequester ? "rd.assignee" : "rd.assigneeOther")}
            </h2>
            {r.assignee ? (
              <ContactCard c={r.assignee} testid="assignee" />
            ) : (
              <p className="muted">{r.status === "unfilled" ? t("rd.unfilled") : r.status === "cancelled" ? t("status.cancelled") : t("rd.waiting")}</p>
            )}
          </aside>
        )}
      </div>
    </section>
  );

  function RequestFacts({ r }: { r: Req }) {
    return (
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
          <dd style={{ margin: 0 }}>{t(`mode.${r.mode}` as Key)}</dd>
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
    );
  }
}

function ContactCard({ c, testid }: { c: Contact; testid: string }) {
  const { t } = useI18n();
  const ref = useReference();
  return (
    <div data-testid={testid}>
      <p style={{ fontSize: "1.2rem", fontWeight: 700, margin: ".25rem 0" }}>{c.name}</p>
      {c.unitId && <p className="meta">{unitName(ref, c.unitId)}</p>}
      {c.phone && (
        <p>
          {t("rd.phone")}: <a href={`tel:${c.phone.replace(/[^\d+]/g, "")}`}>{c.phone}</a>
        </p>
      )}
      {c.email && (
        <p>
          {t("rd.email")}: <a href={`mailto:${c.email}`}>{c.email}</a>
        </p>
      )}
    </div>
  );
}

/** local → national → pool → coordinators, the current step marked, with the time of the next step. */
function Ladder({ step, nextStepAt }: { step?: string; nextStepAt?: string }) {
  const { t, date } = useI18n();
  const at = LADDER.indexOf((step ?? "local") as (typeof LADDER)[number]);
  return (
    <nav className="card ladder" aria-label={t("rd.ladder")} data-testid="ladder">
      <ol>
        {LADDER.map((s, i) => (
          <li key={s} className={i < at ? "done" : i === at ? "current" : undefined} aria-current={i === at ? "step" : undefined}>
            {t(`ladder.${s}` as Key)}
          </li>
        ))}
      </ol>
      {nextStepAt && at < LADDER.length - 1 && (
        <p className="meta" data-testid="next-step">
          {t("rd.nextStep", { step: t(`ladder.${LADDER[at + 1]}` as Key), at: date(nextStepAt) })}
        </p>
      )}
      {step === "coordinators" && <p className="meta">{t("rd.atCoordinators")}</p>}
    </nav>
  );
}

/** The requester changes title and description while the request is open, with the privacy check. */
function EditText({ r, onDone }: { r: Req; onDone(saved: boolean): void }) {
  const { t } = useI18n();
  const [title, setTitle] = useState(r.title);
  const [description, setDescription] = useState(r.description ?? "");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const findings = findingsIn({ title, description });
  function remove(f: Finding) {
    if (f.field === "title") setTitle((v) => withoutFinding(v, f));
    else setDescription((v) => withoutFinding(v, f));
  }
  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await client.PATCH("/requests/{id}", { path: { id: r.id }, body: { title: title.trim(), description: description.trim() } });
      onDone(true);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }
  return (
    <form onSubmit={save} noValidate aria-label={t("rd.edit")}>
      <div className="field">
        <label htmlFor="rd-edit-title">{t("nr.field.title")}</label>
        <input id="rd-edit-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="rd-edit-description">{t("nr.field.description")}</label>
        <textarea id="rd-edit-description" value={description} onChange={(e) => setDescription(e.target.value)} rows={5} />
      </div>
      <PrivacyCheck id="rd-privacy" findings={findings} onRemove={remove} />
      <ErrorBox error={error} />
      <div className="actions">
        <button type="submit" className="btn btn-primary" disabled={busy}>
          {t("rd.save")}
        </button>
        <button type="button" className="btn btn-secondary" onClick={() => onDone(false)}>
          {t("common.cancel")}
        </button>
      </div>
    </form>
  );
}

/** A member with a pending offer for this request: what is asked, and accept / decline. */
function OfferView({ requestId, onAccepted }: { requestId: string; onAccepted(): void }) {
  const { t, num, date, lang } = useI18n();
  const ref = useReference();
  const [error, setError] = useState<ApiError>();
  const offer = useLoad(
    async () =>
      (await client.GET("/offers", { query: { status: "pending", limit: 200 } })).data.find((o) => (o.requestId ?? o.request?.id) === requestId) ?? null,
    [requestId],
  );
  if (offer.data === undefined) return offer.error ? <ErrorBox error={offer.error} /> : <Loading />;
  if (!offer.data) return <p className="card muted">{t("rd.noAccess")}</p>;
  const o = offer.data;
  const q: Partial<OfferedRequest> = o.request ?? {};
  async function respond(accept: boolean) {
    setError(undefined);
    try {
      await client.POST(accept ? "/offers/{id}/accept" : "/offers/{id}/decline", { path: { id: o.id }, body: {} });
      if (accept) onAccepted();
      else offer.reload();
    } catch (e) {
      setError(e instanceof ApiError ? e : undefined);
    }
  }
  return (
    <section aria-labelledby="rd-offer-title">
      <p>
        <Link to="/offers">← {t("nav.offers")}</Link>
      </p>
      <h1 id="rd-offer-title">
        {q.number ? <span className="muted">{q.number} · </span> : null}
        {q.title}
      </h1>
      <div className="card" data-testid="offer-view">
        <p className="meta">
          <span>{unitName(ref, q.unitId ?? "")}</span>
          <span>{(q.expertise ?? []).map((e) => expertiseLabel(ref, e, lang)).join(", ")}</span>
          <span>{t("offers.hours", { n: num(Number(q.estimatedHours ?? 0), 2) })}</span>
          {o.expiresAt && <span>{t("offers.expires", { at: date(o.expiresAt) })}</span>}
        </p>
        {q.description && <p style={{ whiteSpace: "pre-wrap" }}>{q.description}</p>}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="button" className="btn btn-primary" onClick={() => void respond(true)}>
            {t("offers.accept")}
          </button>
          <button type="button" className="btn btn-secondary" onClick={() => void respond(false)}>
            {t("offers.decline")}
          </button>
        </div>
      </div>
    </section>
  );
}
