// Budgets for many members at once, with one bounded query per collection (no $lookup in our
// MongoDB subset, so the join happens here).
import mongoose from "mongoose";
import { DateTime } from "luxon";
import type { MemberOverride, TimeCategory, TimeEntry as DomainEntry } from "../../domain/types";
import { allotment, budgetAlertLevel, budgetFor, BUDGET_ZONE, policyInForce, type AlertLevel, type Budget } from "../../domain/budget";
import { Member } from "../../models/member";
import { TimeEntry } from "../../models/time-entry";
import { BudgetOverride } from "../../models/budget-override";
import { loadPolicies, type PolicyRecord } from "./policy-data";

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

interface Usage {
  entries: DomainEntry[];
  loggedByRequest: Map<string, number>;
}

/** Entries of `year` as per-(status, category) sums: budgetFor only adds them up. */
async function usageFor(ids: string[], year: number): Promise<Map<string, Usage>> {
  const rows = await TimeEntry.aggregate<{ _id: { m: string; s: string; c: string; r?: string | null }; h: number }>([
    { $match: { year, memberId: { $in: ids }, status: { $in: ["pending", "approved"] } } },
    { $group: { _id: { m: "$memberId", s: "$status", c: "$category", r: "$requestId" }, h: { $sum: "$hours" } } },
  ]);
  const out = new Map<string, Usage>();
  const mid = new Date(Date.UTC(year, 6, 1));
  for (const { _id, h } of rows) {
    const u: Usage = out.get(_id.m) ?? { entries: [], loggedByRequest: new Map() };
    u.entries.push({ id: "", memberId: _id.m, date: mid, hours: h, category: _id.c as TimeCategory, status: _id.s as "pending" | "approved" });
    if (_id.r) u.loggedByRequest.set(_id.r, (u.loggedByRequest.get(_id.r) ?? 0) + h);
    out.set(_id.m, u);
  }
  return out;
}

/** Accepted requests' estimated hours not yet logged against them, per assignee. */
async function committedFor(ids: string[], usage: Map<string, Usage>, exclude: string[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  // The Request model belongs to the request core loop; without it nothing is committed.
  const Request = mongoose.models.Request;
  if (!Request) return out;
  const docs = await Request.find(
    { status: "accepted", assigneeMemberId: { $in: ids } },
    { assigneeMemberId: 1, estimatedHours: 1 },
  ).lean<{ _id: unknown; assigneeMemberId: string; estimatedHours?: number }[]>();
  for (const r of docs) {
    const id = String(r._id);
    if (exclude.includes(id)) continue;
    const logged = usage.get(r.assigneeMemberId)?.loggedByRequest.get(id) ?? 0;
    const open = Math.max(0, (r.estimatedHours ?? 0) - logged);
    out.set(r.assigneeMemberId, (out.get(r.assigneeMemberId) ?? 0) + open);
  }
  return out;
}

async function overridesFor(ids: string[], year: number): Promise<MemberOverride[]> {
  const docs = await BudgetOverride.find({ year, memberId: { $in: ids } }).lean();
  return docs.map((o) => ({ memberId: o.memberId, year: o.year, extraHours: o.extraHours, reason: o.reason, setBy: o.setBy }));
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
