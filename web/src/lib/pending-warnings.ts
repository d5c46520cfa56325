// Carries the create response's `warnings` from the form to the request page it navigates to.
import type { Warning } from "../api/types";

const store = new Map<string, (Warning | string)[]>();

export const pendingWarnings = {
  set(id: string, w: (Warning | string)[] | undefined) {
    if (w?.length) store.set(id, w);
  },
  take(id: string): (Warning | string)[] {
    const w = store.get(id) ?? [];
    store.delete(id);
    return w;
  },
};
