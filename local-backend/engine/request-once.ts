// At-most-once client mutations: a request key names one mutation request, and a retry of it
// (a reconnecting client resending what it never saw answered) gets the first outcome instead
// of running again, across restarts too. The key is built by the caller (server/request-key.ts).
import type { JSONValue } from "convex/values";
import type { RunResult } from "./engine";
import type { Persistence, PersistedState } from "./persistence";
import { ReadSet } from "./read-set";

const MAX_REMEMBERED_REQUESTS = 10_000;

export class RequestsOnce {
  private readonly inFlight = new Map<string, Promise<RunResult>>();

  constructor(
    private readonly done: PersistedState["requests"],
    private readonly persistence: Persistence,
  ) {}

  async run(key: string, execute: () => Promise<RunResult>): Promise<RunResult> {
    const done = this.done.get(key);
    if (done !== undefined) return { ok: true, value: done.value, journal: null, ts: BigInt(done.ts), logLines: [], reads: new ReadSet() };
    const inFlight = this.inFlight.get(key);
    if (inFlight !== undefined) return inFlight;
    const running = execute().then(async (result) => {
      if (result.ok) this.remember(key, result.value, result.ts);
      // The answer goes out only once its commit (and the remembered result) is on disk.
      await this.persistence.durable();
      return result;
    });
    this.inFlight.set(key, running);
    try {
      return await running;
    } finally {
      this.inFlight.delete(key);
    }
  }

  private remember(key: string, value: JSONValue, ts: bigint): void {
    this.done.set(key, { value, ts: ts.toString() });
    if (this.done.size > MAX_REMEMBERED_REQUESTS) {
      const oldest = this.done.keys().next().value;
      if (oldest !== undefined) this.done.delete(oldest);
    }
    this.persistence.appendRequestResult(key, value, ts);
  }
}
