import type { Id } from "../_generated/dataModel";
import type { AuditActor } from "./auditEntries";

/*
 * The configuration API's audit entries: one per attempt, failures included,
 * with the seed's fields (status, latency, validation result, fields changed,
 * new ETag, errors) in `details`.
 */

export const CONFIG_TARGET = "widget_configuration";

/** validated: checked only (validateOnly); updated: saved, callback under way; completed: done; failed: refused. */
export type ConfigAuditStatus = "validated" | "updated" | "completed" | "failed";

export type ConfigAttempt = {
  workspaceId: Id<"workspaces">;
  actor: AuditActor;
  /** `widget_configuration.<verb>`: created, updated, deleted, cache_purged… */
  verb: string;
  configurationId: string | null;
  startedAt: number;
};

export type ConfigOutcome = {
  status: ConfigAuditStatus;
  httpStatus: number;
  fieldsChanged?: string[];
  newEtag?: string | null;
  errors?: Array<{ code: string; message: string }>;
  fields?: Record<string, string>;
  callbackDeliveryId?: string;
};

export function configAuditEntry(attempt: ConfigAttempt, outcome: ConfigOutcome, now: number) {
  const valid = outcome.fields === undefined && outcome.httpStatus !== 400;
  return {
    workspaceId: attempt.workspaceId,
    at: now,
    action: `${CONFIG_TARGET}.${attempt.verb}`,
    actor: attempt.actor,
    target: attempt.configurationId === null ? { type: CONFIG_TARGET } : { type: CONFIG_TARGET, id: attempt.configurationId },
    details: {
      status: outcome.status,
      httpStatus: outcome.httpStatus,
      latencyMs: Math.max(0, now - attempt.startedAt),
      validation: outcome.fields === undefined ? { valid } : { valid: false, fields: outcome.fields },
      fieldsChanged: outcome.fieldsChanged ?? [],
      newEtag: outcome.newEtag ?? null,
      errors: outcome.errors ?? [],
      ...(outcome.callbackDeliveryId !== undefined ? { callbackDeliveryId: outcome.callbackDeliveryId } : {}),
    },
  };
}
