// CPU time of another process (the embedded database child) for the benchmarks that print CPU per
// operation: on a shared machine latency follows the load, CPU per operation much less.
import { readFileSync } from "node:fs";

/** utime + stime of `pid` so far, in ms (Linux /proc; clock ticks of 10 ms); undefined when unknown. */
export function processCpuMs(pid: number | undefined): number | undefined {
  if (!pid) return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // the name in parentheses may hold spaces
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return undefined;
  }
}
