import { v, type Infer } from "convex/values";
import type { Doc } from "../_generated/dataModel";

/**
 * The audit log's entry shape: who (actor) did what (action) to what (target),
 * when (at), what changed (field by field), and details. It only grows: every
 * field after `action` is optional, and `details` holds whatever else an action
 * needs to say (a REST request's method, path, status and latency; a configuration
 * id or etag), so later features add entries without a schema change.
 */

export const auditActorValidator = v.object({
  /** `api_key`: a REST call with that key; `oauth_client`: one with that client's access token; `operator`: a signed-in operator; `system`: scripts, crons, the seed. */
  type: v.union(v.literal("api_key"), v.literal("oauth_client"), v.literal("operator"), v.literal("system")),
  /** The API key's, OAuth client's or operator's id. */
  id: v.optional(v.string()),
  /** Something a person recognises: the key's name and prefix, an operator's email. */
  label: v.optional(v.string()),
});

export const auditChangeValidator = v.object({ field: v.string(), from: v.optional(v.any()), to: v.optional(v.any()) });

export const auditEntryFields = {
  workspaceId: v.id("workspaces"),
  at: v.number(),
  /** `<thing>.<verb>`: identity_secret.rotated, security_settings.updated, api_key.created, api_key.used, tours.deleted… */
  action: v.string(),
  actor: auditActorValidator,
  target: v.optional(v.object({ type: v.string(), id: v.optional(v.string()) })),
  changes: v.optional(v.array(auditChangeValidator)),
  details: v.optional(v.record(v.string(), v.any())),
};

export type AuditActor = Infer<typeof auditActorValidator>;
export type AuditChange = Infer<typeof auditChangeValidator>;
export const SYSTEM_ACTOR: AuditActor = { type: "system" };

export type AuditEntryView = {
  id: string;
  at: number;
  action: string;
  actor: AuditActor;
  target: { type: string; id?: string } | null;
  changes: AuditChange[];
  details: Record<string, unknown>;
};

export function auditEntryView(entry: Doc<"auditLog">): AuditEntryView {
  return {
    id: entry._id,
    at: entry.at,
    action: entry.action,
    actor: entry.actor,
    target: entry.target ?? null,
    changes: entry.changes ?? [],
    details: entry.details ?? {},
  };
}

/** The fields whose values differ between `before` and `after` (compared as JSON), for `changes`. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): AuditChange[] {
  const changes: AuditChange[] = [];
  for (const field of Object.keys(after)) {
    if (JSON.stringify(before[field]) !== JSON.stringify(after[field])) {
      changes.push({ field, from: before[field] ?? null, to: after[field] ?? null });
    }
  }
  return changes;
}
