// The member's helpline shifts (Roze in Blauw), signing up for one, and the calendar feed link.
import { useState, type FormEvent } from "react";
import { api, ApiError, listOf, qs } from "../../api/client";
import type { Shift } from "../../api/types";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/session";
import { useLoad, optional } from "../../lib/useLoad";
import { ErrorBox, Loading } from "../../components/ErrorBox";
import { CalendarLink } from "../../components/CalendarLink";

export function Shifts() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const list = useLoad(async () => {
    const from = new Date(Date.now() - 7 * 86400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86400_000).toISOString();
    const r = await optional(api.get<unknown>(`/helpline/shifts${qs({ memberId: me?.memberId, mine: 1, from, to })}`));
    return r === undefined ? undefined : listOf<Shift>(r).filter((s) => !me?.memberId || !s.memberId || s.memberId === me.memberId);
  });
  const isRib = me?.networks?.includes("roze-in-blauw");
  const now = Date.now();
  const shifts = [...(list.data ?? [])].sort((a, b) => a.start.localeCompare(b.start));

  return (
    <section aria-labelledby="sh-title">
      <h1 id="sh-title">{t("sh.title")}</h1>
      <ErrorBox error={list.error} />
      {list.loading && !list.data && <Loading />}
      {!list.loading && list.data === undefined && !list.error && <p className="muted">{t("sh.unavailable")}</p>}
      {list.data && shifts.length === 0 && <p className="muted">{t("sh.none")}</p>}
      {shifts.length > 0 && (
        <ul className="card-list" data-testid="shifts">
          {shifts.map((s) => {
            const past = new Date(s.end).getTime() < now;
            const onNow = new Date(s.start).getTime() <= now && !past;
            return (
              <li key={s.id} style={past ? { opacity: 0.75 } : undefined}>
                <strong>{date(s.start)}</strong> – {date(s.end)} {onNow && <span className="badge badge-accepted">{t("sh.now")}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {isRib && me?.memberId && <SignUp memberId={me.memberId} onDone={list.reload} />}
      <CalendarLink />
    </section>
  );
}

function SignUp({ memberId, onDone }: { memberId: string; onDone(): void }) {
  const { t } = useI18n();
  const [start, setStart] = useState("");
  const [end, setEnd] = useState("");
  const [error, setError] = useState<ApiError>();
  const [ok, setOk] = useState(false);
  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(undefined);
    setOk(false);
    try {
      await api.post("/helpline/shifts", { memberId, start: new Date(start).toISOString(), end: new Date(end).toISOString() });
      setOk(true);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    }
  }
  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <h2 style={{ marginTop: 0 }}>{t("sh.signup")}</h2>
      <form className="inline-form" onSubmit={submit}>
        <div className="field">
          <label htmlFor="sh-start">{t("sh.start")}</label>
          <input id="sh-start" type="datetime-local" value={start} onChange={(e) => setStart(e.target.value)} required />
        </div>
        <div className="field">
          <label htmlFor="sh-end">{t("sh.end")}</label>
          <input id="sh-end" type="datetime-local" value={end} onChange={(e) => setEnd(e.target.value)} required />
        </div>
        <button type="submit" className="btn btn-primary" disabled={!start || !end}>
          {t("sh.signupSubmit")}
        </button>
      </form>
      <div style={{ marginTop: ".75rem" }}>
        <ErrorBox error={error} />
        {ok && (
          <p className="alert alert-ok" role="status">
            {t("common.saved")}
          </p>
        )}
      </div>
    </div>
  );
}
