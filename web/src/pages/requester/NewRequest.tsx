// The new-request form: what is needed, how urgent, where; knowledge hints alongside.
import { useMemo, useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { ApiError } from "../../api/client";
import type { Mode, Urgency } from "../../api/types";
import { MODES, URGENCIES } from "../../../../api/src/contract/values";
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
import { DateTimeField, DecimalField, FieldErrors, RadioChoice } from "../../components/Inputs";
import { localToDate, parseDateTime, parseDecimal } from "../../lib/parse";
import { errorsFor, useFocusInvalid, useFocusOnError } from "../../lib/problems";
import { client } from "../../api/typed-client";

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
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);

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
  useFocusOnError(error, form, "new-request-errors");
  const focusInvalid = useFocusInvalid(form);
  const errs = (path: string) => errorsFor(error, path);
  const invalid = (path: string) => errs(path).length > 0 || undefined;

  // Enter in a single-line field moves on to the next field instead of sending a half-filled form.
  function onKeyDown(e: KeyboardEvent<HTMLFormElement>) {
    const el = e.target as HTMLElement;
    if (e.key !== "Enter" || el.tagName !== "INPUT" || ["radio", "checkbox", "submit", "button"].includes((el as HTMLInputElement).type)) return;
    e.preventDefault();
    if (el.id === "nr-q-title") document.getElementById("nr-description")?.focus();
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    const now = findingsIn({ title, description });
    if (now.length && !warned) {
      setWarned(true);
      window.setTimeout(() => document.getElementById("nr-privacy")?.focus(), 0);
      return;
    }
    setError(undefined);
    const estimated = parseDecimal(hours);
    const needed = neededBy.trim() ? parseDateTime(neededBy) : "";
    if (estimated === undefined || estimated <= 0 || needed === undefined) {
      focusInvalid();
      return;
    }
    setBusy(true);
    const langs = languages
      .split(/[\s,;]+/)
      .map((s) => s.trim().toLowerCase())
      .filter(Boolean);
    try {
      const created = await client.POST("/requests", {
        body: {
          title: title.trim(),
          description: description.trim(),
          expertise,
          ...(langs.length ? { languages: langs } : {}),
          urgency,
          mode,
          unitId,
          ...(needed ? { neededBy: localToDate(needed).toISOString() } : {}),
          estimatedHours: estimated,
        },
      });
      pendingWarnings.set(created.id, created.warnings);
      navigate(`/requests/${encodeURIComponent(created.id)}`);
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="nr-title">
      <h1 id="nr-title">{t("nr.title")}</h1>
      <div className="with-aside">
        <form ref={form} className="card" onSubmit={submit} onKeyDown={onKeyDown} noValidate aria-describedby="nr-intro">
          <p id="nr-intro" className="muted">
            {t("nr.intro")}
          </p>
          <div className="field">
            <label htmlFor="nr-q-title">{t("nr.field.title")}</label>
            <input
              id="nr-q-title"
              name="title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              required
              maxLength={200}
              aria-invalid={invalid("title")}
              aria-describedby="nr-q-title-error"
              enterKeyHint="next"
            />
            <FieldErrors id="nr-q-title-error" errors={errs("title")} />
          </div>
          <div className="field">
            <label htmlFor="nr-description">{t("nr.field.description")}</label>
            <span className="hint" id="nr-description-hint">
              {t("nr.field.descriptionHint")}
            </span>
            <textarea
              id="nr-description"
              name="description"
              value={description}
              onChange={(e) => setDescription(e.target.value)}
              aria-describedby="nr-description-hint nr-description-error"
              aria-invalid={invalid("description")}
              rows={5}
            />
            <FieldErrors id="nr-description-error" errors={errs("description")} />
          </div>
          <PrivacyCheck id="nr-privacy" findings={findings} onRemove={removeFinding} />
          <ExpertisePicker
            id="nr-expertise"
            items={ref.expertise}
            value={expertise}
            onChange={setExpertise}
            label={t("nr.field.expertise")}
            hint={t("nr.field.expertiseHint")}
            invalid={!!invalid("expertise")}
            errorId="nr-expertise-error"
          />
          <FieldErrors id="nr-expertise-error" errors={errs("expertise")} />
          <div className="grid-2">
            <div className="field">
              <label htmlFor="nr-languages">{t("nr.field.languages")}</label>
              <span className="hint" id="nr-languages-hint">
                {t("nr.field.languagesHint")}
              </span>
              <input
                id="nr-languages"
                name="languages"
                value={languages}
                onChange={(e) => setLanguages(e.target.value)}
                aria-describedby="nr-languages-hint nr-languages-error"
                aria-invalid={invalid("languages")}
              />
              <FieldErrors id="nr-languages-error" errors={errs("languages")} />
            </div>
            <div className="field">
              <label htmlFor="nr-unit">{t("nr.field.unit")}</label>
              <select
                id="nr-unit"
                name="unitId"
                value={unitId}
                onChange={(e) => setUnitId(e.target.value)}
                required
                aria-invalid={invalid("unitId")}
                aria-describedby="nr-unit-error"
              >
                {!ref.units.some((u) => u.id === unitId) && <option value={unitId}>{unitId || "–"}</option>}
                {ref.units.map((u) => (
                  <option key={u.id} value={u.id}>
                    {u.name}
                  </option>
                ))}
              </select>
              <FieldErrors id="nr-unit-error" errors={errs("unitId")} />
            </div>
          </div>
          <RadioChoice
            name="urgency"
            legend={t("nr.field.urgency")}
            options={URGENCIES}
            value={urgency}
            onChange={setUrgency}
            label={(u) => t(`urgency.${u}`)}
          />
          <RadioChoice name="mode" legend={t("nr.field.mode")} options={MODES} value={mode} onChange={setMode} label={(m) => t(`mode.${m}`)} />
          <div className="grid-2">
            <DecimalField
              id="nr-hours"
              name="estimatedHours"
              label={t("nr.field.hours")}
              value={hours}
              onChange={setHours}
              min={0.25}
              max={200}
              unit="hours"
              required
              showInvalid={tried}
              errors={errs("estimatedHours")}
            />
            <DateTimeField
              id="nr-needed"
              name="neededBy"
              label={t("nr.field.neededBy")}
              value={neededBy}
              onChange={setNeededBy}
              showInvalid={tried}
              errors={errs("neededBy")}
            />
          </div>
          <div id="new-request-errors" tabIndex={-1}>
            <ErrorBox error={error} inline={["title", "description", "expertise", "languages", "unitId", "estimatedHours", "neededBy"]} />
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
