// The operation table: every HTTP operation of /api/v1 once, with who may call it and the schemas of its
// path parameters, query, body and answers. The routes validate with these same schema objects, the
// OpenAPI document is generated from this table (api/src/openapi/generate.ts), the test-time contract
// check (api/src/http/contract-check.ts) validates every answer against it, and a test fails when a
// mounted route has no entry here or an entry has no route (test/unit/openapi.test.ts).
import { z } from "zod";
import type { Role } from "./values";
import { emptyBody, idParams } from "./common";
import * as admin from "./admin";
import * as audit from "./audit";
import * as auth from "./auth";
import * as budgets from "./budgets";
import * as calendar from "./calendar";
import * as helpline from "./helpline";
import * as knowledge from "./knowledge";
import * as members from "./members";
import * as offers from "./offers";
import * as policies from "./policies";
import * as pools from "./pools";
import * as reference from "./reference";
import * as requests from "./requests";
import * as time from "./time-entries";

export type Method = "get" | "post" | "put" | "patch" | "delete";
/** How the caller proves who they are: a person (bearer token or session cookie), the telephony API key, a calendar token, or nobody. */
export type Auth = "user" | "telephony" | "calendar-token" | "none";
export type Media = "application/json" | "text/csv" | "text/calendar" | "redirect" | "none";

export interface Answer {
  status: number;
  description: string;
  /** Media type of the body; "redirect" is a 302 with a Location header, "none" an empty body (204). */
  media?: Media;
  schema?: z.ZodType;
  example?: unknown;
}

export interface Operation {
  id: string;
  method: Method;
  /** OpenAPI path below /api/v1, parameters as {name}. */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  auth: Auth;
  /** Roles of which the caller needs one; none listed means any signed-in person (or the auth alone). */
  roles?: readonly Role[];
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  ok: Answer;
  /** Problem statuses worth naming besides the ones the auth and input imply (401/403/422, 404 with params). */
  errors?: number[];
}

const json = (status: number, description: string, schema: z.ZodType, example?: unknown): Answer => ({ status, description, schema, media: "application/json", example });
const ok = (schema: z.ZodType, description = "OK", example?: unknown) => json(200, description, schema, example);
const created = (schema: z.ZodType, description = "Created", example?: unknown) => json(201, description, schema, example);
const noContent = (description = "Done"): Answer => ({ status: 204, description, media: "none" });
const REVIEWERS = ["coordinator", "admin"] as const;

export const OPERATIONS: readonly Operation[] = [
  // ---- meta
  { id: "getOpenapi", method: "get", path: "/openapi.json", tag: "meta", summary: "This document (OpenAPI 3.1)", auth: "none", ok: ok(z.looseObject({ openapi: z.string() }), "The OpenAPI document") },

  // ---- auth
  {
    id: "login", method: "post", path: "/auth/login", tag: "auth", auth: "none",
    summary: "Log in with username and password; returns a bearer token and sets the session cookie",
    body: auth.loginSchema, ok: ok(auth.LoginResult, "Token and user"), errors: [401, 423, 429],
  },
  { id: "logout", method: "post", path: "/auth/logout", tag: "auth", auth: "user", summary: "Revoke the current token or session", ok: noContent("Signed out") },
  { id: "getMe", method: "get", path: "/auth/me", tag: "auth", auth: "user", summary: "The caller", ok: ok(auth.Me) },
  { id: "getProviders", method: "get", path: "/auth/providers", tag: "auth", auth: "none", summary: "Sign-in methods on offer", ok: ok(auth.Providers, "OK", { local: true, oidc: false }) },
  {
    id: "startOidc", method: "get", path: "/auth/oidc", tag: "auth", auth: "none", query: auth.oidcStartQuery,
    summary: "Start sign-in with the corporate OpenID Connect provider (code flow with PKCE)",
    ok: { status: 302, description: "Redirect to the identity provider", media: "redirect" }, errors: [404],
  },
  {
    id: "finishOidc", method: "get", path: "/auth/oidc/callback", tag: "auth", auth: "none",
    summary: "Return from the identity provider; sets the session cookie and redirects into the app",
    ok: { status: 302, description: "Redirect into the web app", media: "redirect" }, errors: [401, 404],
  },

  // ---- admin
  { id: "createUser", method: "post", path: "/admin/users", tag: "admin", auth: "user", roles: ["admin"], summary: "Create a user; a member role creates the member profile", body: admin.newUserSchema, ok: created(admin.CreatedUser), errors: [409] },
  { id: "listUsers", method: "get", path: "/admin/users", tag: "admin", auth: "user", roles: ["admin"], summary: "List users (?q= part of username or name)", query: admin.usersQuery, ok: ok(admin.UserList) },
  {
    id: "updateUser", method: "patch", path: "/admin/users/{id}", tag: "admin", auth: "user", roles: ["admin"], params: idParams,
    summary: "Change roles, scope, active, name, unit or networks (never one's own roles, scope, unit or networks)", body: admin.patchUserSchema, ok: ok(admin.UserView),
  },
  { id: "resetPassword", method: "post", path: "/admin/users/{id}/reset-password", tag: "admin", auth: "user", roles: ["admin"], params: idParams, summary: "Set a new password; ends the user's sessions", body: admin.resetPasswordSchema, ok: noContent() },
  { id: "createApiKey", method: "post", path: "/admin/api-keys", tag: "admin", auth: "user", roles: ["admin"], summary: "Create an API key for a machine client; the key is shown once", body: admin.newApiKeySchema, ok: created(admin.CreatedApiKey) },
  { id: "listApiKeys", method: "get", path: "/admin/api-keys", tag: "admin", auth: "user", roles: ["admin"], summary: "API keys without the key itself, with their last use", ok: ok(admin.ApiKeyList) },
  { id: "revokeApiKey", method: "delete", path: "/admin/api-keys/{id}", tag: "admin", auth: "user", roles: ["admin"], params: idParams, summary: "Revoke an API key; it stops working at once", ok: noContent("Revoked"), errors: [409] },

  // ---- reference
  { id: "listUnits", method: "get", path: "/units", tag: "reference", auth: "user", summary: "Units with their RSC phone", ok: ok(reference.UnitList) },
  { id: "listNetworks", method: "get", path: "/networks", tag: "reference", auth: "user", summary: "Networks of the NDV family", ok: ok(reference.NetworkList) },
  { id: "listExpertise", method: "get", path: "/expertise", tag: "reference", auth: "user", summary: "The expertise taxonomy", ok: ok(reference.ExpertiseList) },

  // ---- helpline
  {
    id: "routeCall", method: "post", path: "/helpline/route", tag: "helpline", auth: "telephony", roles: ["telephony"],
    summary: "Telephony webhook: where a call goes; idempotent per callId; always answers, also for malformed input (then to an RSC)",
    body: helpline.routeCallBody,
    ok: ok(helpline.RouteAnswer, "Where to send the call", { callId: "a84b4c76e66710@pc33", action: "rsc", target: { phone: "+31102747474", unitId: "rotterdam", sipUri: "sip:+31102747474@trunk.helpline.invalid" }, reason: "no RiB member on duty" }),
  },
  {
    id: "recordCallOutcome", method: "post", path: "/helpline/calls/{callId}/outcome", tag: "helpline", auth: "telephony", roles: ["telephony"], params: helpline.callParams,
    summary: "Telephony: the outcome of a routed call", body: helpline.outcomeSchema, ok: ok(helpline.OutcomeRecorded),
  },
  {
    id: "listShifts", method: "get", path: "/helpline/shifts", tag: "helpline", auth: "user", roles: ["helpline-planner", "coordinator", "member", "admin"],
    summary: "The roster in a window (planners, coordinators, Roze in Blauw members)", query: helpline.shiftsQuery, ok: ok(helpline.ShiftList),
  },
  {
    id: "createShift", method: "post", path: "/helpline/shifts", tag: "helpline", auth: "user", roles: ["helpline-planner", "member"],
    summary: "Sign up (an approved Roze in Blauw member, for themselves) or assign (a planner) a shift; 422 on overlap, end before start, > 12 h",
    body: helpline.newShiftSchema, ok: created(helpline.ShiftView),
  },
  { id: "updateShift", method: "patch", path: "/helpline/shifts/{id}", tag: "helpline", auth: "user", params: idParams, summary: "Edit a shift (own, or any as planner)", body: helpline.shiftPatchSchema, ok: ok(helpline.ShiftView), errors: [409] },
  { id: "deleteShift", method: "delete", path: "/helpline/shifts/{id}", tag: "helpline", auth: "user", params: idParams, summary: "Remove a shift (own, or any as planner)", ok: noContent("Removed") },
  { id: "listHelplineMembers", method: "get", path: "/helpline/members", tag: "helpline", auth: "user", roles: ["helpline-planner", "admin"], summary: "Active Roze in Blauw members a planner can put on the roster", query: helpline.helplineMembersQuery, ok: ok(helpline.HelplineMemberList) },
  { id: "getCoverage", method: "get", path: "/helpline/coverage", tag: "helpline", auth: "user", summary: "Uncovered windows of the roster (?byHourOfWeek=1 adds the weekly pattern)", query: helpline.coverageQuery, ok: ok(helpline.Coverage) },
  { id: "getGaps", method: "get", path: "/helpline/gaps", tag: "helpline", auth: "user", summary: "Latest finding of the daily 7-day coverage check", ok: ok(helpline.GapReport) },
  {
    id: "getHelplineStats", method: "get", path: "/helpline/stats", tag: "helpline", auth: "user", roles: ["helpline-planner", "coordinator", "admin"],
    summary: "Call statistics: totals, RSC share by hour of week (Europe/Amsterdam) and unit, missed, durations", query: helpline.windowQuery, ok: ok(helpline.HelplineStats),
  },

  // ---- calendar
  { id: "issueCalendarToken", method: "post", path: "/calendar/token", tag: "calendar", auth: "user", summary: "Create or rotate the caller's calendar feed token", ok: ok(calendar.CalendarToken) },
  {
    id: "memberCalendar", method: "get", path: "/calendar/me.ics", tag: "calendar", auth: "calendar-token", query: calendar.feedQuery,
    summary: "The member's shifts and accepted engagements (time, \"NDV engagement\", request number; no case text)",
    ok: { status: 200, description: "iCalendar feed", media: "text/calendar", schema: calendar.IcsText }, errors: [401],
  },
  {
    id: "helplineCalendar", method: "get", path: "/calendar/helpline.ics", tag: "calendar", auth: "calendar-token", query: calendar.feedQuery,
    summary: "The helpline roster, first names only", ok: { status: 200, description: "iCalendar feed", media: "text/calendar", schema: calendar.IcsText }, errors: [401, 403],
  },

  // ---- time entries
  { id: "logTime", method: "post", path: "/time-entries", tag: "budgets", auth: "user", roles: ["member"], summary: "Log own hours; 422 naming the field", body: time.newEntrySchema, ok: created(time.TimeEntryView), errors: [409] },
  { id: "listTimeEntries", method: "get", path: "/time-entries", tag: "budgets", auth: "user", summary: "Own entries; reviewers: one member's or their scope's (e.g. the approval queue ?status=pending)", query: time.listEntriesQuery, ok: ok(time.TimeEntryList) },
  { id: "editTimeEntry", method: "patch", path: "/time-entries/{id}", tag: "budgets", auth: "user", params: idParams, summary: "Correct own entry; an approved entry goes back to pending", body: time.patchEntrySchema, ok: ok(time.TimeEntryView), errors: [409] },
  { id: "approveTimeEntries", method: "post", path: "/time-entries/approve", tag: "budgets", auth: "user", roles: ["coordinator"], summary: "Approve many entries; each checked like a single approval", body: time.approveManySchema, ok: ok(time.ApproveManyResult) },
  { id: "approveTimeEntry", method: "post", path: "/time-entries/{id}/approve", tag: "budgets", auth: "user", roles: ["coordinator"], params: idParams, summary: "Approve a pending entry (coordinator in scope, never one's own)", body: emptyBody, ok: ok(time.TimeEntryView), errors: [409] },
  { id: "rejectTimeEntry", method: "post", path: "/time-entries/{id}/reject", tag: "budgets", auth: "user", roles: ["coordinator"], params: idParams, summary: "Reject a pending entry with a reason (coordinator in scope)", body: time.rejectEntrySchema, ok: ok(time.TimeEntryView), errors: [409] },

  // ---- budgets
  { id: "listBudgets", method: "get", path: "/budgets", tag: "budgets", auth: "user", roles: REVIEWERS, summary: "Budgets per member in scope", query: budgets.budgetListQuery, ok: ok(budgets.BudgetList) },
  { id: "getOwnBudget", method: "get", path: "/budgets/me", tag: "budgets", auth: "user", summary: "The caller's own budget with its breakdown", query: budgets.yearOnlyQuery, ok: ok(budgets.OwnBudget), errors: [404] },
  { id: "getBudgetSummary", method: "get", path: "/budgets/summary", tag: "budgets", auth: "user", roles: REVIEWERS, summary: "Totals per unit and network", query: budgets.yearOnlyQuery, ok: ok(budgets.BudgetSummary) },
  {
    id: "exportBudgets", method: "get", path: "/budgets/export.csv", tag: "budgets", auth: "user", roles: REVIEWERS, query: budgets.exportQuery,
    summary: "Budgets as CSV, UTF-8 with BOM, formula cells neutralised (format=nl: semicolon, decimal comma, Dutch headers, unit names)",
    ok: { status: 200, description: "CSV file", media: "text/csv", schema: z.string() },
  },
  { id: "listBudgetAlerts", method: "get", path: "/budgets/alerts", tag: "budgets", auth: "user", roles: REVIEWERS, summary: "Queue of 80 % / 100 % alerts in scope (?all=1 includes acknowledged)", query: budgets.alertsQuery, ok: ok(budgets.BudgetAlertList) },
  { id: "acknowledgeBudgetAlert", method: "post", path: "/budgets/alerts/{id}/acknowledge", tag: "budgets", auth: "user", roles: REVIEWERS, params: idParams, summary: "Acknowledge an alert", ok: ok(budgets.BudgetAlert) },
  { id: "setBudgetOverride", method: "post", path: "/budgets/overrides", tag: "budgets", auth: "user", roles: REVIEWERS, summary: "Extra hours and permission to accept over budget for one member", body: budgets.overrideSchema, ok: created(budgets.Override), errors: [404] },
  { id: "listBudgetOverrides", method: "get", path: "/budgets/overrides", tag: "budgets", auth: "user", roles: REVIEWERS, summary: "Overrides of a member", query: budgets.overridesQuery, ok: ok(budgets.OverrideList), errors: [404] },
  { id: "listClosedMonths", method: "get", path: "/budgets/closed-periods", tag: "budgets", auth: "user", summary: "Closed months (no entries or policy changes go into them)", ok: ok(budgets.ClosedMonthList) },
  { id: "closeMonth", method: "post", path: "/budgets/closed-periods", tag: "budgets", auth: "user", roles: REVIEWERS, summary: "Close a month", body: budgets.closeMonthSchema, ok: created(budgets.ClosedMonth), errors: [409] },

  // ---- policies (korpsregeling)
  { id: "listPolicies", method: "get", path: "/policies", tag: "budgets", auth: "user", summary: "Korpsregeling versions in force or scheduled", query: policies.noQuery, ok: ok(policies.PolicyList) },
  {
    id: "proposePolicy", method: "post", path: "/policies", tag: "budgets", auth: "user", roles: ["policy-admin"], body: policies.proposalSchema, ok: created(policies.PolicyView), errors: [409],
    summary: "Propose a force-wide version; takes effect only once a different policy-admin approves it",
    description: "effectiveFrom today or later and not in a closed month; without unitSupplements the ones in force carry forward.",
  },
  { id: "listPolicyProposals", method: "get", path: "/policies/proposals", tag: "budgets", auth: "user", summary: "Force-wide proposals and their outcome (policy-admin, admin, auditor)", query: policies.proposalsQuery, ok: ok(policies.PolicyList) },
  { id: "approvePolicy", method: "post", path: "/policies/{id}/approve", tag: "budgets", auth: "user", roles: ["policy-admin"], params: idParams, summary: "Approve a proposed version (a policy-admin other than the proposer); audited", body: policies.decisionSchema, ok: ok(policies.PolicyView), errors: [409] },
  { id: "rejectPolicy", method: "post", path: "/policies/{id}/reject", tag: "budgets", auth: "user", roles: ["policy-admin"], params: idParams, summary: "Reject or withdraw a proposed version; audited", body: policies.decisionSchema, ok: ok(policies.PolicyView), errors: [409] },
  { id: "setUnitSupplement", method: "post", path: "/policies/unit-supplements", tag: "budgets", auth: "user", roles: ["coordinator"], summary: "Set a unit's supplement (coordinator of that unit); audited", body: policies.supplementSchema, ok: created(policies.PolicyView), errors: [409] },
  { id: "simulatePolicy", method: "post", path: "/policies/simulate", tag: "budgets", auth: "user", roles: ["coordinator", "admin", "policy-admin"], summary: "Impact of a draft policy on this year's usage, per unit", body: policies.draftSchema, ok: ok(policies.SimulationView) },

  // ---- members and memberships
  { id: "getOwnProfile", method: "get", path: "/members/me", tag: "members", auth: "user", summary: "Own member profile", ok: ok(members.Profile), errors: [404] },
  {
    id: "updateOwnProfile", method: "put", path: "/members/me", tag: "members", auth: "user", body: members.profileSchema, ok: ok(members.Profile), errors: [404],
    summary: "Update own profile; unitId and networks are granted, not writable here (accepted only unchanged; a change → 403)",
    description: "Unknown taxonomy ids → 422 listing them; consent changes are stamped by the server.",
  },
  { id: "listOwnNetworkRequests", method: "get", path: "/members/me/network-requests", tag: "members", auth: "user", summary: "The caller's own requests to join a network", ok: ok(z.object({ data: z.array(members.NetworkRequestView) })) },
  { id: "askToJoinNetwork", method: "post", path: "/members/me/network-requests", tag: "members", auth: "user", roles: ["member"], summary: "Ask to join a network; 409 when already a member or already asked", body: members.askToJoinSchema, ok: created(members.NetworkRequestView), errors: [409] },
  { id: "listNetworkRequests", method: "get", path: "/network-requests", tag: "members", auth: "user", summary: "Join requests in scope: coordinators of that network, admins; audited", query: members.networkRequestsQuery, ok: ok(z.object({ data: z.array(members.NetworkRequestView) })) },
  { id: "approveNetworkRequest", method: "post", path: "/network-requests/{id}/approve", tag: "members", auth: "user", roles: ["coordinator", "admin"], params: idParams, summary: "Approve a join request (never one's own); adds the network to the member; audited", body: members.decideJoinSchema, ok: ok(members.NetworkRequestView), errors: [409] },
  { id: "rejectNetworkRequest", method: "post", path: "/network-requests/{id}/reject", tag: "members", auth: "user", roles: ["coordinator", "admin"], params: idParams, summary: "Reject a join request; audited", body: members.decideJoinSchema, ok: ok(members.NetworkRequestView), errors: [409] },
  { id: "changeMemberUnit", method: "put", path: "/members/{id}/unit", tag: "members", auth: "user", roles: ["coordinator", "admin"], params: idParams, summary: "Move a member to another unit: an admin, or a coordinator of both units, never oneself; audited", body: members.changeUnitSchema, ok: ok(members.UnitChanged) },
  { id: "getMember", method: "get", path: "/members/{id}", tag: "members", auth: "user", params: idParams, summary: "A profile: self, coordinators in scope, or the requester of a request this member accepted (contact); audited", ok: ok(members.MemberRead) },
  { id: "searchMembers", method: "get", path: "/members", tag: "members", auth: "user", roles: ["coordinator"], summary: "Directory search for coordinators, members in scope", query: members.directoryQuery, ok: ok(members.Directory) },

  // ---- pools
  { id: "listPools", method: "get", path: "/pools", tag: "pools", auth: "user", summary: "Expertise pools", ok: ok(pools.PoolList) },
  { id: "createPool", method: "post", path: "/pools", tag: "pools", auth: "user", roles: ["coordinator", "admin"], summary: "Create a pool for units in scope (or a national pool)", body: pools.poolSchema, ok: created(pools.PoolView) },
  { id: "addPoolMember", method: "post", path: "/pools/{id}/members/{memberId}", tag: "pools", auth: "user", roles: ["coordinator", "admin"], params: pools.poolMemberParams, summary: "Add a member to a pool", ok: ok(pools.PoolView) },
  { id: "removePoolMember", method: "delete", path: "/pools/{id}/members/{memberId}", tag: "pools", auth: "user", roles: ["coordinator", "admin"], params: pools.poolMemberParams, summary: "Remove a member from a pool", ok: ok(pools.PoolView) },

  // ---- requests and offers
  {
    id: "createRequest", method: "post", path: "/requests", tag: "requests", auth: "user", body: requests.newRequestSchema, errors: [404],
    summary: "Ask for expertise; dispatch starts at once; warnings name obvious personal data in the text",
    ok: created(requests.CreatedRequest, "Created", { id: "674c0a1e9b1d4c0012a3b4c5", number: "NDV-2026-000123", status: "open", warnings: [] }),
  },
  { id: "listRequests", method: "get", path: "/requests", tag: "requests", auth: "user", summary: "Own requests; coordinators: all in scope; ?escalated=1 the coordinators' queue", query: requests.listRequestsQuery, ok: ok(requests.RequestPage) },
  { id: "getRequestSummary", method: "get", path: "/requests/summary", tag: "requests", auth: "user", roles: ["coordinator"], summary: "Coordinator dashboard figures for the requests in scope; no case text", ok: ok(requests.RequestSummary) },
  { id: "getRequest", method: "get", path: "/requests/{id}", tag: "requests", auth: "user", params: idParams, summary: "A request with its offers and, after acceptance, the assignee (requester, assignee, coordinators in scope; audited)", ok: ok(requests.RequestDetail) },
  { id: "updateRequest", method: "patch", path: "/requests/{id}", tag: "requests", auth: "user", params: idParams, summary: "The requester changes title and/or description while the request is open (audited; warnings recomputed)", body: requests.patchRequestSchema, ok: ok(requests.RequestView), errors: [409] },
  { id: "escalateRequest", method: "post", path: "/requests/{id}/escalate", tag: "requests", auth: "user", params: idParams, summary: "\"Zoek nu landelijk\": move an open request to the next escalation step now (requester or coordinator in scope)", body: emptyBody, ok: ok(requests.RequestDetail), errors: [409] },
  {
    id: "listCandidates", method: "get", path: "/requests/{id}/candidates", tag: "requests", auth: "user", params: idParams, query: requests.candidatesQuery,
    summary: "Ranked pseudonymous candidate cards; candidateRef per request, score in steps of 0.05, coarse request-relative reasons", ok: ok(z.array(requests.Candidate)),
  },
  { id: "cancelRequest", method: "post", path: "/requests/{id}/cancel", tag: "requests", auth: "user", params: idParams, summary: "Cancel (requester or coordinator in scope)", body: requests.cancelSchema, ok: ok(requests.RequestView), errors: [409] },
  { id: "completeRequest", method: "post", path: "/requests/{id}/complete", tag: "requests", auth: "user", params: idParams, summary: "Complete (the assignee); logs an operational time entry; a note with citizens' data → 422", body: requests.completeSchema, ok: ok(requests.CompletedRequest), errors: [409] },
  { id: "listOffers", method: "get", path: "/offers", tag: "offers", auth: "user", roles: ["member"], summary: "The member's inbox", query: offers.listOffersQuery, ok: ok(offers.OfferPage) },
  { id: "acceptOffer", method: "post", path: "/offers/{id}/accept", tag: "offers", auth: "user", roles: ["member"], params: idParams, summary: "Accept; first accept wins, a taken request → 409; over budget → 409 unless acute (flagged)", ok: ok(offers.AcceptedOffer), errors: [409] },
  { id: "declineOffer", method: "post", path: "/offers/{id}/decline", tag: "offers", auth: "user", roles: ["member"], params: idParams, summary: "Decline; the next candidate is offered", body: offers.declineSchema, ok: ok(offers.OfferView), errors: [409] },

  // ---- knowledge, search, audit
  { id: "createNote", method: "post", path: "/knowledge", tag: "knowledge", auth: "user", summary: "Store an anonymised note; citizens' data → 422", body: knowledge.noteSchema, ok: created(knowledge.KnowledgeNoteView) },
  { id: "listNotes", method: "get", path: "/knowledge", tag: "knowledge", auth: "user", summary: "Knowledge notes (?q= full text with typos and synonyms, ?expertise=)", query: knowledge.notesQuery, ok: ok(knowledge.NotePage) },
  { id: "getNote", method: "get", path: "/knowledge/{id}", tag: "knowledge", auth: "user", params: idParams, summary: "One knowledge note", ok: ok(knowledge.KnowledgeNoteView) },
  { id: "search", method: "get", path: "/search", tag: "knowledge", auth: "user", summary: "One search box: knowledge for all, members for coordinators in scope", query: knowledge.searchQuery, ok: ok(knowledge.SearchResult) },
  { id: "listAuditEvents", method: "get", path: "/audit", tag: "audit", auth: "user", roles: ["auditor", "admin"], summary: "The audit trail, newest first", query: audit.auditQuery, ok: ok(audit.AuditPage) },
  {
    id: "exportAuditEvents", method: "get", path: "/audit/export.csv", tag: "audit", auth: "user", roles: ["auditor", "admin"], query: audit.auditExportQuery,
    summary: "The audit trail as CSV (semicolon, BOM; formula cells neutralised), at most 10,000 rows; the export is itself audited",
    ok: { status: 200, description: "CSV file", media: "text/csv", schema: z.string() },
  },
];

const byKey = new Map(OPERATIONS.map((o) => [`${o.method.toUpperCase()} ${o.path}`, o]));
/** The operation of a method and an OpenAPI path (`/requests/{id}`). */
export const operationFor = (method: string, path: string): Operation | undefined => byKey.get(`${method.toUpperCase()} ${path}`);
/** Koa router path (`/api/v1/requests/:id`) → OpenAPI path (`/requests/{id}`). */
export const openapiPath = (routerPath: string): string => routerPath.replace(/^\/api\/v1/, "").replace(/:(\w+)/g, "{$1}").replace(/(.)\/$/, "$1") || "/";
