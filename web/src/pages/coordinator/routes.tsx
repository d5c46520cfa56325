import { NotFound } from "../NotFound";

export default function Routes({ path }: { path: string }) {
  void path;
  return <NotFound />;
}
