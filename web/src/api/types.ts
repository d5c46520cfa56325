// The shapes the web app reads, named after the operation that returns them: derived from the generated
// OpenAPI types (schema.d.ts), never typed by hand. Value lists come from api/src/contract/values.ts.
import type { HumanRole, Mode, RequestStatus, Urgency } from "../../../api/src/contract/values";
import type { ApiAnswer } from "./typed-client";

export type { Mode, RequestStatus, Urgency };
export type Role = HumanRole;

type Item<L> = L extends { data: (infer T)[] } ? T : L extends (infer T)[] ? T : never;

export type Me = ApiAnswer<"/auth/me", "get">;
export type Unit = Item<ApiAnswer<"/units", "get">>;
export type Network = Item<ApiAnswer<"/networks", "get">>;
export type Expertise = Item<ApiAnswer<"/expertise", "get">>;
export type Offer = Item<ApiAnswer<"/offers", "get">>;
export type OfferedRequest = NonNullable<Offer["request"]>;
export type Req = ApiAnswer<"/requests/{id}", "get">;
export type ReqRow = Item<ApiAnswer<"/requests", "get">>;
export type CreatedReq = ApiAnswer<"/requests", "post">;
export type Warning = CreatedReq["warnings"][number];
export type Candidate = Item<ApiAnswer<"/requests/{id}/candidates", "get">>;
export type ReasonCode = NonNullable<Candidate["reasonCodes"]>[number];
export type Budget = Item<ApiAnswer<"/budgets", "get">>;
export type OwnBudget = ApiAnswer<"/budgets/me", "get">;
export type BudgetAlert = Item<ApiAnswer<"/budgets/alerts", "get">>;
export type TimeEntry = Item<ApiAnswer<"/time-entries", "get">>;
export type MemberProfile = ApiAnswer<"/members/me", "get">;
export type Shift = Item<ApiAnswer<"/helpline/shifts", "get">>;
export type KnowledgeNote = Item<ApiAnswer<"/knowledge", "get">>;
export type Pool = Item<ApiAnswer<"/pools", "get">>;
export type PoolMember = NonNullable<Pool["members"]>[number];
export type HelplineMember = Item<ApiAnswer<"/helpline/members", "get">>;
export type RequestSummary = ApiAnswer<"/requests/summary", "get">;
export type NetworkRequest = Item<ApiAnswer<"/network-requests", "get">>;
export type PolicyVersion = Item<ApiAnswer<"/policies", "get">>;
export type AdminUser = Item<ApiAnswer<"/admin/users", "get">>;
export type ApiKey = Item<ApiAnswer<"/admin/api-keys", "get">>;
export type AuditEvent = Item<ApiAnswer<"/audit", "get">>;
export type Coverage = ApiAnswer<"/helpline/coverage", "get">;
export type HelplineStats = ApiAnswer<"/helpline/stats", "get">;
export type DirectoryMember = Item<ApiAnswer<"/members", "get">>;
export type Simulation = ApiAnswer<"/policies/simulate", "post">;
