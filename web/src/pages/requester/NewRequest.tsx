// The new-request form: what is needed, how urgent, where; knowledge hints alongside.
import { useMemo, useState, type FormEvent } from "react";
import { api, ApiError } from "../../api/client";
import type { Mode, Req, Urgency } from "../../api/types";
import { useI18n } from "../../i18n";
import { useSession } from "../../lib/session";
import { useReference } from "../../lib/reference";
import { navigate } from "../../lib/router";
import { pendingWarnings } from "../../lib/pending-warnings";
import { useDebounced } from "../../lib/debounce";
import { PrivacyCheck, findingsIn, withoutFinding, type Finding } from "../../components/PrivacyCheck";
import { ErrorBox } from "../../components/ErrorBox";
import { ExpertisePicker } from "../../components/ExpertisePicker";
import { KnowledgeHints } from "./KnowledgeHints";

const URGENCIES: Urgency[] = ["acute", "today", "planned"];
const MODES: Mode[] = ["phone", "video", "onsite"];

export function NewRequest() {
  const { t } = useI18n();
  const { me } = useSession();
  const ref = useReference();
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [expertise, setExpertise] = useState<string[]>([]);
  const [languages, setLanguages] = useState("");
  const [urgency, setUrgency] = useState<Urgency>("today");
  const [mode, setMode] = useState<Mode>("phone");
  const [unitId, setUnitId] = useState(me?.unitId ?? "");
  const [neededBy, setNeededBy] = useState("");
  const [hours, setHours] = useState("1");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);

  // Personal data is pointed out before sending, with a one-click removal per finding; sending with
  // findings left asks once more ("Toch versturen").
  const typedTitle = useDebounced(title, 250);
  const typedDescription = useDebounced(description, 250);
  const findings = useMemo(() => findingsIn({ title: typedTitle, description: typedDescription }), [typedTitle, typedDescription]);
  const [warned, setWarned] = useState(false);
  function removeFinding(f: Finding) {
    if (f.field === "title") setTitle((v) => withoutFinding(v, f));
    else setDescription((v) => withoutFinding(v, f));
  }
  const fieldError = (path: string) => error?.problem.errors?.find((e) => e.path === path || e.path.startsWith(`${path}.`) || e.path.startsWith(`${path}[`))?.message;

  async function submit(e: FormEvent) {
    e.preventDefault();
    const now = findingsIn({ title, description });
    if (now.length && !warned) {
      setWarned(true);
      window.setTimeout(() => document.getElementById("nr-privacy")?.focus(), 0);
      return;
    }
    setBusy(true);
    setError(undefined);
    const langs = languages
      .split(/[\s,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    try {
      const created = await api.post<Req>("/requests", {
        title: title.trim(),
        description: description.trim(),
        expertise,
        ...(langs.length ? { languages: langs } : {}),
        urgency,
        mode,
        unitId,
        ...(neededBy ? { neededBy: new Date(neededBy).toISOString() } : {}),
        estimatedHours: Number(hours),
      });
      pendingWarnings.set(created.id, created.warnings);
      navigate(`/requests/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
      window.setTimeout(() => document.getElementById("new-request-errors")?.focus(), 0);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="nr-title">
      <h1 id="nr-title">{t("nr.title")}</h1>
      <div className="with-aside">
        <form className="card" onSubmit={submit} noValidate aria-describedby="nr-intro">
          <p id="nr-intro" className="muted">
            {t("nr.intro")}
          </p>
          <div className="field">
            <label htmlFor="nr-q-title">{t("nr.field.title")}</label>
            <input id="nr-q-title" name="title" value={title} onChange={(e) => setTitle(e.target.value)} required maxLength={200} aria-invalid={!!fieldError("title") || undefined} />
            {fieldError("title") && <span className="hint" style={{ color: "var(--err)" }}>{fieldError("title")}</span>}
          </div>
          <div className="field">
            <label htmlFor="nr-description">{t("nr.field.description")}</label>
            <span className="hint" id="nr-description-hint">
              {t("nr.field.descriptionHint")}
            </span>
            <textarea id="nr-description" name="description" value={description} onChange={(e) => setDescription(e.target.value)} aria-describedby="nr-description-hint" rows={5} />
          </div>
          <PrivacyCheck id="nr-privacy" findings={findings} onRemove={removeFinding} />
          <ExpertisePicker id="nr-expertise" items={ref.expertise} value={expertise} onChange={setExpertise} label={t("nr.field.expertise")} hint={t("nr.field.expertiseHint")} invalid={!!fieldError("expertise")} />
          <div className="grid-2">
            <div className="field">
              <label htmlFor="nr-languages">{t("nr.field.languages")}</label>
              <span className="hint" id="nr-languages-hint">
                {t("nr.field.languagesHint")}
              </span>
              <input id="nr-languages" name="languages" value={languages} onChange={(e) => setLanguages(e.target.value)} aria-describedby="nr-languages-hint" />
            </div>
            <div className="field">
              <label htmlFor="nr-unit">{t("nr.field.unit")}</label>
              <select id="nr-unit" name="unitId" value={unitId} onChange={(e) => setUnitId(e.target.value)} required>
                {!ref.units.some((u) => u.id === unitId) && <option value={unitId}>{unitId || "–"}</option>}
                {ref.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
            </div>
          </div>
          <fieldset>
            <legend>{t("nr.field.urgency")}</legend>
            <div className="radio-row">
              {URGENCIES.map((u) => (
                <label key={u}>
                  <input type="radio" name="urgency" value={u} checked={urgency === u} onChange={() => setUrgency(u)} />
                  {t(`urgency.${u}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <fieldset>
            <legend>{t("nr.field.mode")}</legend>
            <div className="radio-row">
              {MODES.map((m) => (
                <label key={m}>
                  <input type="radio" name="mode" value={m} checked={mode === m} onChange={() => setMode(m)} />
                  {t(`mode.${m}`)}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="grid-2">
            <div className="field">
              <label htmlFor="nr-hours">{t("nr.field.hours")}</label>
              <input id="nr-hours" name="estimatedHours" type="number" min="0.25" max="40" step="0.25" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} required />
            </div>
            <div className="field">
              <label htmlFor="nr-needed">{t("nr.field.neededBy")}</label>
              <input id="nr-needed" name="neededBy" type="datetime-local" value={neededBy} onChange={(e) => setNeededBy(e.target.value)} />
            </div>
          </div>
          <div id="new-request-errors" tabIndex={-1}>
            <ErrorBox error={error} />
          </div>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? t("nr.busy") : warned && findingsIn({ title, description }).length ? t("pv.sendAnyway") : t("nr.submit")}
          </button>
        </form>
        <KnowledgeHints text={`${title} ${description}`} />
      </div>
    </section>
  );
}
