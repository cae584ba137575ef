import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { mergeConfigurations, type EffectiveConfiguration } from "../../core/theme/configuration";
import type { AuditActor } from "../lib/auditEntries";
import { policyFor } from "../lib/outgoingPolicy";
import { configAuditEntry, type ConfigAttempt, type ConfigOutcome } from "../lib/widgetConfigAudit";
import { applyChange, changedFieldNames, contrastProblem, type ConfigurationChange } from "../lib/widgetConfigPatch";
import { bumpPatch, ifMatchHolds, parseIfMatch, type ConfigurationView } from "../lib/widgetConfigViews";
import { enqueueDelivery } from "../outgoing/queue";
import { chainOf, findConfiguration, findDefault, viewOf, wouldCycle } from "./widgetConfigs";

/*
 * The writes of the configuration API, each in one transaction with its audit
 * entry: a refused attempt (stale ETag, invalid result) is logged just as a
 * successful one, because the outcome is returned, not thrown.
 */

export type WriteContext = {
  workspaceId: Id<"workspaces">;
  actor: AuditActor;
  /** `metadata.lastModifiedBy`: the OAuth client id or the API key's name. */
  modifiedBy: string;
  startedAt: number;
  /** A sealed signing secret, used if the configuration gets a callback URL and has no secret yet. */
  sealedCallbackSecret?: string;
};

export type WriteOutcome =
  | { kind: "ok"; status: 200 | 201; view: ConfigurationView; etag: string; secretIssued: boolean }
  | { kind: "validated"; view: ConfigurationView; etag: string }
  | { kind: "deleted"; id: string }
  | { kind: "refused"; status: 400 | 404 | 409 | 412 | 428; code: string; message: string; fields?: Record<string, string> };

async function log(ctx: MutationCtx, attempt: ConfigAttempt, outcome: ConfigOutcome): Promise<void> {
  // The one audit log (convex/audit.ts), written here so the entry commits with the change.
  await ctx.db.insert("auditLog", configAuditEntry(attempt, outcome, Date.now()));
}

async function refuse(
  ctx: MutationCtx,
  attempt: ConfigAttempt,
  refusal: Omit<Extract<WriteOutcome, { kind: "refused" }>, "kind">,
): Promise<WriteOutcome> {
  await log(ctx, attempt, {
    status: "failed",
    httpStatus: refusal.status,
    errors: [{ code: refusal.code, message: refusal.message }],
    ...(refusal.fields !== undefined ? { fields: refusal.fields } : {}),
  });
  return { kind: "refused", ...refusal };
}

const invalid = (fields: Record<string, string>) => ({ status: 400 as const, code: "INVALID_ARGUMENT", message: "Invalid configuration.", fields });

/** Checks the base (same workspace, no loop) and the contrast of the merged result. */
async function problemsWith(
  ctx: MutationCtx,
  workspaceId: Id<"workspaces">,
  selfId: Id<"widgetConfigurations"> | null,
  baseId: string | undefined,
  own: Pick<Doc<"widgetConfigurations">, "theme" | "layout"> & { eventListeners: Doc<"widgetConfigurations">["eventListeners"] | undefined },
): Promise<{ fields: Record<string, string> } | { base: Doc<"widgetConfigurations"> | null; effective: EffectiveConfiguration }> {
  let base: Doc<"widgetConfigurations"> | null = null;
  let chain: EffectiveConfiguration | null = null;
  if (baseId !== undefined) {
    base = await findConfiguration(ctx.db, workspaceId, baseId);
    if (base === null) return { fields: { baseConfigurationId: "no such configuration in this workspace." } };
    if (await wouldCycle(ctx.db, selfId, base._id)) return { fields: { baseConfigurationId: "would make the base chain loop (or longer than 10)." } };
    const bases = await chainOf(ctx.db, base);
    chain = mergeConfigurations([...bases, own].map((item) => ({ theme: item.theme, layout: item.layout, ...(item.eventListeners ? { eventListeners: item.eventListeners } : {}) })));
  }
  const effective = chain ?? mergeConfigurations([{ theme: own.theme, layout: own.layout, ...(own.eventListeners ? { eventListeners: own.eventListeners } : {}) }]);
  const contrast = contrastProblem(effective.theme);
  return contrast === null ? { base, effective } : { fields: contrast };
}

async function makeDefault(ctx: MutationCtx, workspaceId: Id<"workspaces">, id: Id<"widgetConfigurations">): Promise<void> {
  const current = await findDefault(ctx.db, workspaceId);
  if (current !== null && current._id !== id) await ctx.db.patch("widgetConfigurations", current._id, { isDefault: false, updatedAt: Date.now() });
}

/** After a change that a callback URL should hear about: the signed POST, through the outgoing queue. */
async function queueCallback(ctx: MutationCtx, doc: Doc<"widgetConfigurations">, effective: EffectiveConfiguration): Promise<string | undefined> {
  if (doc.callbackUrl === undefined || doc.callbackSecretSealed === undefined) return undefined;
  const body = JSON.stringify({ event: "widget_customization_applied", configurationId: doc._id, theme: effective.theme, timestamp: new Date().toISOString() });
  return await enqueueDelivery(ctx, {
    workspaceId: doc.workspaceId,
    kind: "configCallback",
    sourceId: doc._id,
    topic: "widget_customization_applied",
    url: doc.callbackUrl,
    body,
    policy: policyFor("configCallback"),
    signing: { scheme: "opencom-signature", sealedSecrets: [doc.callbackSecretSealed] },
    orderingKey: doc._id,
  });
}

export type NewConfiguration = Omit<ConfigurationChange, "baseConfigurationId" | "theme" | "layout" | "eventListeners" | "callbackUrl"> & {
  baseConfigurationId?: string;
  theme?: Partial<EffectiveConfiguration["theme"]>;
  layout?: Partial<EffectiveConfiguration["layout"]>;
  eventListeners?: EffectiveConfiguration["eventListeners"];
  callbackUrl?: string;
};

export async function createConfiguration(ctx: MutationCtx, context: WriteContext, input: NewConfiguration): Promise<WriteOutcome> {
  const attempt: ConfigAttempt = { workspaceId: context.workspaceId, actor: context.actor, verb: "created", configurationId: null, startedAt: context.startedAt };
  // Without a base every field is stored (defaults filled in); with one, only the overrides.
  const fill = input.baseConfigurationId === undefined ? mergeConfigurations([{ theme: input.theme ?? {}, layout: input.layout ?? {} }]) : null;
  const own = { theme: fill?.theme ?? input.theme ?? {}, layout: fill?.layout ?? input.layout ?? {}, eventListeners: input.eventListeners };
  const checked = await problemsWith(ctx, context.workspaceId, null, input.baseConfigurationId, own);
  if ("fields" in checked) return await refuse(ctx, attempt, invalid(checked.fields));
  const secret = input.callbackUrl !== undefined ? context.sealedCallbackSecret : undefined;
  const id = await ctx.db.insert("widgetConfigurations", {
    workspaceId: context.workspaceId,
    name: input.name ?? "Configuration",
    ...(checked.base !== null ? { baseConfigurationId: checked.base._id } : {}),
    theme: own.theme,
    layout: own.layout,
    ...(own.eventListeners !== undefined ? { eventListeners: own.eventListeners } : {}),
    isDefault: input.isDefault === true,
    ...(input.callbackUrl !== undefined ? { callbackUrl: input.callbackUrl } : {}),
    ...(secret !== undefined ? { callbackSecretSealed: secret } : {}),
    version: "1.0.0",
    lastModifiedBy: context.modifiedBy,
    cacheGeneration: 0,
    updatedAt: Date.now(),
  });
  if (input.isDefault === true) await makeDefault(ctx, context.workspaceId, id);
  const doc = (await ctx.db.get("widgetConfigurations", id))!;
  const { view, etag } = await viewOf(ctx.db, doc);
  const callbackDeliveryId = await queueCallback(ctx, doc, view.effective);
  await log(ctx, { ...attempt, configurationId: id }, {
    status: callbackDeliveryId === undefined ? "completed" : "updated",
    httpStatus: 201,
    fieldsChanged: Object.keys(input).sort(),
    newEtag: etag,
    ...(callbackDeliveryId !== undefined ? { callbackDeliveryId } : {}),
  });
  return { kind: "ok", status: 201, view, etag, secretIssued: secret !== undefined };
}

/** Finds the configuration and evaluates If-Match (RFC 9110): 428 without it, 412 when stale. */
async function preconditioned(
  ctx: MutationCtx,
  attempt: ConfigAttempt,
  id: string,
  ifMatch: string | null,
): Promise<{ doc: Doc<"widgetConfigurations">; view: ConfigurationView; etag: string } | WriteOutcome> {
  const condition = parseIfMatch(ifMatch);
  if (condition === null) {
    return await refuse(ctx, attempt, { status: 428, code: "PRECONDITION_REQUIRED", message: "Send If-Match with the ETag from your last GET (or * for any version)." });
  }
  const doc = await findConfiguration(ctx.db, attempt.workspaceId, id);
  if (doc === null) {
    // `If-Match: *` on nothing is a failed precondition (RFC 9110 §13.1.1); a tag on nothing is simply not found.
    if (condition.kind === "any") return await refuse(ctx, attempt, { status: 412, code: "PRECONDITION_FAILED", message: "No current version to match *." });
    return await refuse(ctx, attempt, { status: 404, code: "NOT_FOUND", message: "No such configuration." });
  }
  const { view, etag } = await viewOf(ctx.db, doc);
  if (!ifMatchHolds(condition, etag)) {
    return await refuse(ctx, attempt, { status: 412, code: "PRECONDITION_FAILED", message: `The configuration changed since that ETag; it is now ${etag}. GET it, re-apply your change, and send the new ETag.` });
  }
  return { doc, view, etag };
}

export async function updateConfiguration(
  ctx: MutationCtx,
  context: WriteContext,
  id: string,
  ifMatch: string | null,
  change: ConfigurationChange,
  validateOnly: boolean,
): Promise<WriteOutcome> {
  const attempt: ConfigAttempt = { workspaceId: context.workspaceId, actor: context.actor, verb: validateOnly ? "validated" : "updated", configurationId: id, startedAt: context.startedAt };
  const found = await preconditioned(ctx, attempt, id, ifMatch);
  if ("kind" in found) return found;
  const { doc, view: before } = found;
  const applied = applyChange(doc, change, before.effective);
  if (!applied.ok) return await refuse(ctx, attempt, invalid(applied.fields));
  const baseId = change.baseConfigurationId === undefined ? doc.baseConfigurationId : (change.baseConfigurationId ?? undefined);
  const checked = await problemsWith(ctx, context.workspaceId, doc._id, baseId, applied.stored);
  if ("fields" in checked) return await refuse(ctx, attempt, invalid(checked.fields));
  if (validateOnly) {
    await log(ctx, attempt, { status: "validated", httpStatus: 200, newEtag: found.etag });
    return { kind: "validated", view: before, etag: found.etag };
  }
  const { hasBase: _hasBase, ...stored } = applied.stored;
  const issueSecret = stored.callbackUrl !== undefined && doc.callbackSecretSealed === undefined && context.sealedCallbackSecret !== undefined;
  await ctx.db.replace("widgetConfigurations", doc._id, {
    workspaceId: doc.workspaceId,
    name: stored.name,
    ...(checked.base !== null ? { baseConfigurationId: checked.base._id } : {}),
    theme: stored.theme,
    layout: stored.layout,
    ...(stored.eventListeners !== undefined ? { eventListeners: stored.eventListeners } : {}),
    isDefault: doc.isDefault || change.isDefault === true,
    ...(stored.callbackUrl !== undefined ? { callbackUrl: stored.callbackUrl } : {}),
    ...(issueSecret ? { callbackSecretSealed: context.sealedCallbackSecret } : doc.callbackSecretSealed !== undefined ? { callbackSecretSealed: doc.callbackSecretSealed } : {}),
    version: bumpPatch(doc.version),
    lastModifiedBy: context.modifiedBy,
    cacheGeneration: doc.cacheGeneration,
    ...(doc.purgedAt !== undefined ? { purgedAt: doc.purgedAt } : {}),
    updatedAt: Date.now(),
  });
  if (change.isDefault === true) await makeDefault(ctx, context.workspaceId, doc._id);
  const saved = (await ctx.db.get("widgetConfigurations", doc._id))!;
  const { view, etag } = await viewOf(ctx.db, saved);
  const callbackDeliveryId = await queueCallback(ctx, saved, view.effective);
  const { metadata: _b, updatedAt: _bu, effective: _be, ...beforeFields } = before;
  const { metadata: _a, updatedAt: _au, effective: _ae, ...afterFields } = view;
  await log(ctx, attempt, {
    status: callbackDeliveryId === undefined ? "completed" : "updated",
    httpStatus: 200,
    fieldsChanged: changedFieldNames(beforeFields, afterFields),
    newEtag: etag,
    ...(callbackDeliveryId !== undefined ? { callbackDeliveryId } : {}),
  });
  return { kind: "ok", status: 200, view, etag, secretIssued: issueSecret };
}

export async function deleteConfiguration(ctx: MutationCtx, context: WriteContext, id: string, ifMatch: string | null): Promise<WriteOutcome> {
  const attempt: ConfigAttempt = { workspaceId: context.workspaceId, actor: context.actor, verb: "deleted", configurationId: id, startedAt: context.startedAt };
  const found = await preconditioned(ctx, attempt, id, ifMatch);
  if ("kind" in found) return found;
  if (found.doc.isDefault) {
    return await refuse(ctx, attempt, { status: 409, code: "CONFLICT", message: "The default configuration cannot be deleted; make another one the default first." });
  }
  const child = await ctx.db.query("widgetConfigurations").withIndex("by_base", (q) => q.eq("baseConfigurationId", found.doc._id)).first();
  if (child !== null) {
    return await refuse(ctx, attempt, { status: 409, code: "CONFLICT", message: `Configuration ${child._id} is based on this one; change its base first.` });
  }
  await ctx.db.delete("widgetConfigurations", found.doc._id);
  await log(ctx, attempt, { status: "completed", httpStatus: 200, newEtag: null });
  return { kind: "deleted", id: found.doc._id };
}

/** Every cached copy goes: the generation widgets compare with their stored copy moves on. */
export async function purgeConfiguration(ctx: MutationCtx, context: WriteContext, id: string): Promise<WriteOutcome | { kind: "purged"; cacheGeneration: number; purgedAt: number }> {
  const attempt: ConfigAttempt = { workspaceId: context.workspaceId, actor: context.actor, verb: "cache_purged", configurationId: id, startedAt: context.startedAt };
  const doc = await findConfiguration(ctx.db, context.workspaceId, id);
  if (doc === null) return await refuse(ctx, attempt, { status: 404, code: "NOT_FOUND", message: "No such configuration." });
  const purgedAt = Date.now();
  const cacheGeneration = doc.cacheGeneration + 1;
  await ctx.db.patch("widgetConfigurations", doc._id, { cacheGeneration, purgedAt });
  await log(ctx, attempt, { status: "completed", httpStatus: 202 });
  return { kind: "purged", cacheGeneration, purgedAt };
}

