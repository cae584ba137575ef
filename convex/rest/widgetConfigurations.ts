import { z } from "zod";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { randomBytes, toBase64Url } from "../lib/crypto";
import { sealSecret } from "../lib/secretBox";
import { SIGNING_SECRET_PURPOSE } from "../outgoing/prepare";
import { configAuditEntry } from "../lib/widgetConfigAudit";
import type { WriteOutcome } from "../model/widgetConfigWrites";
import { callerActor, callerName, type Caller } from "./auth";
import { AUTH } from "./authSchemes";
import { errorResponse, jsonResponse, type RestErrorCode } from "./responses";
import { defineRoute, type AuditRefusal, type Route } from "./route";
import { configAuditView } from "./widgetConfigAuditRoute";
import { configurationView, createBody, createdView, metricSummary, patchBody, screenConfigurationBody } from "./widgetConfigSchemas";
import { dataOf } from "./views";

/*
 * /widget/configurations: versioned widget themes and layouts with strong
 * ETags. PATCH and DELETE need If-Match (428 without, 412 when stale, `*` for
 * any current version). Every write attempt, refused ones included, leaves an
 * audit entry with its status, latency, validation result, fields changed and
 * new ETag. OAuth clients need widget.config:view to read and
 * widget.config:edit to write; the admin API key may do everything.
 */

const TAGS = ["Widget configurations"];
const VIEW = [AUTH.oauth("widget.config:view"), AUTH.adminApiKey] as const;
const EDIT = [AUTH.oauth("widget.config:edit"), AUTH.adminApiKey] as const;
const idParams = z.object({ id: z.string().describe("The configuration's id.") });
const ETAG_HEADER = { ETag: { description: "Strong entity tag of this representation: send it as If-Match to change it.", schema: { type: "string" as const } } };
type Present<T> = T extends readonly (infer Item)[]
  ? Present<Item>[]
  : T extends object
    ? { [K in keyof T as undefined extends T[K] ? never : K]: Present<T[K]> } & {
        [K in keyof T as undefined extends T[K] ? K : never]?: Present<Exclude<T[K], undefined>>;
      }
    : T;
/** The parsed body without its undefined keys, at every level (Convex arguments refuse explicit undefined). */
const present = <T>(value: T): Present<T> => JSON.parse(JSON.stringify(value)) as Present<T>;
const notFound = () => errorResponse("NOT_FOUND", "No such configuration.");

async function writeContext(caller: Caller, startedAt: number, withSecret: boolean) {
  const secret = withSecret ? `whsec_${toBase64Url(randomBytes(24))}` : undefined;
  return {
    secret,
    context: {
      workspaceId: caller.workspaceId,
      actor: callerActor(caller),
      modifiedBy: callerName(caller),
      startedAt,
      ...(secret !== undefined ? { sealedCallbackSecret: await sealSecret(secret, SIGNING_SECRET_PURPOSE) } : {}),
    },
  };
}

function answer(outcome: WriteOutcome, secret: string | undefined): Response {
  switch (outcome.kind) {
    case "ok": {
      const body = outcome.secretIssued && secret !== undefined ? { ...outcome.view, callbackSigningSecret: secret } : outcome.view;
      const headers: Record<string, string> = { ETag: outcome.etag };
      if (outcome.status === 201) headers["Location"] = `/api/v1/widget/configurations/${outcome.view.id}`;
      return jsonResponse({ data: body }, outcome.status, headers);
    }
    case "validated":
      return jsonResponse({ data: outcome.view, validated: true }, 200, { ETag: outcome.etag });
    case "deleted":
      return jsonResponse({ id: outcome.id, deleted: true });
    case "refused":
      return errorResponse(outcome.code as RestErrorCode, outcome.message, outcome.fields === undefined ? {} : { fields: outcome.fields });
  }
}

/** A write refused before its handler ran (bad body, rate limit): logged like every other attempt. */
const auditRefusal = (verb: string) => async ({ ctx, caller, pathParams, response, startedAt }: AuditRefusal) => {
  const body = (await response.json().catch(() => ({}))) as { error?: { code?: string; message?: string; fields?: Record<string, string> } };
  const error = body.error ?? {};
  await ctx.runMutation(
    internal.audit.record,
    configAuditEntry(
      { workspaceId: caller.workspaceId, actor: callerActor(caller), verb, configurationId: pathParams["id"] ?? null, startedAt },
      {
        status: "failed",
        httpStatus: response.status,
        errors: [{ code: error.code ?? "UNKNOWN", message: error.message ?? "" }],
        ...(error.fields !== undefined ? { fields: error.fields } : {}),
      },
      Date.now(),
    ),
  );
};

async function readOne(ctx: ActionCtx, caller: Caller, id: string): Promise<Response> {
  const found = await ctx.runQuery(internal.widgetConfigurations.get, { workspaceId: caller.workspaceId, id });
  return found === null ? notFound() : jsonResponse({ data: found.view }, 200, { ETag: found.etag, "Cache-Control": "no-cache" });
}

export const WIDGET_CONFIGURATION_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/widget/configurations",
    operationId: "listWidgetConfigurations",
    summary: "The workspace's widget configurations (the default one is always there), oldest first, a page at a time",
    tags: TAGS,
    auth: VIEW,
    query: z.object(pageParams()),
    responses: { 200: { description: "One page of configurations", schema: pageOf(configurationView) } },
    handler: async ({ ctx, caller, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runMutation(internal.widgetConfigurations.list, { workspaceId: caller.workspaceId, paginationOpts })),
  }),
  defineRoute({
    method: "POST",
    path: "/widget/configurations",
    operationId: "createWidgetConfiguration",
    summary: "Create a configuration, on a base or on the defaults",
    tags: TAGS,
    auth: EDIT,
    body: createBody,
    screenBody: screenConfigurationBody,
    rateLimit: "widgetConfigWrites",
    auditRefusal: auditRefusal("created"),
    responses: { 201: { description: "Created", schema: dataOf(createdView), headers: ETAG_HEADER } },
    handler: async ({ ctx, caller, body }) => {
      const { secret, context } = await writeContext(caller, Date.now(), body.callbackUrl !== undefined);
      const outcome = await ctx.runMutation(internal.widgetConfigurations.create, { ...context, input: present(body) });
      return answer(outcome, secret);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/widget/configurations/{id}",
    operationId: "getWidgetConfiguration",
    summary: "One configuration, with its ETag",
    tags: TAGS,
    auth: VIEW,
    params: idParams,
    responses: { 200: { description: "The configuration", schema: dataOf(configurationView), headers: ETAG_HEADER } },
    handler: async ({ ctx, caller, params }) => await readOne(ctx, caller, params.id),
  }),
  defineRoute({
    method: "PATCH",
    path: "/widget/configurations/{id}",
    operationId: "updateWidgetConfiguration",
    summary: "Change any subset, atomically, guarded by If-Match",
    description:
      "Needs `If-Match`: the ETag of your last GET (412 when the configuration changed since; re-read and re-apply), or `*` " +
      "for whatever version is current (428 without the header). `?validateOnly=true` checks the change and changes nothing. " +
      "Widgets showing this configuration re-theme within a second; a callback URL gets a signed " +
      "`widget_customization_applied` POST.",
    tags: TAGS,
    auth: EDIT,
    params: idParams,
    query: z.object({ validateOnly: z.enum(["true", "false"]).optional().describe("true: validate only, change nothing.") }),
    body: patchBody,
    screenBody: screenConfigurationBody,
    rateLimit: "widgetConfigWrites",
    auditRefusal: auditRefusal("updated"),
    errors: [412, 428],
    responses: { 200: { description: "The configuration after the change", schema: dataOf(createdView), headers: ETAG_HEADER } },
    handler: async ({ ctx, caller, params, query, body, request }) => {
      const { secret, context } = await writeContext(caller, Date.now(), typeof body.callbackUrl === "string");
      const outcome = await ctx.runMutation(internal.widgetConfigurations.update, {
        ...context,
        id: params.id,
        ifMatch: request.headers.get("If-Match"),
        validateOnly: query.validateOnly === "true",
        change: present(body),
      });
      return answer(outcome, secret);
    },
  }),
  defineRoute({
    method: "DELETE",
    path: "/widget/configurations/{id}",
    operationId: "deleteWidgetConfiguration",
    summary: "Delete a configuration (not the default, nor a base of another), guarded by If-Match",
    tags: TAGS,
    auth: EDIT,
    params: idParams,
    rateLimit: "widgetConfigWrites",
    auditRefusal: auditRefusal("deleted"),
    errors: [409, 412, 428],
    responses: { 200: { description: "Deleted", schema: z.object({ id: z.string(), deleted: z.literal(true) }) } },
    handler: async ({ ctx, caller, params, request }) => {
      const { context } = await writeContext(caller, Date.now(), false);
      return answer(await ctx.runMutation(internal.widgetConfigurations.remove, { ...context, id: params.id, ifMatch: request.headers.get("If-Match") }), undefined);
    },
  }),
  defineRoute({
    method: "POST",
    path: "/widget/configurations/{id}/cache/purge",
    operationId: "purgeWidgetConfigurationCache",
    summary: "Invalidate every cached copy: widgets drop their stored copy and take the live one",
    tags: TAGS,
    auth: EDIT,
    params: idParams,
    rateLimit: "widgetConfigWrites",
    auditRefusal: auditRefusal("cache_purged"),
    responses: {
      202: { description: "Purged", schema: z.object({ id: z.string(), cacheGeneration: z.number().int(), purgedAt: z.number() }) },
    },
    handler: async ({ ctx, caller, params }) => {
      const { context } = await writeContext(caller, Date.now(), false);
      const outcome = await ctx.runMutation(internal.widgetConfigurations.purgeCache, { ...context, id: params.id });
      if (outcome.kind !== "purged") return answer(outcome, undefined);
      return jsonResponse({ id: params.id, cacheGeneration: outcome.cacheGeneration, purgedAt: outcome.purgedAt }, 202);
    },
  }),
  defineRoute({
    method: "GET",
    path: "/widget/configurations/{id}/metrics",
    operationId: "getWidgetConfigurationMetrics",
    summary: "Latency that widgets measured for this configuration's track_latency listeners",
    tags: TAGS,
    auth: VIEW,
    params: idParams,
    responses: { 200: { description: "One summary per event and metric (the newest 1000 samples)", schema: dataOf(z.array(metricSummary)) } },
    handler: async ({ ctx, caller, params }) => {
      const metrics = await ctx.runQuery(internal.widgetConfigurations.metrics, { workspaceId: caller.workspaceId, id: params.id });
      return metrics === null ? notFound() : jsonResponse({ data: metrics });
    },
  }),
  configAuditView(VIEW),
];
