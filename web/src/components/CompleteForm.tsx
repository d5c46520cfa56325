// The assignee closes an engagement: hours spent and an optional, anonymised knowledge note.
import { useState, type FormEvent } from "react";
import { api, ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { ErrorBox } from "./ErrorBox";

export function CompleteForm({ requestId, expertise, onDone }: { requestId: string; expertise: string[]; onDone(): void }) {
  const { t } = useI18n();
  const [hours, setHours] = useState("1");
  const [noteTitle, setNoteTitle] = useState("");
  const [noteBody, setNoteBody] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const idp = `complete-${requestId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      const note = noteBody.trim() ? { title: noteTitle.trim() || t("complete.defaultNoteTitle"), body: noteBody.trim(), expertise } : undefined;
      await api.post(`/requests/${encodeURIComponent(requestId)}/complete`, { hours: Number(hours), ...(note ? { knowledgeNote: note } : {}) });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate aria-label={t("complete.title")} data-testid="complete-form">
      <div className="field" style={{ maxWidth: "12rem" }}>
        <label htmlFor={`${idp}-hours`}>{t("complete.hours")}</label>
        <input id={`${idp}-hours`} name="hours" type="number" min="0.25" max="12" step="0.25" inputMode="decimal" value={hours} onChange={(e) => setHours(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${idp}-note-title`}>{t("complete.noteTitle")}</label>
        <input id={`${idp}-note-title`} value={noteTitle} onChange={(e) => setNoteTitle(e.target.value)} maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor={`${idp}-note`}>{t("complete.note")}</label>
        <span className="hint" id={`${idp}-note-hint`}>
          {t("complete.noteHint")}
        </span>
        <textarea id={`${idp}-note`} value={noteBody} onChange={(e) => setNoteBody(e.target.value)} aria-describedby={`${idp}-note-hint`} rows={4} />
      </div>
      <ErrorBox error={error} />
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t("complete.submit")}
      </button>
    </form>
  );
}
