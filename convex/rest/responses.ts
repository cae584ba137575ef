/**
 * JSON responses and errors of the admin REST API. Every response carries CORS
 * headers for any origin: the API authenticates by bearer key, never by cookie,
 * so a browser-based agent console on another origin may call it.
 */

export type RestErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "NOT_FOUND"
  | "METHOD_NOT_ALLOWED"
  | "INVALID_ARGUMENT"
  | "INVALID_JSON"
  | "CONFLICT"
  | "INTERNAL";

const STATUS_BY_CODE: Record<RestErrorCode, number> = {
  INVALID_ARGUMENT: 400,
  INVALID_JSON: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  CONFLICT: 409,
  INTERNAL: 500,
};

export const CORS_HEADERS: Record<string, string> = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, Content-Type",
  "Access-Control-Max-Age": "86400",
};

export function jsonResponse(body: unknown, status = 200, extraHeaders: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json; charset=utf-8", ...CORS_HEADERS, ...extraHeaders },
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

export function preflightResponse(): Response {
  return new Response(null, { status: 204, headers: CORS_HEADERS });
}

/** Maps an error code from a Convex function (lib/errors.ts) to the REST vocabulary. */
export function restCodeFor(code: string): RestErrorCode {
  switch (code) {
    case "UNAUTHENTICATED":
    case "NOT_FOUND":
    case "INVALID_ARGUMENT":
    case "CONFLICT":
      return code;
    default:
      return "INTERNAL";
  }
}
