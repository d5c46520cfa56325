// The start and end fields of a helpline shift form; `idPrefix` keeps the input ids unique per form.
import { useI18n } from "../i18n";

export function ShiftTimes(props: { idPrefix: string; start: string; end: string; onStart(v: string): void; onEnd(v: string): void }) {
  const { t } = useI18n();
  const { idPrefix, start, end, onStart, onEnd } = props;
  return (
    <>
      <div className="field">
        <label htmlFor={`${idPrefix}-start`}>{t("sh.start")}</label>
        <input id={`${idPrefix}-start`} type="datetime-local" value={start} onChange={(e) => onStart(e.target.value)} required />
      </div>
      <div className="field">
        <label htmlFor={`${idPrefix}-end`}>{t("sh.end")}</label>
        <input id={`${idPrefix}-end`} type="datetime-local" value={end} onChange={(e) => onEnd(e.target.value)} required />
      </div>
    </>
  );
}
