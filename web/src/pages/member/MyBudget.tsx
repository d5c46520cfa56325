// The member's service-time budget for the year, their time entries, and logging other NDV work.
import { useRef, useState, type FormEvent } from "react";
import { listOf } from "../../api/client";
import type { TimeEntry } from "../../api/types";
import { TIME_CATEGORIES, type TimeCategory } from "../../../../api/src/contract/values";
import { useI18n } from "../../i18n";
import { useLoad, optional } from "../../lib/useLoad";
import { useSubmit } from "../../lib/useSubmit";
import { useLiveReload } from "../../realtime/socket";
import { ErrorBox, Loading, OkNote, Unavailable } from "../../components/ErrorBox";
import { BudgetBar } from "../../components/BudgetBar";
import { TimeEntriesTable } from "../../components/TimeEntriesTable";
import { DateField, DecimalField, FieldErrors } from "../../components/Inputs";
import { formatDate } from "../../lib/format";
import { parseDate, parseDecimal } from "../../lib/parse";
import { errorsFor, useFocusInvalid, useFocusOnError } from "../../lib/problems";
import { client } from "../../api/typed-client";

export function MyBudget() {
  const { t, num } = useI18n();
  const year = new Date().getFullYear();
  const budget = useLoad(() => optional(client.GET("/budgets/me", { query: { year } })));
  const entries = useLoad(async () => {
    const r = await optional(client.GET("/time-entries", { query: { mine: "1", year, limit: 100 } }));
    return r === undefined ? undefined : listOf<TimeEntry>(r);
  });
  const reload = () => {
    budget.reload();
    entries.reload();
  };
  useLiveReload(["budget:alert", "request:updated"], reload);

  const b = budget.data;
  return (
    <section aria-labelledby="mb-title">
      <h1 id="mb-title">{t("mb.title", { year })}</h1>
      <ErrorBox error={budget.error} onRetry={budget.reload} />
      {budget.loading && !b && <Loading />}
      {!budget.loading && !b && !budget.error && <Unavailable />}
      {b && (
        <div className="card" data-testid="my-budget">
          <div className="kpis">
            <Kpi label={t("budget.allotted")} value={num(b.allotted)} />
            <Kpi label={t("budget.approved")} value={num(b.approved)} />
            <Kpi label={t("budget.pending")} value={num(b.pending)} />
            <Kpi label={t("budget.committed")} value={num(b.committed)} />
            <Kpi label={t("budget.remaining")} value={num(b.remaining)} />
          </div>
          <BudgetBar b={b} />
        </div>
      )}
      <LogTime onLogged={reload} />
      <h2>{t("mb.entries")}</h2>
      <ErrorBox error={entries.error} onRetry={entries.reload} />
      {entries.data && entries.data.length === 0 && <p className="muted">{t("common.none")}</p>}
      {entries.data && entries.data.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label={t("mb.entries")}>
          <TimeEntriesTable entries={entries.data} caption={t("mb.entries")} />
        </div>
      )}
    </section>
  );
}

function Kpi({ label, value }: { label: string; value: string }) {
  return (
    <div className="kpi">
      <span className="value">{value}</span>
      <span className="label">{label}</span>
    </div>
  );
}

function LogTime({ onLogged }: { onLogged(): void }) {
  const { t } = useI18n();
  const [dateV, setDate] = useState(() => formatDate(new Date()));
  const [hours, setHours] = useState("1");
  const [category, setCategory] = useState<TimeCategory>("professionalisation");
  const [note, setNote] = useState("");
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const { error, ok, submit } = useSubmit(
    () =>
      client.POST("/time-entries", { body: { date: parseDate(dateV)!, hours: parseDecimal(hours)!, category, ...(note.trim() ? { note: note.trim() } : {}) } }),
    () => {
      setNote("");
      setTried(false);
      onLogged();
    },
  );
  useFocusOnError(error, form, "lt-errors");
  const focusInvalid = useFocusInvalid(form);

  function onSubmit(e: FormEvent) {
    setTried(true);
    if (parseDate(dateV) === undefined || parseDecimal(hours) === undefined || parseDecimal(hours)! <= 0) {
      e.preventDefault();
      focusInvalid();
      return;
    }
    void submit(e);
  }

  return (
    <details className="card">
      <summary>
        <strong>{t("mb.log")}</strong>
      </summary>
      <form ref={form} className="inline-form" onSubmit={onSubmit} noValidate style={{ marginTop: ".75rem" }}>
        <DateField
          id="lt-date"
          label={t("entry.date")}
          value={dateV}
          onChange={setDate}
          required
          showInvalid={tried}
          errors={errorsFor(error, "date")}
          inputStyle={{ width: "9.5rem" }}
        />
        <DecimalField
          id="lt-hours"
          label={t("entry.hours")}
          value={hours}
          onChange={setHours}
          min={0.25}
          max={12}
          unit="hours"
          required
          showInvalid={tried}
          errors={errorsFor(error, "hours")}
          inputStyle={{ width: "7rem" }}
        />
        <div className="field">
          <label htmlFor="lt-cat">{t("entry.category")}</label>
          <select
            id="lt-cat"
            value={category}
            onChange={(e) => setCategory(e.target.value as TimeCategory)}
            aria-invalid={errorsFor(error, "category").length > 0 || undefined}
            aria-describedby="lt-cat-error"
          >
            {TIME_CATEGORIES.map((c) => (
              <option key={c} value={c}>
                {t(`cat.${c}`)}
              </option>
            ))}
          </select>
          <FieldErrors id="lt-cat-error" errors={errorsFor(error, "category")} />
        </div>
        <div className="field" style={{ flex: 1, minWidth: "12rem" }}>
          <label htmlFor="lt-note">{t("entry.note")}</label>
          <input
            id="lt-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            maxLength={500}
            aria-invalid={errorsFor(error, "note").length > 0 || undefined}
            aria-describedby="lt-note-error"
          />
          <FieldErrors id="lt-note-error" errors={errorsFor(error, "note")} />
        </div>
        <button type="submit" className="btn btn-primary">
          {t("mb.logSubmit")}
        </button>
      </form>
      <div id="lt-errors" tabIndex={-1} style={{ marginTop: ".75rem" }}>
        <ErrorBox error={error} inline={["date", "hours", "category", "note"]} />
        {ok && <OkNote>{t("mb.logged")}</OkNote>}
      </div>
    </details>
  );
}
