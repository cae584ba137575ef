/** Lifetimes and validity rules for widget session tokens. Pure: callers pass `now`. */

export const DEFAULT_SESSION_LIFETIME_HOURS = 24;
export const MIN_SESSION_LIFETIME_HOURS = 1;
export const MAX_SESSION_LIFETIME_HOURS = 168;

/** Refresh once less than this share of a token's lifetime remains. */
export const REFRESH_WHEN_REMAINING_BELOW = 0.25;

/**
 * A refreshed token stays usable this long, so subscriptions still carrying it
 * do not fail in the moment between the rotation committing and the client
 * switching to the new token.
 */
export const ROTATION_GRACE_MS = 60_000;

const HOUR_MS = 3_600_000;

/**
 * The workspace's lifetime in hours: the default when unset or nonsense (≤ 0,
 * NaN), otherwise clamped to 1..168 (writes are validated; this guards old rows).
 */
export function sessionLifetimeHours(workspace: { sessionLifetimeHours?: number }): number {
  const hours = workspace.sessionLifetimeHours;
  if (hours === undefined || !Number.isFinite(hours) || hours <= 0) return DEFAULT_SESSION_LIFETIME_HOURS;
  return Math.min(MAX_SESSION_LIFETIME_HOURS, Math.max(MIN_SESSION_LIFETIME_HOURS, hours));
}

export function sessionLifetimeMs(workspace: { sessionLifetimeHours?: number }): number {
  return sessionLifetimeHours(workspace) * HOUR_MS;
}

type SessionTimes = { issuedAt: number; expiresAt: number; revokedAt?: number };

export type SessionRefusal = "expired" | "revoked";

/** Why a session can't be used at `now`, or null when it can. */
export function sessionRefusal(session: SessionTimes, now: number): SessionRefusal | null {
  if (session.revokedAt !== undefined && session.revokedAt <= now) return "revoked";
  if (session.expiresAt <= now) return "expired";
  return null;
}

export function shouldRotate(session: SessionTimes, now: number): boolean {
  const lifetime = session.expiresAt - session.issuedAt;
  const remaining = session.expiresAt - now;
  return lifetime <= 0 || remaining < lifetime * REFRESH_WHEN_REMAINING_BELOW;
}

/** When a rotated-away token stops working: soon, but never later than it would have anyway. */
export function rotatedRevocationTime(session: SessionTimes, now: number): number {
  return Math.min(session.revokedAt ?? Infinity, session.expiresAt, now + ROTATION_GRACE_MS);
}
