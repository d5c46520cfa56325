// Loading a request for a caller: 404 for unknown ids (and malformed ones), 403 when the policy says no.
import { isValidObjectId } from "mongoose";
import type { Principal } from "../../auth/principal";
import { forbidden, notFound } from "../../http/problem";
import { Request } from "../../models/request";

export async function findRequest(id: string) {
  if (!isValidObjectId(id)) throw notFound("Request");
  const r = await Request.findById(id).lean();
  if (!r) throw notFound("Request");
  return r;
}

export async function loadRequestFor(
  p: Principal,
  id: string,
  allowed: (p: Principal, r: Awaited<ReturnType<typeof findRequest>>) => boolean,
  find: typeof findRequest = findRequest,
) {
  const r = await find(id);
  if (!allowed(p, r)) throw forbidden("You may not access this request");
  return r;
}
