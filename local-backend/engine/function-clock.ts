// Convex stops a query or mutation after 1 s ("Function execution timed out (maximum duration:
// 1s)") and rolls its writes back. Here a transaction's time runs from the moment it holds
// the lock (not while it queues behind others) to its commit or, for a query, its end. A
// shared 2-core CI machine stretches wall time without the function doing more work, so a
// transaction fails only when both its wall time and the process's CPU time over the same span
// pass the limit; and the limit takes a multiplier (--function-timeout-multiplier,
// OPENCOM_FUNCTION_TIMEOUT_MULTIPLIER) for machines slower still.
import { DeploymentError } from "./errors";
import type { TransactionManager } from "./internals";

export const CONVEX_FUNCTION_TIMEOUT_MS = 1000;

export class FunctionTimeoutError extends DeploymentError {}

interface Started {
  wallMs: number;
  cpu: NodeJS.CpuUsage;
}

export function enforceFunctionTimeout(transactions: TransactionManager, multiplier: number): void {
  const limitMs = CONVEX_FUNCTION_TIMEOUT_MS * multiplier;
  // Top-level transactions hold convex-test's lock one at a time, so one clock is enough.
  let started: Started | null = null;
  const overLimit = (): boolean => {
    if (started === null) return false;
    const wallMs = performance.now() - started.wallMs;
    const cpu = process.cpuUsage(started.cpu);
    return wallMs > limitMs && (cpu.user + cpu.system) / 1000 > limitMs;
  };
  const timedOut = () => new FunctionTimeoutError(`Function execution timed out (maximum duration: ${limitMs / 1000}s)`);

  const begin = transactions.begin.bind(transactions);
  transactions.begin = async (isNested, limits) => {
    await begin(isNested, limits);
    if (!isNested) started = { wallMs: performance.now(), cpu: process.cpuUsage() };
  };
  const commit = transactions.commit.bind(transactions);
  transactions.commit = (isNested) => {
    // Throwing before the commit makes convex-test roll the writes back.
    if (!isNested && overLimit()) throw timedOut();
    if (!isNested) started = null;
    return commit(isNested);
  };
  const rollback = transactions.rollback.bind(transactions);
  transactions.rollback = (isNested) => {
    const late = !isNested && overLimit();
    if (!isNested) started = null;
    rollback(isNested);
    // A query ends with a rollback: failing here turns its result into the timeout.
    if (late) throw timedOut();
  };
}
