// Admin and auditor pages (a chunk of their own): users, API keys, the audit trail.
import { useSession } from "../../lib/session";
import { NotFound } from "../NotFound";
import { Users } from "./Users";
import { ApiKeys } from "./ApiKeys";
import { AuditTrail } from "./AuditTrail";

export default function AdminRoutes({ path }: { path: string }) {
  const { has } = useSession();
  if (path === "/audit" && has("auditor", "admin")) return <AuditTrail />;
  if (!has("admin")) return <NotFound />;
  if (path === "/admin/users") return <Users />;
  if (path === "/admin/api-keys") return <ApiKeys />;
  return <NotFound />;
}
