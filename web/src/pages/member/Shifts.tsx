// The member's helpline shifts (Roze in Blauw), signing up for one, and the calendar feed link.
import { useState } from "react";
import { listOf } from "../../api/client";
import type { Shift } from "../../api/types";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/session";
import { useLoad, optional } from "../../lib/useLoad";
import { useSubmit } from "../../lib/useSubmit";
import { createShift } from "../../lib/shifts";
import { ErrorBox, Loading, OkNote } from "../../components/ErrorBox";
import { ShiftTimes } from "../../components/ShiftTimes";
import { CalendarLink } from "../../components/CalendarLink";
import { client } from "../../api/typed-client";

export function Shifts() {
  const { t, date } = useI18n();
  const { me } = useSession();
  const list = useLoad(async () => {
    const from = new Date(Date.now() - 7 * 86400_000).toISOString();
    const to = new Date(Date.now() + 60 * 86400_000).toISOString();
    const r = await optional(client.GET("/helpline/shifts", { query: { memberId: me?.memberId, mine: "1", from, to } }));
    return r === undefined ? undefined : listOf<Shift>(r).filter((s) => !me?.memberId || !s.memberId || s.memberId === me.memberId);
  });
  const isRib = me?.networks?.includes("roze-in-blauw");
  const now = Date.now();
  const shifts = [...(list.data ?? [])].sort((a, b) => a.start.localeCompare(b.start));

  return (
    <section aria-labelledby="sh-title">
      <h1 id="sh-title">{t("sh.title")}</h1>
      <ErrorBox error={list.error} onRetry={list.reload} />
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
                <strong>{date(s.start)}</strong> – {date(s.end)} {onNow && <span className="badge badge-info">{t("sh.now")}</span>}
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
  const { error, ok, submit } = useSubmit(() => createShift(memberId, start, end), onDone);
  return (
    <div className="card" style={{ marginTop: "1rem" }}>
      <h2 style={{ marginTop: 0 }}>{t("sh.signup")}</h2>
      <form className="inline-form" onSubmit={submit} noValidate>
        <ShiftTimes idPrefix="sh" start={start} end={end} onStart={setStart} onEnd={setEnd} error={error} />
        <button type="submit" className="btn btn-primary" disabled={!start || !end}>
          {t("sh.signupSubmit")}
        </button>
      </form>
      <div style={{ marginTop: ".75rem" }}>
        <ErrorBox error={error} inline={["start", "end"]} />
        {ok && <OkNote>{t("common.saved")}</OkNote>}
      </div>
    </div>
  );
}
