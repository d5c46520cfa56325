// Who may do what on the Roze in Blauw helpline.
import type { Principal } from "../auth/principal";
import { hasRole } from "../auth/principal";

export const RIB = "roze-in-blauw";

export const isRibMember = (p: Principal) => !!p.memberId && p.networks.includes(RIB);
export const isPlanner = (p: Principal) => hasRole(p, "helpline-planner");

/**
 * Planners assign anyone; a member signs up and edits only themself. Whether that member is in
 * Roze in Blauw is checked on the member profile (the source of truth), not on the login.
 */
export const canManageShiftOf = (p: Principal, memberId: string) => isPlanner(p) || (!!p.memberId && p.memberId === memberId);

/** The roster and its coverage: planners, coordinators, admins and the RiB members themselves. */
export const canReadRoster = (p: Principal) => hasRole(p, "helpline-planner", "coordinator", "admin") || isRibMember(p);

/** Call statistics (capacity planning for the RSCs). */
export const canReadStats = (p: Principal) => hasRole(p, "helpline-planner", "coordinator", "admin");

/** A feed of the whole roster: planners and RiB members. */
export const canHaveHelplineFeed = (p: Principal) => isPlanner(p) || isRibMember(p);
