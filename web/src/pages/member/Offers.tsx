// The member's inbox: offers appear and disappear live (offer:new / offer:withdrawn).
import { useEffect, useRef, useState } from "react";
import { ApiError } from "../../api/client";
import type { Offer, OfferedRequest } from "../../api/types";
import { useI18n } from "../../i18n";
import { useLoad } from "../../lib/useLoad";
import { useAnnounce } from "../../lib/announce";
import { useReference, unitName, expertiseLabel } from "../../lib/reference";
import { languageName } from "../../lib/reasons";
import { Link } from "../../lib/router";
import { useEvent, useLiveReload } from "../../realtime/socket";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { Badge } from "../../components/Badge";
import { problemText } from "../../lib/problems";
import { useOnline } from "../../lib/online";
import { client } from "../../api/typed-client";

/** `focusId`: the offer a notification opened; it is scrolled to and marked, or said to be gone. */
export function Offers({ focusId }: { focusId?: string } = {}) {
  const { t, date, lang, num } = useI18n();
  const ref = useReference();
  const announce = useAnnounce();
  const [fresh, setFresh] = useState<Set<string>>(new Set());
  const [result, setResult] = useState<{ kind: "ok" | "err"; text: string; requestId?: string }>();
  const [busy, setBusy] = useState<string>();
  const [declining, setDeclining] = useState<string>();
  const [reason, setReason] = useState("");
  const list = useLoad(async () => (await client.GET("/offers", { query: { status: "pending", limit: 50 } })).data);
  const online = useOnline(); // offline: the answer buttons wait (the banner says why)
  // After Accept/Decline, focus moves to the confirmation so keyboard users need not find their way back.
  const resultBox = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (result) resultBox.current?.focus();
  }, [result]);
  const focused = useRef<HTMLLIElement>(null);
  const focusFound = !!focusId && !!list.data?.some((o) => o.id === focusId);
  useEffect(() => {
    if (focusFound) focused.current?.scrollIntoView({ block: "start" });
  }, [focusFound]);

  useEvent<{ id?: string; offerId?: string; request?: { title?: string } }>("offer:new", (p) => {
    const id = p?.id ?? p?.offerId;
    if (id) setFresh((s) => new Set(s).add(id));
    announce(t("offers.newAnnounce", { title: p?.request?.title ?? "" }));
    list.reload();
  });
  useEvent("offer:withdrawn", () => {
    announce(t("offers.withdrawnAnnounce"));
    list.reload();
  });
  useLiveReload(["request:updated"], list.reload); // refetch after a reconnect, and when a request's text changed

  async function accept(o: Offer) {
    setBusy(o.id);
    setResult(undefined);
    try {
      await client.POST("/offers/{id}/accept", { path: { id: o.id } });
      setResult({ kind: "ok", text: t("offers.accepted"), requestId: o.requestId ?? o.request?.id });
      announce(t("offers.accepted"));
    } catch (e) {
      const err = e instanceof ApiError ? e : undefined;
      setResult({
        kind: "err",
        text: err
          ? err.problem.code === "offer_taken" || (err.status === 409 && !err.problem.code)
            ? t("offers.taken")
            : problemText(t, lang, err.problem)
          : String(e),
      });
    } finally {
      setBusy(undefined);
      list.reload();
    }
  }

  async function decline(o: Offer) {
    setBusy(o.id);
    try {
      await client.POST("/offers/{id}/decline", { path: { id: o.id }, body: reason.trim() ? { reason: reason.trim() } : {} });
      setResult({ kind: "ok", text: t("offers.declined") });
      setDeclining(undefined);
      setReason("");
    } catch (e) {
      setResult({ kind: "err", text: e instanceof ApiError ? problemText(t, lang, e.problem) : String(e) });
    } finally {
      setBusy(undefined);
      list.reload();
    }
  }

  const offers = list.data ?? [];
  return (
    <section aria-labelledby="offers-title">
      <h1 id="offers-title">{t("offers.title")}</h1>
      <p className="muted">{t("offers.intro")}</p>
      {result && (
        <div
          ref={resultBox}
          tabIndex={-1}
          data-testid="offer-result"
          className={`alert ${result.kind === "ok" ? "alert-ok" : "alert-error"}`}
          role={result.kind === "ok" ? "status" : "alert"}
        >
          {result.text} {result.requestId && <Link to={`/requests/${encodeURIComponent(result.requestId)}`}>{t("offers.openRequest")}</Link>}
        </div>
      )}
      {focusId && list.data && !focusFound && !result && (
        <div className="alert alert-info" role="status" data-testid="offer-gone">
          {t("offers.focusGone")} <Link to="/offers">{t("offers.allOffers")}</Link>
        </div>
      )}
      <ErrorBox error={list.error} />
      {!list.data && list.loading && <Loading />}
      {list.data && offers.length === 0 && <p className="card muted">{t("offers.empty")}</p>}
      <ul className="card-list" data-testid="offers" aria-live="polite" aria-relevant="additions">
        {offers.map((o) => {
          const r: Partial<OfferedRequest> = o.request ?? {};
          return (
            <li
              key={o.id}
              ref={o.id === focusId ? focused : undefined}
              data-offer-id={o.id}
              data-focused={o.id === focusId ? "true" : undefined}
              className={[fresh.has(o.id) ? "fresh" : "", o.id === focusId ? "focused" : ""].filter(Boolean).join(" ") || undefined}
            >
              <div className="row-between">
                <h2 style={{ margin: 0, fontSize: "1.1rem" }}>
                  {r.number ? <span className="muted">{r.number} · </span> : null}
                  {r.title ?? t("offers.untitled")}
                </h2>
                {r.urgency && <Badge kind="urgency" value={r.urgency} />}
              </div>
              <p className="meta">
                {r.unitId && <span>{unitName(ref, r.unitId)}</span>}
                {r.mode && <span>{t(`mode.${r.mode}`)}</span>}
                {r.estimatedHours !== undefined && <span>{t("offers.hours", { n: num(r.estimatedHours, 2) })}</span>}
                {o.expiresAt && <span>{t("offers.expires", { at: date(o.expiresAt) })}</span>}
              </p>
              {r.description && (
                <p className="offer-text" style={{ whiteSpace: "pre-wrap", margin: ".25rem 0" }} data-testid="offer-description">
                  {r.description}
                </p>
              )}
              {r.expertise && <p style={{ margin: ".25rem 0" }}>{r.expertise.map((e) => expertiseLabel(ref, e, lang)).join(", ")}</p>}
              {r.languages && r.languages.length > 0 && (
                <p className="meta">{t("offers.languages", { list: r.languages.map((l) => languageName(l, lang)).join(", ") })}</p>
              )}
              <div className="actions" style={{ marginTop: ".5rem" }}>
                <button
                  type="button"
                  className="btn btn-primary"
                  disabled={busy === o.id || !online}
                  onClick={() => void accept(o)}
                  aria-label={t("offers.acceptLabel", { title: r.title ?? "" })}
                >
                  {t("offers.accept")}
                </button>
                {declining === o.id ? (
                  <form
                    className="inline-form"
                    onSubmit={(e) => {
                      e.preventDefault();
                      void decline(o);
                    }}
                  >
                    <div className="field">
                      <label htmlFor={`reason-${o.id}`}>{t("offers.reason")}</label>
                      <input id={`reason-${o.id}`} value={reason} onChange={(e) => setReason(e.target.value)} autoFocus />
                    </div>
                    <button type="submit" className="btn btn-secondary" disabled={busy === o.id || !online}>
                      {t("offers.confirmDecline")}
                    </button>
                    <button type="button" className="btn-link" onClick={() => setDeclining(undefined)}>
                      {t("common.cancel")}
                    </button>
                  </form>
                ) : (
                  <button
                    type="button"
                    className="btn btn-secondary"
                    onClick={() => setDeclining(o.id)}
                    aria-label={t("offers.declineLabel", { title: r.title ?? "" })}
                  >
                    {t("offers.decline")}
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
