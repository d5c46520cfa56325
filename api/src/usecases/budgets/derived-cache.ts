// Results derived from the budget read model (the summary, the CSV export), reused while the model's
// version stays the same: a reviewer reloading the page costs a lookup instead of a pass over every
// member in scope. Any event or reload of the model changes its version, and the next call recomputes.
import type { Principal } from "../../auth/principal";
import { budgetReadModel } from "./read-model";

export class DerivedCache<T> {
  private entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly max: number) {}

  async get(key: string, compute: () => Promise<T>): Promise<T> {
    await budgetReadModel.members(); // loaded, so that the version read next is the data's
    const version = budgetReadModel.version;
    const hit = this.entries.get(key);
    if (hit && hit.version === version) return hit.value;
    // Computed from the model as of `version`; an event meanwhile changes the version, so this
    // value is never served for a later state.
    const value = await compute();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { version, value });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}

/** Who is asking, as far as the budgets they may see depend on it. */
export const viewerKey = (actor: Principal): string => JSON.stringify([actor.id, [...actor.roles].sort(), actor.memberId ?? null, actor.scope]);
