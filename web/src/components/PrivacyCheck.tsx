// Before a request is sent (or its text changed): the same detector the server uses (BSN, phone, e-mail,
// names after mevrouw/meneer/familie), each finding with a one-click "verwijder" that takes it out of the text.
import { findCitizenData, type CitizenDataKind } from "../../../api/src/contract/personal-data";
import { useI18n, type Key } from "../i18n";

export interface Finding {
  field: string;
  kind: CitizenDataKind;
  match: string;
  index: number;
}

export function findingsIn(fields: Record<string, string>): Finding[] {
  return Object.entries(fields).flatMap(([field, text]) => findCitizenData(text).map((f) => ({ field, ...f })));
}

/** The text with one finding cut out (and the doubled space it leaves tidied). */
export function withoutFinding(text: string, f: Pick<Finding, "match" | "index">): string {
  const at = text.slice(f.index, f.index + f.match.length) === f.match ? f.index : text.indexOf(f.match);
  if (at < 0) return text;
  return (text.slice(0, at) + text.slice(at + f.match.length)).replace(/ {2,}/g, " ").replace(/ ([.,;:])/g, "$1");
}

export function PrivacyCheck({ id, findings, onRemove }: { id: string; findings: Finding[]; onRemove(f: Finding): void }) {
  const { t } = useI18n();
  if (!findings.length) return null;
  return (
    <div className="alert alert-warn" role="region" aria-labelledby={`${id}-title`} id={id} tabIndex={-1} data-testid="privacy-check">
      <strong id={`${id}-title`}>{t("pv.title")}</strong>
      <p>{t("pv.body")}</p>
      <ul className="plain-list">
        {findings.map((f) => (
          <li key={`${f.field}-${f.index}-${f.match}`} className="row-between">
            <span>
              {t(`pd.kind.${f.kind}` as Key)}: <strong>{f.match}</strong>
            </span>
            <button type="button" className="btn btn-secondary btn-small" onClick={() => onRemove(f)} aria-label={t("pv.removeLabel", { what: f.match })}>
              {t("pv.remove")}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
