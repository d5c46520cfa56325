// Importing this registers every model, so indexes are created at connect time.
import mongoose from "mongoose";

mongoose.set("toJSON", {
  virtuals: true,
  versionKey: false,
  transform: (_doc: unknown, ret: Record<string, unknown>) => {
    delete ret._id;
    return ret;
  },
});

export { User } from "./user";
export { Token } from "./token";
export { ApiKey } from "./api-key";
export { AuditEvent } from "./audit-event";
export { Member } from "./member";
export { Job } from "./job";
export { OidcLogin } from "./oidc-login";
export { Request, RequestCounter, RequestClaim } from "./request";
export { Offer } from "./offer";
export { Pool } from "./pool";
export { KnowledgeNote } from "./knowledge-note";
export { Shift } from "./shift";
export { HelplineCallPage } from "./helpline-call";
export { CalendarToken } from "./calendar-token";
export { HelplineGapReport } from "./helpline-gap-report";
export { TimeEntry } from "./time-entry";
export { TimeDay } from "./time-day";
export { PolicyVersion } from "./regulation";
export { BudgetOverride } from "./budget-override";
export { ClosedPeriod } from "./closed-period";
export { BudgetAlert } from "./budget-alert";
export { BudgetLock } from "./budget-lock";
export { BudgetTotals } from "./budget-totals";
export { NetworkRequest } from "./network-request";
export { NotificationPreference } from "./notification-preference";
export { PushSubscription } from "./push-subscription";
export { Setting } from "./setting";
export { Delivery } from "./delivery";
