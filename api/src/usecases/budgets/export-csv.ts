// The budget list as CSV for spreadsheets: UTF-8 with BOM (so Excel detects the encoding),
// RFC 4180 quoting; `;` on request for spreadsheets set to a Dutch locale.
import { stringify } from "csv-stringify/sync";
import type { Principal } from "../../auth/principal";
import { listBudgets, type BudgetQuery } from "./list-budgets";

export const CSV_COLUMNS = ["memberId", "name", "unit", "networks", "allotted", "approved", "pending", "committed", "used", "remaining", "alertLevel"] as const;

export async function exportBudgetsCsv(actor: Principal, q: BudgetQuery, delimiter: "," | ";" = ","): Promise<string> {
  const budgets = await listBudgets(actor, q);
  const rows = budgets.map((b) => [b.memberId, b.name, b.unitId, b.networks.join(" "), b.allotted, b.approved, b.pending, b.committed, b.used, b.remaining, b.alertLevel]);
  return "\uFEFF" + stringify([[...CSV_COLUMNS], ...rows], { delimiter, quoted_string: true, record_delimiter: "windows" });
}
