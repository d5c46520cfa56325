// Shows a problem+json error as sentences in the UI's language (from the problem's and each field
// error's stable code). Field errors shown beside their field are named in `inline` and left out here.
import type { ReactNode } from "react";
import type { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { fieldErrorText, problemText } from "../lib/problems";

export function ErrorBox({ error, inline = [] }: { error: ApiError | undefined | null; inline?: string[] }) {
  const { t, lang } = useI18n();
  if (!error) return null;
  const p = error.problem;
  const known = typeof p.code === "string" && p.code.length > 0;
  const rest = (p.errors ?? []).filter((e) => !inline.some((path) => e.path === path || e.path.startsWith(`${path}.`)));
  return (
    <div className="alert alert-error" role="alert" data-problem-code={p.code}>
      <strong>{problemText(t, lang, p)}</strong>
      {!known && p.detail && <p>{p.detail}</p>}
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
