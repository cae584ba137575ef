/**
 * JSON responses and errors of the admin REST API. CORS headers are added
 * centrally by rest/cors.ts (only for the workspace's allowed origins), so
 * handlers never set them.
 */

export type RestErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "INVALID_ARGUMENT"
  | "INVALID_JSON"
  | "CONFLICT"
  /** `If-Match` names a stale version (routes with ETags). */
  | "PRECONDITION_FAILED"
  /** `If-Match` is missing where a route needs it. */
  | "PRECONDITION_REQUIRED"
  | "RATE_LIMITED"
  | "INTERNAL";

export const STATUS_BY_CODE: Record<RestErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  PRECONDITION_FAILED: 412,
  PRECONDITION_REQUIRED: 428,
  RATE_LIMITED: 429,
  INTERNAL: 500,
};

export function jsonResponse(body: unknown, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...extraHeaders },
  });
}

export function errorResponse(
  code: RestErrorCode,
  message: string,
  options: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
): Response {
  const error = options.fields === undefined ? { code, message } : { code, message, fields: options.fields };
  return jsonResponse({ error }, STATUS_BY_CODE[code], options.headers);
}

/** 429 with `Retry-After` in whole seconds (at least 1), as RFC 9110 wants it. */
export function rateLimitedResponse(retryAfterMs: number): Response {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return errorResponse("RATE_LIMITED", `Too many requests; retry in ${seconds} s.`, {
    headers: { "Retry-After": String(seconds) },
  });
}

/** Maps an error code from a Convex function (lib/errors.ts) to the REST vocabulary. */
export function restCodeFor(code: string): RestErrorCode {
  switch (code) {
    case "UNAUTHENTICATED":
    case "NOT_FOUND":
    case "INVALID_ARGUMENT":
    case "CONFLICT":
    case "RATE_LIMITED":
      return code;
    default:
      return "INTERNAL";
  }
}
