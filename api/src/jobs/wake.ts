// Lets code that enqueues urgent jobs ask the running job runner of this process to poll at once.
let waker: (() => void) | undefined;

export function setJobWaker(fn: (() => void) | undefined): void {
  waker = fn;
}

export function wakeJobs(): void {
  waker?.();
}
