// The personal-data warning: the request was stored, but its text seems to hold a citizen's data.
import type { Warning } from "../api/types";
import { useI18n } from "../i18n";

export function warningText(w: Warning | string): string {
  if (typeof w === "string") return w;
  return String(w.message ?? w.kind ?? JSON.stringify(w));
}

export function PersonalDataWarning({ warnings }: { warnings: (Warning | string)[] }) {
  const { t } = useI18n();
  if (!warnings.length) return null;
  return (
    <div className="alert alert-warn" role="alert" data-testid="personal-data-warning">
      <strong>{t("pd.title")}</strong>
      <p>{t("pd.body")}</p>
      <ul>
        {warnings.map((w, i) => (
          <li key={i}>{warningText(w)}</li>
        ))}
      </ul>
    </div>
  );
}
