// Requester pages (a chunk of its own).
import { match } from "../../lib/router";
import { NotFound } from "../NotFound";
import { NewRequest } from "./NewRequest";
import { MyRequests } from "./MyRequests";
import { RequestDetail } from "./RequestDetail";

export default function RequesterRoutes({ path }: { path: string }) {
  if (path === "/requests/new") return <NewRequest />;
  if (path === "/requests") return <MyRequests />;
  const m = match("/requests/:id", path);
  if (m) return <RequestDetail key={m.id} id={m.id} />;
  return <NotFound />;
}
