// Member pages (a chunk of its own).
import { NotFound } from "../NotFound";
import { match } from "../../lib/router";
import { Offers } from "./Offers";
import { Engagements } from "./Engagements";
import { MyBudget } from "./MyBudget";
import { Profile } from "./Profile";
import { Shifts } from "./Shifts";

export default function MemberRoutes({ path }: { path: string }) {
  // "#/offers/<id>": where a push notification or an e-mail link opens one offer.
  const one = match("/offers/:id", path);
  if (one) return <Offers focusId={one.id} />;
  switch (path) {
    case "/offers":
      return <Offers />;
    case "/engagements":
      return <Engagements />;
    case "/budget":
      return <MyBudget />;
    case "/profile":
      return <Profile />;
    case "/shifts":
      return <Shifts />;
    default:
      return <NotFound />;
  }
}
