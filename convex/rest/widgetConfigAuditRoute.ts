import { z } from "zod";
import { internal } from "../_generated/api";
import type { AuthRequirement } from "./authSchemes";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { defineRoute, type Route } from "./route";
import { epochMs } from "./views";

/*
 * GET /widget/configurations/{id}/audit: the audit log filtered to one
 * configuration, newest first, each entry with its callback's outcome.
 */

const entry = z
  .object({
    id: z.string(),
    at: epochMs,
    action: z.string().describe("widget_configuration.created, .updated, .validated, .deleted, .cache_purged"),
    actor: z.object({ type: z.enum(["api_key", "oauth_client", "operator", "system"]), id: z.string().optional(), label: z.string().optional() }),
    target: z.object({ type: z.string(), id: z.string().optional() }).nullable(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
    details: z
      .record(z.string(), z.unknown())
      .describe("status (validated, updated, completed, failed), httpStatus, latencyMs, validation, fieldsChanged, newEtag, errors [{code, message}]"),
    callback: z
      .object({ status: z.string(), attempts: z.number().int(), lastStatusCode: z.number().int().nullable(), lastError: z.string().nullable() })
      .nullable()
      .describe("The callback POST this change queued, as it stands now; null when there was none."),
  })
  .meta({ id: "WidgetConfigurationAuditEntry" });

export function configAuditView(auth: readonly AuthRequirement[]): Route {
  return defineRoute({
    method: "GET",
    path: "/widget/configurations/{id}/audit",
    operationId: "listWidgetConfigurationAudit",
    summary: "This configuration's audit entries (every attempt, failures included), newest first",
    tags: ["Widget configurations"],
    auth,
    params: z.object({ id: z.string().describe("The configuration's id.") }),
    query: z.object(pageParams()),
    responses: { 200: { description: "One page", schema: pageOf(entry) } },
    handler: async ({ ctx, caller, params, query }) =>
      await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.widgetConfigurations.auditPage, { workspaceId: caller.workspaceId, id: params.id, paginationOpts })),
  });
}
