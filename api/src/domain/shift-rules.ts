// Validation of a helpline shift against the member's other shifts. Durations are elapsed time,
// so a night shift across the autumn DST change is one hour longer than the wall clock suggests.
import type { FieldErrorCode } from "../contract/error-codes";

export interface FieldError {
  path: string;
  message: string;
  /** Stable machine code (api/src/contract/error-codes.ts). */
  code?: FieldErrorCode;
  params?: Record<string, string | number | boolean>;
}

export const MAX_SHIFT_HOURS = 12;

export interface ShiftLike {
  id?: string;
  start: Date;
  end: Date;
}

const valid = (d: unknown): d is Date => d instanceof Date && !Number.isNaN(d.getTime());

/** Field errors for a shift; `others` are the member's other shifts (same id is skipped on updates). */
export function validateShift(shift: ShiftLike, others: ShiftLike[]): FieldError[] {
  const errors: FieldError[] = [];
  if (!valid(shift.start)) errors.push({ path: "start", code: "invalid_date", message: "start must be a valid date" });
  if (!valid(shift.end)) errors.push({ path: "end", code: "invalid_date", message: "end must be a valid date" });
  if (errors.length > 0) return errors;

  const s = shift.start.getTime();
  const e = shift.end.getTime();
  if (e <= s) {
    errors.push({ path: "end", code: "end_before_start", message: "end must be after start" });
    return errors;
  }
  if (e - s > MAX_SHIFT_HOURS * 3_600_000) {
    errors.push({ path: "end", code: "range_too_long", params: { maximum: MAX_SHIFT_HOURS }, message: `a shift may last at most ${MAX_SHIFT_HOURS} hours` });
  }
  for (const o of others) {
    if (shift.id !== undefined && o.id === shift.id) continue;
    if (!valid(o.start) || !valid(o.end)) continue;
    // Half-open intervals: a shift may start exactly when another ends.
    if (o.start.getTime() < e && s < o.end.getTime()) {
      errors.push({
        path: "start",
        code: "shift_overlap",
        message: `overlaps another shift of this member (${o.start.toISOString()} – ${o.end.toISOString()})`,
      });
    }
  }
  return errors;
}
