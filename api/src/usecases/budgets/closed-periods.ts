// Closing a month: after that no time can be logged or edited in it (the unique index on
// `month` makes a second close a conflict rather than a duplicate).
import type { Principal } from "../../auth/principal";
import { conflict } from "../../http/problem";
import { ClosedPeriod } from "../../models/closed-period";
import { audit } from "../audit";

export async function closeMonth(actor: Principal, month: string) {
  try {
    const c = await ClosedPeriod.create({ month, closedBy: actor.id });
    await audit(actor, "close", "time-period", month);
    return { month: c.month, closedBy: c.closedBy, closedAt: c.createdAt };
  } catch (err) {
    if ((err as { code?: number }).code === 11000) throw conflict(`${month} is already closed`, "period_closed");
    throw err;
  }
}

export async function listClosedMonths() {
  const docs = await ClosedPeriod.find({}).sort({ month: -1 }).lean();
  return docs.map((c) => ({ month: c.month, closedBy: c.closedBy, closedAt: c.createdAt }));
}
