// Budgets for many members at once, with one bounded query per collection (no $lookup in our
// MongoDB subset, so the join happens here).
import mongoose from "mongoose";
import { DateTime } from "luxon";
import type { MemberOverride, TimeCategory, TimeEntry as DomainEntry } from "../../domain/types";
import { allotment, budgetAlertLevel, budgetFor, BUDGET_ZONE, policyInForce, type AlertLevel, type Budget } from "../../domain/budget";
import { Member } from "../../models/member";
import { BudgetTotals } from "../../models/budget-totals";
import { BudgetOverride } from "../../models/budget-override";
import { loadPolicies, type PolicyRecord } from "./regulation-data";

export interface BudgetMemberRow {
  id: string;
  name: string;
  unitId: string;
  networks: string[];
  joinedAt: Date;
  leftAt?: Date;
}

export interface MemberBudget extends Budget {
  memberId: string;
  name: string;
  unitId: string;
  networks: string[];
  alertLevel: AlertLevel;
}

export const yearOf = (d: Date): number => DateTime.fromJSDate(d, { zone: BUDGET_ZONE }).year;
export const dayOf = (d: Date): string => DateTime.fromJSDate(d, { zone: BUDGET_ZONE }).toISODate()!;

const MEMBER_FIELDS = { name: 1, unitId: 1, networks: 1, joinedAt: 1, leftAt: 1, createdAt: 1 } as const;

export function toBudgetMember(d: Record<string, any>): BudgetMemberRow {
  return {
    id: String(d._id),
    name: d.name,
    unitId: d.unitId,
    networks: d.networks ?? [],
    // Members without a join date count from the creation of their profile.
    joinedAt: new Date(d.joinedAt ?? d.createdAt ?? 0),
    ...(d.leftAt ? { leftAt: new Date(d.leftAt) } : {}),
  };
}

export async function loadBudgetMembers(filter: Record<string, unknown>): Promise<BudgetMemberRow[]> {
  const docs = await Member.find(filter, MEMBER_FIELDS).lean();
  return docs.map(toBudgetMember);
}

export interface Usage {
  entries: DomainEntry[];
  loggedByRequest: Map<string, number>;
}

/** Entries of `year` as per-(status, category) sums: budgetFor only adds them up. */
/**
 * FerretDB evaluates `$in` element by element for every document, so long id lists match on the
 * year only and are filtered here.
 */
export const SHORT_IN = 50;
export const memberMatch = (ids: string[], field = "memberId") => (ids.length <= SHORT_IN ? { [field]: { $in: ids } } : {});

/** Hours of `year` from the per-member totals (budgetFor only adds them up, so sums stand in for entries). */
export async function usageFor(ids: string[], year: number, opts: { all?: boolean } = {}): Promise<Map<string, Usage>> {
  const wanted = new Set(ids);
  const docs = await BudgetTotals.find({ year, ...(opts.all ? {} : memberMatch(ids)) }, { memberId: 1, hours: 1, byRequest: 1 }).lean();
  const out = new Map<string, Usage>();
  const mid = new Date(Date.UTC(year, 6, 1));
  for (const d of docs) {
    if (!opts.all && !wanted.has(d.memberId)) continue;
    const entries: DomainEntry[] = Object.entries((d.hours ?? {}) as Record<string, number>)
      .filter(([, h]) => h > 0)
      .map(([k, h]) => {
        const [status, category] = k.split(":") as ["pending" | "approved", TimeCategory];
        return { id: "", memberId: d.memberId, date: mid, hours: h, category, status };
      });
    out.set(d.memberId, { entries, loggedByRequest: new Map(Object.entries((d.byRequest ?? {}) as Record<string, number>)) });
  }
  return out;
}

/** Accepted requests' estimated hours not yet logged against them, per assignee. */
async function committedFor(ids: string[], usage: Map<string, Usage>, exclude: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // The Request model belongs to the request core loop; without it nothing is committed.
  const Request = mongoose.models.Request;
  if (!Request) return out;
  const docs = await Request.find({ status: "accepted", ...memberMatch(ids, "assigneeMemberId") }, { assigneeMemberId: 1, estimatedHours: 1 }).lean<
    { _id: unknown; assigneeMemberId: string; estimatedHours?: number }[]
  >();
  const wanted = new Set(ids);
  for (const r of docs) {
    const id = String(r._id);
    if (exclude.includes(id) || !wanted.has(r.assigneeMemberId)) continue;
    const logged = usage.get(r.assigneeMemberId)?.loggedByRequest.get(id) ?? 0;
    const open = Math.max(0, (r.estimatedHours ?? 0) - logged);
    out.set(r.assigneeMemberId, (out.get(r.assigneeMemberId) ?? 0) + open);
  }
  return out;
}

async function overridesFor(ids: string[], year: number): Promise<MemberOverride[]> {
  const wanted = new Set(ids);
  const docs = await BudgetOverride.find({ year, ...memberMatch(ids) }).lean();
  return docs
    .filter((o) => wanted.has(o.memberId))
    .map((o) => ({ memberId: o.memberId, year: o.year, extraHours: o.extraHours, reason: o.reason, setBy: o.setBy }));
}

export interface ComputeOptions {
  policies?: PolicyRecord[];
  /** Requests not to count as committed (e.g. the one being accepted). */
  excludeRequestIds?: string[];
}

/** Budgets of `members` for `year`. */
export async function computeBudgets(members: BudgetMemberRow[], year: number, opts: ComputeOptions = {}): Promise<Map<string, MemberBudget>> {
  const ids = members.map((m) => m.id);
  const out = new Map<string, MemberBudget>();
  if (!ids.length) return out;
  const [policies, usage, overrides] = await Promise.all([
    opts.policies ? Promise.resolve(opts.policies) : loadPolicies(),
    usageFor(ids, year),
    overridesFor(ids, year),
  ]);
  const committed = await committedFor(ids, usage, opts.excludeRequestIds ?? []);
  const overridesByMember = new Map<string, MemberOverride[]>();
  for (const o of overrides) overridesByMember.set(o.memberId, [...(overridesByMember.get(o.memberId) ?? []), o]);
  // Category caps come from the version in force at the end of the year (or now, if earlier).
  const capsPolicy = policyInForce(policies, new Date(Date.UTC(year, 11, 31)));
  for (const m of members) {
    const allotted = allotment({ policies, member: m, year, overrides: overridesByMember.get(m.id) ?? [] }).hours;
    const budget = budgetFor({
      allotted,
      entries: usage.get(m.id)?.entries ?? [],
      committedHours: committed.get(m.id) ?? 0,
      categoryCaps: capsPolicy?.categoryCaps,
    });
    out.set(m.id, { memberId: m.id, name: m.name, unitId: m.unitId, networks: m.networks, ...budget, alertLevel: budgetAlertLevel(budget) });
  }
  return out;
}
