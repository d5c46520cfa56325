// The start and end fields of a helpline shift form; `idPrefix` keeps the input ids unique per form.
// Text fields as dd-mm-jjjj uu:mm (24 h) whatever the browser's locale; server errors beside them.
import type { ApiError } from "../api/client";
import { useI18n } from "../i18n";
import { errorsFor } from "../lib/problems";
import { DateTimeField } from "./Inputs";

export function ShiftTimes(props: { idPrefix: string; start: string; end: string; onStart(v: string): void; onEnd(v: string): void; error?: ApiError }) {
  const { t } = useI18n();
  const { idPrefix, start, end, onStart, onEnd, error } = props;
  return (
    <>
      <DateTimeField id={`${idPrefix}-start`} label={t("sh.start")} value={start} onChange={onStart} required errors={errorsFor(error, "start")} />
      <DateTimeField id={`${idPrefix}-end`} label={t("sh.end")} value={end} onChange={onEnd} required errors={errorsFor(error, "end")} />
    </>
  );
}
