import { ConvexError } from "convex/values";

/**
 * Expected failures travel as `ConvexError({code, message, field?})` so clients
 * can branch on `code`; a plain `Error` means a bug.
 */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "NOT_FOUND"
  | "INVALID_ARGUMENT"
  | "ORIGIN_NOT_ALLOWED"
  | "CONFLICT";

export type AppErrorData = { code: ErrorCode; message: string; field?: string };

export function appError(code: ErrorCode, message: string, field?: string): ConvexError<AppErrorData> {
  return new ConvexError(field === undefined ? { code, message } : { code, message, field });
}

export function invalidArgument(field: string, message: string): ConvexError<AppErrorData> {
  return appError("INVALID_ARGUMENT", message, field);
}

/** Narrows an unknown thrown value to our error shape (used by the REST layer). */
export function appErrorData(error: unknown): AppErrorData | null {
  if (!(error instanceof ConvexError)) return null;
  const data: unknown = error.data;
  if (typeof data !== "object" || data === null) return null;
  const { code, message, field } = data as Record<string, unknown>;
  if (typeof code !== "string" || typeof message !== "string") return null;
  const result: AppErrorData = { code: code as ErrorCode, message };
  if (typeof field === "string") result.field = field;
  return result;
}
