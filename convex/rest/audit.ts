import { z } from "zod";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { callerActor, type Caller } from "./auth";
import { pageOf, pageParams, pageResponse } from "./pagination";
import { defined } from "./restHelpers";
import { defineRoute, type Route } from "./route";
import { epochMs } from "./views";

/*
 * GET /api/v1/audit: the workspace's audit log, newest first, with filters and
 * cursor pagination. And the entry every state-changing REST call leaves there.
 */

const timestamp = z.coerce.number().int().min(0);

const auditQuery = z.object({
  action: z.string().min(1).max(100).optional(),
  actorType: z.enum(["api_key", "oauth_client", "operator", "system"]).optional(),
  actorId: z.string().min(1).max(100).optional(),
  targetType: z.string().min(1).max(100).optional(),
  targetId: z.string().min(1).max(100).optional(),
  since: timestamp.optional().describe("Entries at or after this time (ms since the epoch)."),
  until: timestamp.optional().describe("Entries before this time (ms since the epoch)."),
  ...pageParams(),
});

const auditEntry = z
  .object({
    id: z.string(),
    at: epochMs,
    action: z.string().describe("`<thing>.<verb>`: identity_secret.rotated, api_key.used, tours.deleted…"),
    actor: z.object({
      type: z.enum(["api_key", "oauth_client", "operator", "system"]),
      id: z.string().optional(),
      label: z.string().optional(),
    }),
    target: z.object({ type: z.string(), id: z.string().optional() }).nullable(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown().optional(), to: z.unknown().optional() })),
    details: z.record(z.string(), z.unknown()),
  })
  .meta({ id: "AuditEntry" });

export const AUDIT_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/audit",
    operationId: "listAuditEntries",
    summary: "The workspace's audit log, newest first",
    tags: ["Audit"],
    query: auditQuery,
    responses: { 200: { description: "One page of entries", schema: pageOf(auditEntry) } },
    handler: async ({ ctx, caller, query }) => {
      const { limit: _limit, cursor: _cursor, ...filters } = query;
      return await pageResponse(query, (paginationOpts) => ctx.runQuery(internal.audit.list, { workspaceId: caller.workspaceId, ...defined(filters), paginationOpts }));
    },
  }),
];

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * Every state-changing REST call leaves an entry: `api_key.used` with the method,
 * path, status and latency, or `<resource>.deleted` for a DELETE that succeeded.
 * Reads are not logged (they change nothing and would drown the log).
 */
export async function auditRestCall(
  ctx: ActionCtx,
  request: Request,
  caller: Caller,
  route: { resource: string; id?: string | undefined },
  response: Response,
  startedAt: number,
): Promise<void> {
  if (READ_METHODS.has(request.method)) return;
  const deleted = request.method === "DELETE" && response.status < 300;
  const { ip, userAgent } = await ctx.meta.getRequestMetadata();
  try {
    await ctx.runMutation(internal.audit.record, {
      workspaceId: caller.workspaceId,
      action: deleted ? `${route.resource}.deleted` : "api_key.used",
      actor: callerActor(caller),
      target: route.id === undefined ? { type: route.resource } : { type: route.resource, id: route.id },
      details: {
        method: request.method,
        path: new URL(request.url).pathname,
        status: response.status,
        latencyMs: Date.now() - startedAt,
        ...(ip !== null ? { ip } : {}),
        ...(userAgent !== null ? { userAgent: userAgent.slice(0, 200) } : {}),
      },
    });
  } catch (error) {
    // The call itself already happened; losing its log line must not turn it into an error.
    console.error("audit log write failed", error);
  }
}
