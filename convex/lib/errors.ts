import { ConvexError } from "convex/values";

/**
 * Expected failures travel as `ConvexError({code, message, field?})` so clients
 * can branch on `code`; a plain `Error` means a bug.
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  /** Signed in, but not a member of the workspace, or without the role the call needs. */
  | "FORBIDDEN"
  /** An invite link that is unknown, used, revoked, expired or for another email. */
  | "INVITE_INVALID"
  | "NOT_FOUND"
  | "INVALID_ARGUMENT"
  | "ORIGIN_NOT_ALLOWED"
  | "CONFLICT"
  /** A userHash/userJwt did not verify, or `required` mode got an unsigned user id. */
  | "IDENTITY_VERIFICATION_FAILED"
  /** The session's visitor belongs to another user: log out and boot a new visitor. */
  | "IDENTITY_CHANGED"
  /** Too many calls; `retryAfter` says in how many milliseconds to try again. */
  | "RATE_LIMITED"
  /** An authoring (selector picker) token that is unknown or whose target is gone. */
  | "AUTHORING_TOKEN_INVALID"
  /** An authoring token past its expiry: mint a new one. */
  | "AUTHORING_TOKEN_EXPIRED";

export type AppErrorData = {
  code: ErrorCode;
  message: string;
  field?: string;
  /** Every offending field with its message, keyed by path (`steps.1.selector`), when there are several. */
  fields?: Record<string, string>;
  retryAfter?: number;
};

export function appError(code: ErrorCode, message: string, field?: string): ConvexError<AppErrorData> {
  return new ConvexError(field === undefined ? { code, message } : { code, message, field });
}

export function invalidArgument(field: string, message: string): ConvexError<AppErrorData> {
  return appError("INVALID_ARGUMENT", message, field);
}

/** INVALID_ARGUMENT naming the first offending field in `field` and all of them in `fields`. */
export function invalidFields(fields: Record<string, string>): ConvexError<AppErrorData> {
  const [first] = Object.entries(fields);
  const field = first?.[0] ?? "(body)";
  return new ConvexError({ code: "INVALID_ARGUMENT", message: first?.[1] ?? "Invalid input.", field, fields });
}

export function rateLimitedError(retryAfter: number): ConvexError<AppErrorData> {
  const wait = Math.max(1, Math.ceil(retryAfter));
  return new ConvexError({ code: "RATE_LIMITED", message: `Too many requests; retry in ${wait} ms.`, retryAfter: wait });
}

/** Narrows an unknown thrown value to our error shape (used by the REST layer). */
export function appErrorData(error: unknown): AppErrorData | null {
  if (!(error instanceof ConvexError)) return null;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null) return null;
  const { code, message, field, retryAfter } = data as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return null;
  const result: AppErrorData = { code: code as ErrorCode, message };
  if (typeof field === "string") result.field = field;
  if (typeof retryAfter === "number") result.retryAfter = retryAfter;
  return result;
}
