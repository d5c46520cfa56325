import { useI18n } from "../i18n";
import { BADGE_LABELS, type BadgeKind, type Tone } from "../i18n/values";

/** A status or urgency badge; text and colour come from the value's row in i18n/values.ts. */
export function Badge({ kind, value }: { kind: BadgeKind; value: string }) {
  const { lang } = useI18n();
  const shown = (BADGE_LABELS[kind] as Record<string, { nl: string; en: string; tone: Tone }>)[value];
  return (
    <span className={`badge badge-${shown?.tone ?? "muted"}`} data-status={value}>
      {shown ? shown[lang] : value}
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
