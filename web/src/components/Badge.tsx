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

/** A request's urgency and status badges, side by side. */
export function RequestBadges({ urgency, status }: { urgency: string; status: string }) {
  return (
    <span className="actions">
      <Badge kind="urgency" value={urgency} />
      <Badge kind="status" value={status} />
    </span>
  );
}
