// The audit trail for auditors and admins.
import { z } from "zod";
import { Id, IsoDateTime, paging, pageOf } from "./common";

const when = z.iso.datetime({ offset: true }).or(z.iso.date());
export const auditFilter = {
  resourceType: z.string().max(64).optional(),
  resourceId: z.string().max(64).optional(),
  actorId: z.string().max(64).optional(),
  subject: z.string().max(64).optional().meta({ description: "Whose data: the resource or an owner/member/requester named in the details" }),
  action: z.string().max(64).optional(),
  from: when.optional(),
  to: when.optional().meta({ description: "A bare date means the whole of that day" }),
};
export const auditQuery = z.object({ ...auditFilter, ...paging });
export const auditExportQuery = z.object(auditFilter);

export const AuditEventView = z.object({
  id: Id,
  at: IsoDateTime,
  actorId: z.string(),
  actorRoles: z.array(z.string()),
  action: z.string(),
  resourceType: z.string(),
  resourceId: z.string(),
  details: z.unknown().optional(),
});
export const AuditPage = pageOf(AuditEventView);
