// Member pages (a chunk of its own).
import { NotFound } from "../NotFound";
import { Offers } from "./Offers";
import { Engagements } from "./Engagements";
import { MyBudget } from "./MyBudget";
import { Profile } from "./Profile";
import { Shifts } from "./Shifts";

export default function MemberRoutes({ path }: { path: string }) {
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
