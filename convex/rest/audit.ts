import { z } from "zod";
import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { apiKeyActor, type ApiCaller } from "./auth";
import type { RestHandler } from "./conversations";
import { zodFieldErrors } from "./parsing";
import { errorResponse, jsonResponse } from "./responses";

/*
 * GET /api/v1/audit: the workspace's audit log, newest first, with filters and
 * cursor pagination. And the entry every state-changing REST call leaves there.
 */

const timestamp = z.coerce.number().int().min(0);

const auditQuery = z.strictObject({
  action: z.string().min(1).max(100).optional(),
  actorType: z.enum(["api_key", "operator", "system"]).optional(),
  actorId: z.string().min(1).max(100).optional(),
  targetType: z.string().min(1).max(100).optional(),
  targetId: z.string().min(1).max(100).optional(),
  /** Entries at or after this time (ms since the epoch). */
  since: timestamp.optional(),
  /** Entries before this time. */
  until: timestamp.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
  /** `nextCursor` of the previous page. */
  cursor: z.string().min(1).max(1000).optional(),
});

/** GET /api/v1/audit?action=&actorType=&actorId=&targetType=&targetId=&since=&until=&limit=1..100&cursor= */
export const listAuditEntries: RestHandler = async (ctx, request, caller) => {
  const parsed = auditQuery.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) {
    return errorResponse("INVALID_ARGUMENT", "Invalid query parameters.", { fields: zodFieldErrors(parsed.error) });
  }
  const { limit, cursor, ...filters } = parsed.data;
  let page;
  try {
    page = await ctx.runQuery(internal.audit.list, {
      workspaceId: caller.workspaceId,
      ...definedOnly(filters),
      paginationOpts: { numItems: limit, cursor: cursor ?? null },
    });
  } catch {
    // A cursor that is not one of ours (or from another query) is the caller's mistake.
    if (cursor !== undefined) return errorResponse("INVALID_ARGUMENT", "Invalid cursor.", { fields: { cursor: "Not a cursor from this list." } });
    throw new Error("Audit log query failed");
  }
  return jsonResponse({ data: page.page, nextCursor: page.isDone ? null : page.continueCursor });
};

function definedOnly<T extends Record<string, unknown>>(value: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as never;
}

const READ_METHODS = new Set(["GET", "HEAD"]);

/**
 * Every state-changing REST call leaves an entry: `api_key.used` with the method,
 * path, status and latency, or `<resource>.deleted` for a DELETE that succeeded.
 * Reads are not logged (they change nothing and would drown the log).
 */
export async function auditRestCall(
  ctx: ActionCtx,
  request: Request,
  caller: ApiCaller,
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
      actor: apiKeyActor(caller),
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
