/** The `data` of a ConvexError thrown by our backend: `{code, message, field?, retryAfter?}`. */
export interface AppErrorInfo {
  code: string;
  message: string;
  field?: string;
  /** Milliseconds to wait before retrying (RATE_LIMITED). */
  retryAfter?: number;
}

/**
 * Reads the error code the backend put in a ConvexError. Duck-typed on `data` rather than
 * `instanceof ConvexError`, so it does not depend on which copy of `convex` threw.
 */
export function readAppError(error: unknown): AppErrorInfo | null {
  if (typeof error !== "object" || error === null || !("data" in error)) return null;
  const data: unknown = (error as { data: unknown }).data;
  if (typeof data !== "object" || data === null) return null;
  const { code, message, field, retryAfter } = data as Record<string, unknown>;
  if (typeof code !== "string") return null;
  const info: AppErrorInfo = { code, message: typeof message === "string" ? message : code };
  if (typeof field === "string") info.field = field;
  if (typeof retryAfter === "number" && Number.isFinite(retryAfter)) info.retryAfter = retryAfter;
  return info;
}

/**
 * Refusals about who the visitor is. Retrying with the same identity cannot help: the
 * widget either switches to a fresh visitor (IDENTITY_CHANGED) or hides itself for this
 * user (IDENTITY_VERIFICATION_FAILED).
 */
export function isIdentityRefusal(
  info: AppErrorInfo | null,
): info is AppErrorInfo & { code: "IDENTITY_CHANGED" | "IDENTITY_VERIFICATION_FAILED" } {
  return info?.code === "IDENTITY_CHANGED" || info?.code === "IDENTITY_VERIFICATION_FAILED";
}

/** Errors that retrying cannot fix: configuration, input or identity problems. */
export function isPermanent(info: AppErrorInfo | null): boolean {
  return (
    isIdentityRefusal(info) ||
    (info !== null && ["ORIGIN_NOT_ALLOWED", "NOT_FOUND", "INVALID_ARGUMENT", "FORBIDDEN", "CONFLICT"].includes(info.code))
  );
}

/** Exponential backoff: 1 s, 2 s, 4 s … capped at 30 s. */
export function backoffMs(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** Math.max(0, attempt));
}
