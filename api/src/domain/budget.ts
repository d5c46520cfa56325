// Service-time arithmetic under the korpsregeling: yearly allotments, budgets, alerts, entry
// validation and policy simulation. Pure: time is always passed in.
//
// Rules (documented here because coordinators and tests rely on them):
// - Calendar days are taken in Europe/Amsterdam, so a date stored as UTC midnight and one stored
//   as local midnight mean the same day.
// - Day counting ("month-weighted"): every calendar month is exactly 1/12 of the year and every
//   day of a month is an equal share of that month (1/28 … 1/31 of it). Joining on 1 July, or a
//   policy change on 1 July, therefore splits the year exactly in half, in leap and non-leap years.
// - Periods are half-open: a member belongs from the day of `joinedAt` up to, not including, the
//   day of `leftAt` (leftAt = the first day no longer a member). A policy version is in force from
//   the day of its `effectiveFrom` until the day the next version starts. Days before the first
//   version carry no hours.
// - Pending entries count as used (remaining = allotted − approved − pending − committed) so that
//   hours awaiting approval cannot be booked twice. `used` = approved + pending + committed, so
//   used + remaining = allotted.
// - Simulation "under": approved + pending is below 50% of the member's pro-rata allotment by
//   `now` (the allotment of the days of the year up to and including the day of `now`; overrides
//   are spread over the member's days in the year in the same way).
// Rounding: hours are rounded to 2 decimals only in returned totals; breakdown parts are exact.

import { DateTime } from "luxon";
import type { MemberOverride, Policy, TimeCategory, TimeEntry } from "./types";
import type { FieldErrorCode } from "../contract/error-codes";
import type { SimulationRow } from "../contract/budget-simulation";
import { TIME_CATEGORIES } from "../contract/values";

export const BUDGET_ZONE = "Europe/Amsterdam";
export const MAX_HOURS_PER_DAY = 12;
export const HOURS_STEP = 0.25;
export const UNDER_USE_RATIO = 0.5;

export interface FieldError {
  path: string;
  message: string;
  /** Stable machine code (api/src/contract/error-codes.ts). */
  code?: FieldErrorCode;
  params?: Record<string, string | number | boolean>;
}

export interface BudgetMember {
  id?: string; // when given, overrides for other members are ignored
  unitId: string;
  joinedAt: Date;
  leftAt?: Date;
}

export interface PolicySegment {
  kind: "policy";
  policyId: string;
  from: Date; // local midnight, inclusive
  to: Date; // local midnight, exclusive
  share: number; // share of the year (0..1) this segment covers for the member
  baseHours: number; // yearly base under this version
  unitSupplement: number; // yearly supplement of the member's unit under this version
  hours: number; // (baseHours + unitSupplement) × share, unrounded
}

export interface OverridePart {
  kind: "override";
  reason: string;
  hours: number;
}

export type AllotmentPart = PolicySegment | OverridePart;

export interface Allotment {
  hours: number;
  breakdown: AllotmentPart[];
}

export interface CategoryUse {
  approved: number;
  pending: number;
}

export interface Budget {
  allotted: number;
  approved: number;
  pending: number;
  committed: number;
  remaining: number;
  used: number;
  byCategory: Record<TimeCategory, CategoryUse>;
  overCaps: TimeCategory[];
}

export type AlertLevel = 0 | 80 | 100;

export const round2 = (n: number): number => Math.round((n + Number.EPSILON) * 100) / 100;

// ---------- calendar helpers ----------

const localDay = (d: Date): DateTime => DateTime.fromJSDate(d, { zone: BUDGET_ZONE }).startOf("day");

const yearStart = (year: number): DateTime => DateTime.fromObject({ year, month: 1, day: 1 }, { zone: BUDGET_ZONE });

/** Position of a calendar day inside `year`, in months (0 = 1 January, 12 = 1 January next year). */
function monthPosition(day: DateTime, year: number): number {
  if (day.year < year) return 0;
  if (day.year > year) return 12;
  return day.month - 1 + (day.day - 1) / (day.daysInMonth as number);
}

/** Share of `year` covered by the half-open day range [from, to) under the month-weighted rule. */
export function yearShare(from: Date | undefined, to: Date | undefined, year: number): number {
  const a = from ? monthPosition(localDay(from), year) : 0;
  const b = to ? monthPosition(localDay(to), year) : 12;
  return b > a ? (b - a) / 12 : 0;
}

// ---------- policies ----------

const byEffectiveFrom = (policies: Policy[]): Policy[] =>
  policies
    .map((p, i) => ({ p, i }))
    .sort((x, y) => x.p.effectiveFrom.getTime() - y.p.effectiveFrom.getTime() || x.i - y.i)
    .map((x) => x.p);

/** The policy version in force on the calendar day of `date` (later input wins on equal dates). */
export function policyInForce(policies: Policy[], date: Date): Policy | undefined {
  const day = localDay(date).toMillis();
  let found: Policy | undefined;
  for (const p of byEffectiveFrom(policies)) {
    if (localDay(p.effectiveFrom).toMillis() <= day) found = p;
    else break;
  }
  return found;
}

const maxDay = (a: DateTime, b: DateTime): DateTime => (a > b ? a : b);
const minDay = (a: DateTime | undefined, b: DateTime | undefined): DateTime | undefined => (a === undefined ? b : b === undefined ? a : a < b ? a : b);

/** Policy segments for the member's days inside [from, to) of `year`. */
function policySegments(policies: Policy[], unitId: string, from: Date | undefined, to: Date | undefined, year: number): PolicySegment[] {
  const sorted = byEffectiveFrom(policies);
  const segments: PolicySegment[] = [];
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i]!;
    const next = sorted[i + 1];
    const pFrom = localDay(p.effectiveFrom);
    const pTo = next ? localDay(next.effectiveFrom) : undefined;
    // Intersect the version's period with the member's period (undefined end = open-ended).
    const fromDay = from ? maxDay(pFrom, localDay(from)) : pFrom;
    const toDay = minDay(pTo, to ? localDay(to) : undefined);
    const share = yearShare(fromDay.toJSDate(), toDay?.toJSDate(), year);
    if (share <= 0) continue;
    const baseHours = p.baseHoursPerYear;
    const unitSupplement = p.unitSupplements[unitId] ?? 0;
    const ys = yearStart(year);
    const ye = yearStart(year + 1);
    const segFrom = fromDay < ys ? ys : fromDay;
    const segTo = !toDay || toDay > ye ? ye : toDay;
    segments.push({
      kind: "policy",
      policyId: p.id,
      from: segFrom.toJSDate(),
      to: segTo.toJSDate(),
      share,
      baseHours,
      unitSupplement,
      hours: (baseHours + unitSupplement) * share,
    });
  }
  return segments;
}

const overridesFor = (overrides: MemberOverride[], member: BudgetMember, year: number): MemberOverride[] =>
  overrides.filter((o) => o.year === year && (member.id === undefined || o.memberId === member.id));

/**
 * Yearly allotment: for every day of `year` the member belongs, the policy version in force gives
 * (base + unit supplement) / year, weighted by the month-weighted day rule; overrides are added.
 */
export function allotment(input: { policies: Policy[]; member: BudgetMember; year: number; overrides?: MemberOverride[] }): Allotment {
  const { policies, member, year, overrides = [] } = input;
  const breakdown: AllotmentPart[] = policySegments(policies, member.unitId, member.joinedAt, member.leftAt, year);
  for (const o of overridesFor(overrides, member, year)) {
    breakdown.push({ kind: "override", reason: o.reason, hours: o.extraHours });
  }
  const total = breakdown.reduce((s, p) => s + p.hours, 0);
  return { hours: round2(total), breakdown };
}

// ---------- budgets ----------

/** A member's budget for a year from the allotment, their entries of that year and committed hours. */
export function budgetFor(input: {
  allotted: number;
  entries: TimeEntry[];
  committedHours: number;
  categoryCaps?: Partial<Record<TimeCategory, number>>;
}): Budget {
  const { allotted, entries, committedHours, categoryCaps } = input;
  const byCategory = Object.fromEntries(TIME_CATEGORIES.map((c) => [c, { approved: 0, pending: 0 }])) as Record<TimeCategory, CategoryUse>;
  let approved = 0;
  let pending = 0;
  for (const e of entries) {
    if (e.status === "rejected") continue;
    const cat = (byCategory[e.category] ??= { approved: 0, pending: 0 });
    if (e.status === "approved") {
      approved += e.hours;
      cat.approved += e.hours;
    } else if (e.status === "pending") {
      pending += e.hours;
      cat.pending += e.hours;
    }
  }
  for (const c of Object.keys(byCategory) as TimeCategory[]) {
    byCategory[c] = { approved: round2(byCategory[c].approved), pending: round2(byCategory[c].pending) };
  }
  const overCaps = (Object.keys(byCategory) as TimeCategory[]).filter((c) => {
    const cap = categoryCaps?.[c];
    return cap !== undefined && byCategory[c].approved + byCategory[c].pending > cap;
  });
  const committed = committedHours;
  return {
    allotted: round2(allotted),
    approved: round2(approved),
    pending: round2(pending),
    committed: round2(committed),
    remaining: round2(allotted - approved - pending - committed),
    used: round2(approved + pending + committed),
    byCategory,
    overCaps,
  };
}

/** 100 when the budget is used up (or anything is used of a zero allotment), 80 from 80% used. */
export function budgetAlertLevel(budget: Pick<Budget, "allotted" | "used">): AlertLevel {
  const { allotted, used } = budget;
  if (allotted <= 0) return used > 0 ? 100 : 0;
  // Integer-ish comparison on cents to avoid 0.7999999 style misses.
  const usedC = Math.round(used * 100);
  const allottedC = Math.round(allotted * 100);
  if (usedC >= allottedC) return 100;
  if (usedC * 10 >= allottedC * 8) return 80;
  return 0;
}

/** The threshold newly crossed going from `before` to `after`, or null (also when going down). */
export function crossedAlert(before: Pick<Budget, "allotted" | "used">, after: Pick<Budget, "allotted" | "used">): 80 | 100 | null {
  const b = budgetAlertLevel(before);
  const a = budgetAlertLevel(after);
  return a > b ? (a as 80 | 100) : null;
}

// ---------- time entries ----------

/** Field errors for a new time entry; empty when valid. */
export function validateTimeEntry(
  entry: { date: Date; hours: number; category: string },
  ctx: { now: Date; existingHoursThatDay: number; closedUntil?: Date; categories: readonly string[] },
): FieldError[] {
  const errors: FieldError[] = [];
  const { date, hours, category } = entry;
  const validDate = date instanceof Date && !Number.isNaN(date.getTime());
  if (!validDate) {
    errors.push({ path: "date", code: "invalid_date", message: "date must be a valid date" });
  } else {
    const day = localDay(date);
    if (day > localDay(ctx.now)) errors.push({ path: "date", code: "date_in_future", message: "date may not be in the future" });
    if (ctx.closedUntil && day <= localDay(ctx.closedUntil)) {
      errors.push({
        path: "date",
        code: "period_closed",
        params: { until: localDay(ctx.closedUntil).toISODate() ?? "" },
        message: `the period up to and including ${localDay(ctx.closedUntil).toISODate()} is closed`,
      });
    }
  }
  if (typeof hours !== "number" || !Number.isFinite(hours) || hours <= 0) {
    errors.push({ path: "hours", code: "too_small", params: { minimum: HOURS_STEP }, message: "hours must be a positive number" });
  } else {
    if (Math.abs(hours / HOURS_STEP - Math.round(hours / HOURS_STEP)) > 1e-9) {
      errors.push({ path: "hours", code: "not_quarter_hour", message: "hours must be a multiple of 0.25 (a quarter of an hour)" });
    }
    if (hours + (ctx.existingHoursThatDay || 0) > MAX_HOURS_PER_DAY + 1e-9) {
      errors.push({
        path: "hours",
        code: "day_limit",
        params: { maximum: MAX_HOURS_PER_DAY, existing: ctx.existingHoursThatDay || 0 },
        message: `at most ${MAX_HOURS_PER_DAY} hours per day (${ctx.existingHoursThatDay || 0} already logged)`,
      });
    }
  }
  if (!ctx.categories.includes(category)) {
    errors.push({ path: "category", code: "unknown_category", message: `unknown category "${category}"; allowed: ${ctx.categories.join(", ")}` });
  }
  return errors;
}

/** Entries of at least the threshold wait for a coordinator; smaller ones are approved at once. */
export function needsApproval(hours: number, policy: Pick<Policy, "approvalThresholdHours">): boolean {
  return hours >= policy.approvalThresholdHours;
}

// ---------- simulation ----------

export type { SimulationRow }; // the row shape is part of the API contract (the web app shows it)

export interface SimulationUnitRow extends SimulationRow {
  unitId: string;
}

export interface Simulation {
  units: SimulationUnitRow[];
  totals: SimulationRow;
}

export interface SimulationMember {
  id: string;
  unitId: string;
  joinedAt: Date;
  leftAt?: Date;
}

/** The versions that would apply if `draft` were adopted: current versions before it, then it. */
export function withDraft(current: Policy[], draft: Policy): Policy[] {
  const from = localDay(draft.effectiveFrom);
  return [...current.filter((p) => localDay(p.effectiveFrom) < from), draft];
}

const entriesOf = (entriesByMember: Map<string, TimeEntry[]> | Record<string, TimeEntry[]>, id: string): TimeEntry[] =>
  (entriesByMember instanceof Map ? entriesByMember.get(id) : entriesByMember[id]) ?? [];

/** Allotment pro rata by `now` (days up to and including now's day), overrides spread likewise. */
function proRataAllotment(policies: Policy[], member: SimulationMember, overrides: MemberOverride[], year: number, now: Date): number {
  const endOfToday = localDay(now).plus({ days: 1 }).toJSDate();
  const until = member.leftAt && member.leftAt < endOfToday ? member.leftAt : endOfToday;
  const policyHours = policySegments(policies, member.unitId, member.joinedAt, until, year).reduce((s, p) => s + p.hours, 0);
  const fullShare = yearShare(member.joinedAt, member.leftAt, year);
  const elapsedShare = yearShare(member.joinedAt, until, year);
  const extra = overridesFor(overrides, member, year).reduce((s, o) => s + o.extraHours, 0);
  return policyHours + (fullShare > 0 ? (extra * elapsedShare) / fullShare : 0);
}

/**
 * Compares a draft policy version with the current versions for `year`, per unit: members, total
 * hours granted, and how many members are over (approved + pending > allotment) or under (below
 * 50% of the pro-rata allotment by `now`) under each.
 */
export function simulatePolicy(input: {
  draft: Policy;
  current: Policy[];
  members: SimulationMember[];
  entriesByMember: Map<string, TimeEntry[]> | Record<string, TimeEntry[]>;
  year: number;
  now: Date;
  overrides?: MemberOverride[];
}): Simulation {
  const { draft, current, members, entriesByMember, year, now, overrides = [] } = input;
  const drafted = withDraft(current, draft);
  const rows = new Map<string, SimulationRow>();
  const empty = (): SimulationRow => ({
    members: 0,
    over: 0,
    under: 0,
    totalGranted: 0,
    totalGrantedCurrent: 0,
    delta: 0,
    overCurrent: 0,
    underCurrent: 0,
  });

  for (const m of members) {
    if (yearShare(m.joinedAt, m.leftAt, year) <= 0) continue; // not a member in this year
    const used = entriesOf(entriesByMember, m.id)
      .filter((e) => e.status !== "rejected" && localDay(e.date).year === year)
      .reduce((s, e) => s + e.hours, 0);
    const grantedDraft = allotment({ policies: drafted, member: m, year, overrides }).hours;
    const grantedCurrent = allotment({ policies: current, member: m, year, overrides }).hours;
    const dueDraft = proRataAllotment(drafted, m, overrides, year, now);
    const dueCurrent = proRataAllotment(current, m, overrides, year, now);

    const row = rows.get(m.unitId) ?? empty();
    row.members += 1;
    row.totalGranted += grantedDraft;
    row.totalGrantedCurrent += grantedCurrent;
    if (used > grantedDraft) row.over += 1;
    if (used > grantedCurrent) row.overCurrent += 1;
    if (dueDraft > 0 && used < UNDER_USE_RATIO * dueDraft) row.under += 1;
    if (dueCurrent > 0 && used < UNDER_USE_RATIO * dueCurrent) row.underCurrent += 1;
    rows.set(m.unitId, row);
  }

  const totals = empty();
  const units: SimulationUnitRow[] = [...rows.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([unitId, r]) => {
      for (const k of Object.keys(totals) as (keyof SimulationRow)[]) totals[k] += r[k];
      return {
        unitId,
        ...r,
        totalGranted: round2(r.totalGranted),
        totalGrantedCurrent: round2(r.totalGrantedCurrent),
        delta: round2(r.totalGranted - r.totalGrantedCurrent),
      };
    });
  totals.totalGranted = round2(totals.totalGranted);
  totals.totalGrantedCurrent = round2(totals.totalGrantedCurrent);
  totals.delta = round2(totals.totalGranted - totals.totalGrantedCurrent);
  return { units, totals };
}
