// What a restart brings back into convex-test's in-memory databases: documents with their ids
// and creation times, id counters, stored blobs, the commit timestamp, and scheduled functions
// still pending.
import type { Value } from "convex/values";
import { tableNameFromId } from "./hooks";
import type { ConvexGlobal, ConvexTestInternals } from "./internals";
import type { PersistedState } from "./persistence";
import type { FileStore } from "./storage";

export function restoreState(global: ConvexGlobal, state: PersistedState, files: FileStore): void {
  for (const [path, { db }] of Object.entries(global.components)) {
    const saved = state.components[path];
    if (saved === undefined) continue;
    db._documents = saved.documents;
    db._nextDocId = saved.nextDocId;
    db._lastCreationTime = saved.lastCreationTime;
    for (const id of Object.keys(saved.documents)) {
      if (tableNameFromId(id) !== "_storage") continue;
      const blob = files.load(path, id);
      if (blob !== null) db._storage[id] = blob;
    }
  }
  if (state.ts > global.transactionManager._lastCommitTs) global.transactionManager._lastCommitTs = state.ts;
}

/**
 * Re-arms the scheduled functions that were pending when the backend stopped. A job caught
 * in progress is a mutation that never committed (run it again) or an action whose effects
 * are unknown (mark it failed, as Convex does).
 */
export async function resumeScheduledJobs(options: {
  global: ConvexGlobal;
  internals: ConvexTestInternals;
  isAction: (componentPath: string, udfPath: string) => Promise<boolean>;
  timers: Set<ReturnType<typeof setTimeout>>;
}): Promise<void> {
  const { global, internals, isAction, timers } = options;
  for (const [componentPath, { db }] of Object.entries(global.components)) {
    for (const doc of Object.values(db._documents)) {
      if (tableNameFromId(String(doc._id)) !== "_scheduled_functions") continue;
      const job = doc as { _id: string; name: string; args: Value[]; scheduledTime: number; state: { kind: string; error?: string } };
      if (job.state.kind === "inProgress") {
        job.state = (await isAction(componentPath, job.name))
          ? { kind: "failed", error: "The local backend stopped while this action was running" }
          : { kind: "pending" };
      }
      if (job.state.kind !== "pending") continue;
      const timer = setTimeout(() => {
        timers.delete(timer);
        void internals.convexGlobalStorage.run(global, () =>
          internals.runScheduledFunction({
            db,
            jobId: job._id,
            componentPath,
            functionPath: { componentPath, udfPath: job.name },
            args: job.args[0] ?? {},
            name: job.name,
          }),
        );
      }, Math.max(0, job.scheduledTime - Date.now()));
      timers.add(timer);
    }
  }
}
