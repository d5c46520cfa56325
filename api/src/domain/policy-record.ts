// A stored korpsregeling version with its four-eyes metadata: what the budget use cases load and the
// policy presenter shows. Here, below both, so the presenter needs no import from the use cases.
import type { Policy } from "./types";

export type PolicyKind = "force-wide" | "unit-supplement";
export type PolicyStatus = "proposed" | "approved" | "rejected";

export interface PolicyRecord extends Policy {
  name?: string;
  createdBy: string;
  createdAt?: Date;
  kind: PolicyKind;
  status: PolicyStatus;
  reason?: string;
  unitId?: string;
  hours?: number;
  carrySupplements?: boolean;
  decidedBy?: string;
  decidedAt?: Date;
  decisionReason?: string;
}
