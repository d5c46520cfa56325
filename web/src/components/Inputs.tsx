// Text fields for numbers, dates and times that read what a Dutch officer types: "0,5" and "0.5",
// "01-12-2026" and "2026-12-01", "14:30". They never follow the browser's locale (no type=number,
// date or datetime-local), show what will be sent ("0,5 uur") before it is sent, say in the UI's
// language what they cannot read, and show the server's field errors beside the field.
import type { CSSProperties, ReactNode } from "react";
import type { FieldError } from "../api/client";
import { useI18n } from "../i18n";
import { formatDate, formatDateTime, formatNumber } from "../lib/format";
import { fieldErrorText } from "../lib/problems";
import { localToDate, parseDate, parseDateTime, parseDecimal, parseInteger, parseTime } from "../lib/parse";

interface Common {
  id: string;
  label: ReactNode;
  value: string;
  onChange(v: string): void;
  /** Field errors from the server that belong to this field. */
  errors?: FieldError[];
  /** Show "cannot read this" (set once the form was submitted). */
  showInvalid?: boolean;
  required?: boolean;
  name?: string;
  hint?: ReactNode;
  style?: CSSProperties;
  inputStyle?: CSSProperties;
  className?: string;
  placeholder?: string;
}

interface Parsed {
  ok: boolean;
  /** What is shown as "will be sent as …" (only when ok and the field is not empty). */
  echo?: string;
  /** Why the value cannot be used (a translated sentence). */
  problem?: string;
}

function Field(props: Common & { inputMode: "decimal" | "numeric" | "text"; check(v: string): Parsed; autoHint?: string }) {
  const { t, lang } = useI18n();
  const { id, value, errors = [] } = props;
  const empty = value.trim() === "";
  const parsed = empty ? { ok: !props.required } : props.check(value);
  const localProblem = !empty && !parsed.ok ? parsed.problem : undefined;
  // Shown once the form was submitted: a message appearing on blur would move the submit button away
  // from under the pointer between mousedown and click.
  const showLocal = !!localProblem && !!props.showInvalid;
  const serverTexts = errors.map((e) => fieldErrorText(t, lang, e));
  const invalid = showLocal || serverTexts.length > 0 || (!!props.showInvalid && !!props.required && empty);
  const hintId = `${id}-hint`;
  const echoId = `${id}-echo`;
  const errId = `${id}-error`;
  const hint = props.hint ?? props.autoHint;
  const describedBy = [hint ? hintId : "", errId, echoId].filter(Boolean).join(" ");
  const messages = [
    ...(showLocal ? [localProblem!] : []),
    ...serverTexts,
    ...(props.showInvalid && props.required && empty && !serverTexts.length ? [t("err.field.required")] : []),
  ];
  return (
    <div className={`field ${props.className ?? ""}`.trim()} style={props.style}>
      <label htmlFor={id}>{props.label}</label>
      {hint && (
        <span className="hint" id={hintId}>
          {hint}
        </span>
      )}
      <input
        id={id}
        name={props.name}
        type="text"
        inputMode={props.inputMode}
        autoComplete="off"
        spellCheck={false}
        value={value}
        placeholder={props.placeholder}
        onChange={(e) => props.onChange(e.target.value)}
        required={props.required}
        aria-invalid={invalid || undefined}
        aria-describedby={describedBy}
        style={props.inputStyle}
      />
      <span id={errId} className="field-error" data-testid={`${id}-error`}>
        {messages.join(" ")}
      </span>
      <span id={echoId} className="hint field-echo" aria-live="polite" data-testid={`${id}-echo`}>
        {parsed.ok && parsed.echo ? parsed.echo : ""}
      </span>
    </div>
  );
}

/** Hours and other decimal numbers: "0,5" and "0.5" both read as 0.5. */
export function DecimalField(props: Common & { min?: number; max?: number; allowNegative?: boolean; unit?: "hours" | "none"; integer?: boolean }) {
  const { t, lang } = useI18n();
  const check = (v: string): Parsed => {
    const n = props.integer ? parseInteger(v, { allowNegative: props.allowNegative }) : parseDecimal(v, { allowNegative: props.allowNegative });
    if (n === undefined) return { ok: false, problem: t(props.integer ? "input.integerInvalid" : "input.decimalInvalid") };
    if (props.min !== undefined && n < props.min) return { ok: false, problem: t("input.min", { min: formatNumber(props.min, lang) }) };
    if (props.max !== undefined && n > props.max) return { ok: false, problem: t("input.max", { max: formatNumber(props.max, lang) }) };
    const shown = formatNumber(n, lang, 2);
    return { ok: true, echo: t(props.unit === "hours" ? "input.echoHours" : "input.echoValue", { value: shown }) };
  };
  return <Field {...props} inputMode={props.integer ? "numeric" : "decimal"} check={check} />;
}

/** A day as dd-mm-jjjj (yyyy-mm-dd also read). */
export function DateField(props: Common) {
  const { t } = useI18n();
  const check = (v: string): Parsed => {
    const d = parseDate(v);
    return d ? { ok: true, echo: t("input.echoDate", { value: formatDate(d) }) } : { ok: false, problem: t("input.dateInvalid") };
  };
  return <Field {...props} inputMode="numeric" check={check} autoHint={t("input.dateHint")} />;
}

/** A moment as dd-mm-jjjj uu:mm, 24-hour. */
export function DateTimeField(props: Common) {
  const { t } = useI18n();
  const check = (v: string): Parsed => {
    const d = parseDateTime(v);
    return d ? { ok: true, echo: t("input.echoDate", { value: formatDateTime(localToDate(d)) }) } : { ok: false, problem: t("input.dateTimeInvalid") };
  };
  return <Field {...props} inputMode="text" check={check} autoHint={t("input.dateTimeHint")} />;
}

/** A time of day as uu:mm, 24-hour. */
export function TimeField(props: Common) {
  const { t } = useI18n();
  const check = (v: string): Parsed => (parseTime(v) ? { ok: true } : { ok: false, problem: t("input.timeInvalid") });
  return <Field {...props} inputMode="numeric" check={check} autoHint={t("input.timeHint")} />;
}

/** The server's sentences for a field that is not one of the fields above (selects, text, pickers). */
export function FieldErrors({ id, errors }: { id: string; errors: FieldError[] }) {
  const { t, lang } = useI18n();
  return (
    <span id={id} className="field-error" data-testid={id}>
      {errors.map((e) => fieldErrorText(t, lang, e)).join(" ")}
    </span>
  );
}

/** One choice out of a value list (contract/values.ts), as a row of radio buttons. */
interface RadioChoiceProps<V extends string> {
  name: string;
  legend: string;
  options: readonly V[];
  value: NoInfer<V>;
  onChange(v: NoInfer<V>): void;
  label(v: NoInfer<V>): string;
}

export function RadioChoice<V extends string>(props: RadioChoiceProps<V>) {
  return (
    <fieldset>
      <legend>{props.legend}</legend>
      <div className="radio-row">
        {props.options.map((o) => (
          <label key={o}>
            <input type="radio" name={props.name} value={o} checked={props.value === o} onChange={() => props.onChange(o)} />
            {props.label(o)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}
