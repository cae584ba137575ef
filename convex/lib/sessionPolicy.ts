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

/**
 * FOR TESTS ONLY: when this environment variable of the deployment holds a positive whole
 * number of seconds, every new session lives at most that long, whatever the workspace
 * says, so that token expiry can be tested end to end in seconds instead of hours. Never
 * set it in production: visitors would re-boot every few seconds.
 */
export const SESSION_LIFETIME_OVERRIDE_ENV = "OPENCOM_SESSION_LIFETIME_SECONDS_OVERRIDE";

type Env = Record<string, string | undefined>;

/** The test-only cap in ms, or null when unset or not a positive whole number of seconds. */
export function sessionLifetimeCapMs(env: Env = process.env): number | null {
  const raw = env[SESSION_LIFETIME_OVERRIDE_ENV];
  if (raw === undefined || !/^\d{1,7}$/.test(raw.trim())) return null;
  const seconds = Number(raw.trim());
  return seconds > 0 ? seconds * 1000 : null;
}

export function sessionLifetimeMs(workspace: { sessionLifetimeHours?: number }, env: Env = process.env): number {
  const lifetime = sessionLifetimeHours(workspace) * HOUR_MS;
  const cap = sessionLifetimeCapMs(env);
  return cap === null ? lifetime : Math.min(lifetime, cap);
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
