// Shows a problem+json error: title, detail and the field errors.
import type { ReactNode } from "react";
import type { ApiError } from "../api/client";
import { useI18n } from "../i18n";

export function ErrorBox({ error }: { error: ApiError | undefined | null }) {
  const { t } = useI18n();
  if (!error) return null;
  const p = error.problem;
  return (
    <div className="alert alert-error" role="alert">
      <strong>{p.status === 0 ? t("error.network") : p.title}</strong>
      {p.detail && <p>{p.detail}</p>}
      {p.errors && p.errors.length > 0 && (
        <ul>
          {p.errors.map((e, i) => (
            <li key={i}>
              <code>{e.path}</code>: {e.message}
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
