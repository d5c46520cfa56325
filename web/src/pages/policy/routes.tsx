// Policy-admin pages (a chunk of their own): the force-wide korpsregeling, four eyes.
import { NotFound } from "../NotFound";
import { PolicyAdmin } from "./PolicyAdmin";

export default function PolicyRoutes({ path }: { path: string }) {
  return path === "/policy" ? <PolicyAdmin /> : <NotFound />;
}
