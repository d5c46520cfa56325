// A requester asks for expertise. Personal data in the text is warned about, not blocked; dispatch
// starts at once (in process) and is also scheduled as a durable job so a crash right now loses nothing.
import { randomBytes } from "node:crypto";
import { isValidObjectId } from "mongoose";
import type { Deps } from "../../deps";
import type { Principal } from "../../auth/principal";
import { findCitizenData, type CitizenDataKind } from "../../contract/personal-data";
import { unprocessable } from "../../http/problem";
import { nextRequestNumber, Request } from "../../models/request";
import { Pool } from "../../models/pool";
import { unknownExpertiseIds } from "../../reference/expertise";
import { unitById } from "../../reference/units";
import { scheduleJob } from "../../jobs/queue";
import { DISPATCH_JOB, dispatchJobKey, dispatchRequest, dispatchSettingsNow } from "../../dispatch/dispatch";
import type { NewRequest } from "./schemas";

const WARNING_TEXT: Record<CitizenDataKind, string> = {
  name: "The text seems to contain a citizen's name (after mevrouw/meneer/familie). Leave names out unless the expert needs them.",
  bsn: "The text seems to contain a citizen service number (BSN). Only share it where the question really needs it.",
  phone: "The text seems to contain a phone number. Remove citizens' contact details unless the expert needs them.",
  email: "The text seems to contain an e-mail address. Remove citizens' contact details unless the expert needs them.",
};

export async function validateRequestInput(input: NewRequest) {
  const unknown = unknownExpertiseIds(input.expertise);
  if (unknown.length)
    throw unprocessable(
      `Unknown expertise: ${unknown.join(", ")}`,
      unknown.map((id) => ({ path: "body.expertise", code: "unknown_expertise" as const, params: { id }, message: `Unknown expertise id ${id}` })),
    );
  if (!unitById(input.unitId))
    throw unprocessable(`Unknown unit ${input.unitId}`, [
      { path: "body.unitId", code: "unknown_unit", params: { id: input.unitId }, message: `Unknown unit ${input.unitId}` },
    ]);
  if (input.poolId && (!isValidObjectId(input.poolId) || !(await Pool.exists({ _id: input.poolId }))))
    throw unprocessable(`Unknown pool ${input.poolId}`, [{ path: "body.poolId", code: "unknown_pool", message: `Unknown pool ${input.poolId}` }]);
}

export function personalDataWarnings(...texts: string[]) {
  const kinds = new Set(texts.flatMap((t) => findCitizenData(t).map((f) => f.kind)));
  return [...kinds].map((kind) => ({ kind, message: WARNING_TEXT[kind] }));
}

export async function createRequest(deps: Deps, actor: Principal, input: NewRequest) {
  await validateRequestInput(input);
  const now = deps.now();
  const warnings = personalDataWarnings(input.title, input.description);
  const r = await Request.create({
    ...input,
    number: await nextRequestNumber(now),
    status: "open",
    requesterId: actor.id,
    warnings,
    refSalt: randomBytes(24).toString("base64url"),
    dispatchRound: 0,
    dispatchSettings: dispatchSettingsNow(deps, input.urgency), // frozen: later configuration changes do not alter it
  });
  await scheduleJob(DISPATCH_JOB, now, { requestId: r.id, round: 0 }, dispatchJobKey(r.id, 0));
  deps.events.publish({ type: "request.created", actor, request: r.toObject(), warnings: warnings.map((w) => w.kind) });
  // Kick off the first round now; the job above is the fallback and finds the round taken.
  void dispatchRequest(deps, r.id, { round: 0 }).catch((err) =>
    deps.logger.warn({ err: String(err), requestId: r.id }, "first dispatch failed; the job retries"),
  );
  return r.toObject();
}
