// Budget review: per member, summary, CSV export, alerts, overrides, closed months.
import Router from "@koa/router";
import type { Deps } from "../deps";
import { currentUser, requireRole, requireUser } from "../http/auth";
import { body, query } from "../http/validate";
import { yearOf } from "../usecases/budgets/compute";
import { listBudgets } from "../usecases/budgets/list-budgets";
import {
  alertsQuery,
  budgetListQuery as listQuery,
  closeMonthSchema,
  exportQuery,
  overrideSchema as overrideBody,
  overridesQuery,
  yearOnlyQuery,
} from "../contract/budgets";
import { budgetSummary } from "../usecases/budgets/summary";
import { exportBudgetsCsv } from "../usecases/budgets/export-csv";
import { myBudget } from "../usecases/budgets/my-budget";
import { acknowledgeBudgetAlert, listBudgetAlerts } from "../usecases/budgets/alert-queue";
import { listBudgetOverrides, setBudgetOverride } from "../usecases/budgets/overrides";
import { closeMonth, listClosedMonths } from "../usecases/budgets/closed-periods";

const REVIEWERS = ["coordinator", "admin"] as const;

export function budgetRoutes(deps: Deps): Router {
  const r = new Router({ prefix: "/budgets" });
  const thisYear = () => yearOf(deps.now());

  r.get("/", requireRole(...REVIEWERS), async (ctx) => {
    const q = query(ctx, listQuery);
    const y = q.year ?? thisYear();
    ctx.body = { year: y, data: await listBudgets(currentUser(ctx), { ...q, year: y }) };
  });

  r.get("/me", requireUser, async (ctx) => {
    const q = query(ctx, yearOnlyQuery);
    ctx.body = await myBudget(currentUser(ctx), q.year ?? thisYear());
  });

  r.get("/summary", requireRole(...REVIEWERS), async (ctx) => {
    const q = query(ctx, yearOnlyQuery);
    ctx.body = await budgetSummary(currentUser(ctx), q.year ?? thisYear());
  });

  r.get("/export.csv", requireRole(...REVIEWERS), async (ctx) => {
    const q = query(ctx, exportQuery);
    const y = q.year ?? thisYear();
    const csv = await exportBudgetsCsv(currentUser(ctx), { ...q, year: y }, q.delimiter === "semicolon" ? ";" : ",", q.format);
    const unitPart = q.unit ? `-${q.unit.replace(/[^a-z0-9-]/gi, "")}` : "";
    const name = q.format === "nl" ? `ndv-budgetten-${y}${unitPart}.csv` : `ndv-budgets-${y}${unitPart}.csv`;
    ctx.set("Content-Disposition", `attachment; filename="${name}"`);
    ctx.type = "text/csv; charset=utf-8";
    ctx.body = csv;
  });

  r.get("/alerts", requireRole(...REVIEWERS), async (ctx) => {
    const q = query(ctx, alertsQuery);
    ctx.body = { data: await listBudgetAlerts(currentUser(ctx), { year: q.year, all: q.all === "1" || q.all === "true" }) };
  });

  r.post("/alerts/:id/acknowledge", requireRole(...REVIEWERS), async (ctx) => {
    ctx.body = await acknowledgeBudgetAlert(currentUser(ctx), ctx.params.id!);
  });

  r.post("/overrides", requireRole(...REVIEWERS), async (ctx) => {
    const input = body(ctx, overrideBody);
    ctx.status = 201;
    ctx.body = await setBudgetOverride(currentUser(ctx), { ...input, year: input.year ?? thisYear() });
  });

  r.get("/overrides", requireRole(...REVIEWERS), async (ctx) => {
    const q = query(ctx, overridesQuery);
    ctx.body = { data: await listBudgetOverrides(currentUser(ctx), q) };
  });

  r.get("/closed-periods", requireUser, async (ctx) => {
    ctx.body = { data: await listClosedMonths() };
  });

  r.post("/closed-periods", requireRole(...REVIEWERS), async (ctx) => {
    const { month } = body(ctx, closeMonthSchema);
    ctx.status = 201;
    ctx.body = await closeMonth(currentUser(ctx), month);
  });

  return r;
}
