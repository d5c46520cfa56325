import { useI18n, type Key } from "../i18n";

/** A status or urgency badge; colour comes from the value, the text from the dictionary. */
export function Badge({ kind, value }: { kind: "status" | "urgency" | "offer" | "entry"; value: string }) {
  const { t } = useI18n();
  const key = `${kind}.${value}` as Key;
  const text = t(key);
  return (
    <span className={`badge badge-${value}`} data-status={value}>
      {text === key ? value : text}
    </span>
  );
}
