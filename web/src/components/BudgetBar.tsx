// Allotted hours as one bar: approved | pending | committed | remaining (over budget in red).
import type { Budget } from "../api/types";
import { useI18n } from "../i18n";

export function BudgetBar({ b, compact }: { b: Pick<Budget, "allotted" | "approved" | "pending" | "committed" | "remaining">; compact?: boolean }) {
  const { t, num } = useI18n();
  const used = b.approved + b.pending + b.committed;
  const total = Math.max(b.allotted, used, 0.0001);
  const pct = (x: number) => `${(Math.max(0, x) / total) * 100}%`;
  const over = Math.max(0, used - b.allotted);
  const label = t("budget.barLabel", {
    approved: num(b.approved),
    pending: num(b.pending),
    committed: num(b.committed),
    remaining: num(b.remaining),
    allotted: num(b.allotted),
  });
  return (
    <div>
      <div className="budget-bar" role="img" aria-label={label} style={compact ? { height: "0.9rem" } : undefined}>
        <span className="seg-approved" style={{ width: pct(Math.min(b.approved, b.allotted)) }} />
        <span className="seg-pending" style={{ width: pct(Math.min(b.pending, Math.max(0, b.allotted - b.approved))) }} />
        <span className="seg-committed" style={{ width: pct(Math.min(b.committed, Math.max(0, b.allotted - b.approved - b.pending))) }} />
        {over > 0 && <span className="seg-over" style={{ width: pct(over) }} />}
      </div>
      {!compact && (
        <ul className="legend">
          <li>
            <i className="seg-approved" />
            {t("budget.approved")}: {num(b.approved)}
          </li>
          <li>
            <i className="seg-pending" />
            {t("budget.pending")}: {num(b.pending)}
          </li>
          <li>
            <i className="seg-committed" />
            {t("budget.committed")}: {num(b.committed)}
          </li>
          <li>
            <i className="sw-remaining" />
            {t("budget.remaining")}: {num(b.remaining)}
          </li>
          {over > 0 && (
            <li>
              <i className="seg-over" />
              {t("budget.over")}: {num(over)}
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
