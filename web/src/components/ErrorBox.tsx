// Shows a problem+json error as sentences in the UI's language (from the problem's and each field
// error's stable code). Field errors shown beside their field are named in `inline` and left out here.
import type { ReactNode } from "react";
import type { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { fieldErrorText, problemText } from "../lib/problems";
import { isTransient } from "../lib/useLoad";

/**
 * `onRetry`: offered as a "try again" button when the failure is transient (503 service unavailable,
 * network down), so a database outage reads as "try again", never as "not found".
 */
export function ErrorBox({ error, inline = [], onRetry }: { error: ApiError | undefined | null; inline?: string[]; onRetry?: () => void }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const p = error.problem;
  const known = typeof p.code === "string" && p.code.length > 0;
  const rest = (p.errors ?? []).filter((e) => !inline.some((path) => e.path === path || e.path.startsWith(`${path}.`)));
  return (
    <div className="alert alert-error" role="alert" data-problem-code={p.code}>
      <strong>{problemText(t, lang, p)}</strong>
      {!known && p.detail && <p>{p.detail}</p>}
      {onRetry && isTransient(error) && (
        <p>
          <button type="button" className="btn btn-secondary btn-small" onClick={onRetry}>
            {t("common.retry")}
          </button>
        </p>
      )}
      {rest.length > 0 && (
        <ul>
          {rest.map((e, i) => (
            <li key={i}>
              {e.path && <span className="muted">{e.path}: </span>}
              {fieldErrorText(t, lang, e)}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" aria-busy="true">
      {t("common.loading")}
    </p>
  );
}

/** An endpoint this server does not offer (405/501; see `optional`). */
export function Unavailable({ what }: { what?: string }) {
  const { t } = useI18n();
  return <p className="muted">{t("common.unavailable", { what: what ?? "" })}</p>;
}

/** The polite confirmation under a form once it was saved. */
export function OkNote({ children }: { children: ReactNode }) {
  return (
    <p className="alert alert-ok" role="status">
      {children}
    </p>
  );
}
