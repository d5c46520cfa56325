// Retention: case text of requests closed longer than RETENTION_DAYS ago is erased (the skeleton stays
// for budgets and statistics). Runs as a daily durable job.
import type { Deps } from "../../deps";
import { CLOSED_STATUSES } from "../../contract/values";
import { Request } from "../../models/request";

export async function purgeClosedRequests(deps: Deps): Promise<number> {
  const cutoff = new Date(deps.now().getTime() - deps.config.RETENTION_DAYS * 86_400_000);
  const res = await Request.updateMany(
    { status: { $in: CLOSED_STATUSES }, closedAt: { $lte: cutoff }, purgedAt: { $exists: false } },
    { $set: { description: "", purgedAt: deps.now() } },
  );
  if (res.modifiedCount) deps.logger.info({ purged: res.modifiedCount }, "request texts purged");
  return res.modifiedCount;
}
