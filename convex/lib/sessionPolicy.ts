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

/**
 * A chain of refreshes ends this many token lifetimes after the boot that started it
 * (at most MAX_SESSION_LIFETIME_HOURS): a stolen token cannot be kept alive by refreshing
 * it, and a verified visitor proves who they are again at least that often.
 */
export const ABSOLUTE_LIFETIME_FACTOR = 3;

/** The instant past which no token of a session started at `startedAt` is valid. */
export function absoluteExpiry(startedAt: number, lifetimeMs: number): number {
  const absolute = Math.max(lifetimeMs, Math.min(lifetimeMs * ABSOLUTE_LIFETIME_FACTOR, MAX_SESSION_LIFETIME_HOURS * HOUR_MS));
  return startedAt + absolute;
}

/** A new token's expiry: a full lifetime from `now`, but never past the session's absolute end. */
export function tokenExpiry(startedAt: number, lifetimeMs: number, now: number): number {
  return Math.min(now + lifetimeMs, absoluteExpiry(startedAt, lifetimeMs));
}

/**
 * After a rotation of the identity secret: sessions proven before `provenBefore`
 * stop working at `revokeAt` (the end of the old secret's grace period).
 */
export type ProvenSessionCutoff = { provenBefore: number; revokeAt: number };

/** Whether a session proven at `provenAt` was revoked by a secret rotation at `now`. */
export function revokedByRotation(provenAt: number, cutoffs: readonly ProvenSessionCutoff[] | undefined, now: number): boolean {
  // `<=`: a proof in the very millisecond of the rotation counts as made with the old secret.
  return (cutoffs ?? []).some((cutoff) => provenAt <= cutoff.provenBefore && cutoff.revokeAt <= now);
}

/**
 * The cutoffs after rotating at `now` with `graceMs`: pending ones end now (only one
 * previous secret is kept, so the older one is gone), and the ones before merge into
 * one, so the list never holds more than two entries.
 */
export function cutoffsAfterRotation(
  cutoffs: readonly ProvenSessionCutoff[] | undefined,
  graceMs: number,
  now: number,
): ProvenSessionCutoff[] {
  const earlier = (cutoffs ?? []).map((cutoff) => cutoff.provenBefore);
  const past: ProvenSessionCutoff[] = earlier.length > 0 ? [{ provenBefore: Math.max(...earlier), revokeAt: now }] : [];
  return [...past, { provenBefore: now, revokeAt: now + graceMs }];
}

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
