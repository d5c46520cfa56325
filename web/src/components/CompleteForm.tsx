// The assignee closes an engagement: hours spent and an optional, anonymised knowledge note.
import { useRef, useState, type FormEvent } from "react";
import { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { parseDecimal } from "../lib/parse";
import { errorsFor, useFocusInvalid, useFocusOnError } from "../lib/problems";
import { ErrorBox } from "./ErrorBox";
import { DecimalField, FieldErrors } from "./Inputs";
import { client } from "../api/typed-client";

export function CompleteForm({ requestId, expertise, onDone }: { requestId: string; expertise: string[]; onDone(): void }) {
  const { t } = useI18n();
  const [hours, setHours] = useState("1");
  const [noteTitle, setNoteTitle] = useState("");
  const [noteBody, setNoteBody] = useState("");
  const [error, setError] = useState<ApiError>();
  const [busy, setBusy] = useState(false);
  const [tried, setTried] = useState(false);
  const form = useRef<HTMLFormElement>(null);
  const idp = `complete-${requestId}`;
  useFocusOnError(error, form, `${idp}-errors`);
  const focusInvalid = useFocusInvalid(form);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    setError(undefined);
    const h = parseDecimal(hours);
    if (h === undefined || h <= 0 || h > 24) {
      focusInvalid();
      return;
    }
    setBusy(true);
    try {
      const note = noteBody.trim() ? { title: noteTitle.trim() || t("complete.defaultNoteTitle"), body: noteBody.trim(), expertise } : undefined;
      await client.POST("/requests/{id}/complete", { path: { id: requestId }, body: { hours: h, ...(note ? { knowledgeNote: note } : {}) } });
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : undefined);
    } finally {
      setBusy(false);
    }
  }

  const titleErrors = errorsFor(error, "knowledgeNote.title");
  const bodyErrors = [...errorsFor(error, "knowledgeNote.body"), ...errorsFor(error, "knowledgeNote.expertise")];
  return (
    <form ref={form} onSubmit={submit} noValidate aria-label={t("complete.title")} data-testid="complete-form">
      <DecimalField
        id={`${idp}-hours`}
        name="hours"
        label={t("complete.hours")}
        value={hours}
        onChange={setHours}
        min={0.25}
        max={24}
        unit="hours"
        required
        showInvalid={tried}
        errors={errorsFor(error, "hours")}
        style={{ maxWidth: "16rem" }}
      />
      <div className="field">
        <label htmlFor={`${idp}-note-title`}>{t("complete.noteTitle")}</label>
        <input
          id={`${idp}-note-title`}
          value={noteTitle}
          onChange={(e) => setNoteTitle(e.target.value)}
          maxLength={200}
          aria-invalid={titleErrors.length > 0 || undefined}
          aria-describedby={`${idp}-note-title-error`}
        />
        <FieldErrors id={`${idp}-note-title-error`} errors={titleErrors} />
      </div>
      <div className="field">
        <label htmlFor={`${idp}-note`}>{t("complete.note")}</label>
        <span className="hint" id={`${idp}-note-hint`}>
          {t("complete.noteHint")}
        </span>
        <textarea
          id={`${idp}-note`}
          value={noteBody}
          onChange={(e) => setNoteBody(e.target.value)}
          aria-describedby={`${idp}-note-hint ${idp}-note-error`}
          aria-invalid={bodyErrors.length > 0 || undefined}
          rows={4}
        />
        <FieldErrors id={`${idp}-note-error`} errors={bodyErrors} />
      </div>
      <div id={`${idp}-errors`} tabIndex={-1}>
        <ErrorBox error={error} inline={["hours", "knowledgeNote"]} />
      </div>
      <button type="submit" className="btn btn-primary" disabled={busy}>
        {t("complete.submit")}
      </button>
    </form>
  );
}
