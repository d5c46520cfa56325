// Coordinator and helpline-planner pages (a chunk of their own).
import { useSession } from "../../lib/session";
import { NotFound } from "../NotFound";
import { Dashboard } from "./Dashboard";
import { Budgets } from "./Budgets";
import { Approvals } from "./Approvals";
import { Simulation } from "./Simulation";
import { Pools } from "./Pools";
import { Helpline } from "./Helpline";
import { NetworkRequests } from "./NetworkRequests";
import { UnitSupplements } from "./UnitSupplements";

export default function CoordinatorRoutes({ path }: { path: string }) {
  const { has } = useSession();
  if (path === "/helpline") return <Helpline />;
  if (!has("coordinator")) return <NotFound />;
  switch (path) {
    case "/coord":
      return <Dashboard />;
    case "/coord/budgets":
      return <Budgets />;
    case "/coord/approvals":
      return <Approvals />;
    case "/coord/simulate":
      return <Simulation />;
    case "/coord/pools":
      return <Pools />;
    case "/coord/network-requests":
      return <NetworkRequests />;
    case "/coord/supplements":
      return <UnitSupplements />;
    default:
      return <NotFound />;
  }
}
