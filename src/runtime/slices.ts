import { logError } from "../sdk/log";

/**
 * Work that may wait a moment, run in short tasks so the page stays responsive. When a
 * session boots, every live query of the widget subscribes at once; in one task, that and the
 * Convex client compiling its code on first use made a long task (over 50 ms at 4x CPU).
 * Queued jobs run in order, each task taking jobs until `budgetMs` has passed; the rest
 * wait for the next task.
 */
export interface Slicer {
  run(job: () => void): void;
  /** Drops the jobs not yet run. */
  stop(): void;
}

/** Runs each job at once: for tests, and wherever there is no page to keep responsive. */
export const runAtOnce: Slicer = { run: (job) => job(), stop() {} };

/** One task's budget: a fifth of what makes a long task, leaving room for a slow job. */
export const SLICE_BUDGET_MS = 10;

export function createSlicer(schedule: (next: () => void) => void, now: () => number, budgetMs = SLICE_BUDGET_MS): Slicer {
  let jobs: Array<() => void> = [];
  let scheduled = false;

  const drain = () => {
    scheduled = false;
    const started = now();
    while (jobs.length > 0) {
      if (now() - started >= budgetMs) return plan();
      const job = jobs.shift() as () => void;
      try {
        job();
      } catch (error) {
        logError("a deferred job failed", error); // and the rest still run
      }
    }
  };
  const plan = () => {
    if (scheduled) return;
    scheduled = true;
    schedule(drain);
  };

  return {
    run(job) {
      jobs.push(job);
      plan();
    },
    stop() {
      jobs = [];
    },
  };
}
