// Listing requests: your own (mine=1, the default for non-coordinators), or for coordinators all
// requests of their units; cursor paging on _id (newest first).
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { OPEN_STATUSES } from "../../contract/values";
import { Request } from "../../models/request";
import { requestScopeFilter } from "../../access/requests";
import { presentRequestRow } from "../../presenters/request";
import { unprocessable } from "../../http/problem";

export interface ListQuery {
  mine?: boolean;
  status?: string;
  escalated?: boolean;
  limit: number;
  cursor?: string;
}

export async function listRequests(actor: Principal, q: ListQuery) {
  const scope = requestScopeFilter(actor);
  const filter: Record<string, unknown> = q.mine || !scope ? { requesterId: actor.id } : scope;
  if (q.status) filter.status = { $in: q.status.split(",") };
  // The coordinators' queue: requests the ladder handed to them and nobody has taken yet.
  if (q.escalated) Object.assign(filter, { escalationStep: "coordinators", status: { $in: OPEN_STATUSES } });
  if (q.cursor) {
    if (!isValidObjectId(q.cursor)) throw unprocessable("Invalid cursor", [{ path: "query.cursor", code: "invalid_cursor", message: "Invalid cursor" }]);
    filter._id = { $lt: q.cursor };
  }
  const rows = await Request.find(filter)
    .sort({ _id: -1 })
    .limit(q.limit + 1)
    .lean();
  const page = rows.slice(0, q.limit);
  return { data: page.map(presentRequestRow), ...(rows.length > q.limit ? { next: String(page[page.length - 1]!._id) } : {}) };
}
