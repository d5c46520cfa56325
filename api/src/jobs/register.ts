// Every job type and periodic task of the service, in one place.
import type { Deps } from "../deps";
import type { JobRunner } from "./runner";

export type StopHook = () => Promise<void> | void;

export async function registerJobs(_runner: JobRunner, _deps: Deps): Promise<StopHook[]> {
  const stops: StopHook[] = [];
  return stops;
}
