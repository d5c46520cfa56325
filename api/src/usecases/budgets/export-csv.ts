// The budget list as CSV, in two forms:
// - machine (default): comma, dot decimals, English headers, ids — for integrations;
// - Dutch (`format=nl`): semicolon, decimal comma, Dutch headers, unit and network names — for
//   spreadsheets set to a Dutch locale.
// Both are UTF-8 with BOM and go through http/csv.ts (formula cells neutralised).
import type { Principal } from "../../auth/principal";
import { toCsv, type CsvCell } from "../../http/csv";
import { unitById } from "../../reference/units";
import { networkById } from "../../reference/networks";
import { listBudgets, type BudgetQuery } from "./list-budgets";
import { DerivedCache, viewerKey } from "./derived-cache";

export const CSV_COLUMNS = ["memberId", "name", "unit", "networks", "allotted", "approved", "pending", "committed", "used", "remaining", "alertLevel"] as const;
export const CSV_COLUMNS_NL = [
  "Naam",
  "Eenheid",
  "Netwerken",
  "Toegekend (uur)",
  "Goedgekeurd (uur)",
  "In behandeling (uur)",
  "Toegezegd (uur)",
  "Gebruikt (uur)",
  "Resterend (uur)",
  "Signalering (%)",
] as const;

export type CsvVariant = "machine" | "nl";

// A 10,000-row export is about 1 MB: keep only a few.
const exports = new DerivedCache<string>(8);

/** The export, reused while nothing in the budget read model changed (derived-cache.ts). */
export function exportBudgetsCsv(actor: Principal, q: BudgetQuery, delimiter: "," | ";" = ",", variant: CsvVariant = "machine"): Promise<string> {
  const key = JSON.stringify([viewerKey(actor), q.year, q.unit ?? null, q.network ?? null, q.q ?? null, q.sort ?? null, delimiter, variant]);
  return exports.get(key, () => buildCsv(actor, q, delimiter, variant));
}

async function buildCsv(actor: Principal, q: BudgetQuery, delimiter: "," | ";", variant: CsvVariant): Promise<string> {
  const budgets = await listBudgets(actor, q);
  if (variant === "nl") {
    const rows: CsvCell[][] = budgets.map((b) => [
      b.name,
      unitById(b.unitId)?.name ?? b.unitId,
      b.networks.map((n) => networkById(n)?.name ?? n).join(", "),
      b.allotted,
      b.approved,
      b.pending,
      b.committed,
      b.used,
      b.remaining,
      b.alertLevel || null,
    ]);
    return toCsv([[...CSV_COLUMNS_NL], ...rows], { delimiter: ";", decimalComma: true, bom: true });
  }
  const rows: CsvCell[][] = budgets.map((b) => [
    b.memberId,
    b.name,
    b.unitId,
    b.networks.join(" "),
    b.allotted,
    b.approved,
    b.pending,
    b.committed,
    b.used,
    b.remaining,
    b.alertLevel,
  ]);
  return toCsv([[...CSV_COLUMNS], ...rows], { delimiter, bom: true });
}
