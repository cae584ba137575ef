import type { IdentityMode } from "./validators";

/**
 * Which identity-verification mode and secrets a workspace has at a given
 * instant. Pure: callers pass `now`. A rotated-away secret stays valid until
 * `previousSecretExpiresAt`, so pages still carrying old hashes keep working
 * while the host site deploys the new secret.
 */

export const DEFAULT_IDENTITY_MODE: IdentityMode = "optional";
export const DEFAULT_ROTATION_GRACE_HOURS = 24;
export const MAX_ROTATION_GRACE_HOURS = 168;
/** A userJwt older than this (from `iat`) is refused unless the workspace says otherwise. */
export const DEFAULT_JWT_MAX_AGE_SECONDS = 24 * 3600;
export const MIN_JWT_MAX_AGE_SECONDS = 60;
export const MAX_JWT_MAX_AGE_SECONDS = 30 * 24 * 3600;

const HOUR_MS = 3_600_000;

export type WorkspaceIdentityFields = {
  identityVerification?: { mode: IdentityMode; jwtMaxAgeSeconds?: number | undefined } | undefined;
  identitySecret?: string | undefined;
  previousSecret?: string | undefined;
  previousSecretExpiresAt?: number | undefined;
};

/** What resolveIdentity needs: the mode and the secrets a signature may be made with. */
export type IdentityPolicy = { mode: IdentityMode; secrets: string[]; jwtMaxAgeSeconds: number };

export function jwtMaxAgeSeconds(workspace: WorkspaceIdentityFields): number {
  return workspace.identityVerification?.jwtMaxAgeSeconds ?? DEFAULT_JWT_MAX_AGE_SECONDS;
}

export function identityMode(workspace: WorkspaceIdentityFields): IdentityMode {
  return workspace.identityVerification?.mode ?? DEFAULT_IDENTITY_MODE;
}

/** The previous secret's end of grace, or null when there is none left at `now`. */
export function previousSecretExpiry(workspace: WorkspaceIdentityFields, now: number): number | null {
  const expiresAt = workspace.previousSecretExpiresAt;
  if (workspace.previousSecret === undefined || expiresAt === undefined || expiresAt <= now) return null;
  return expiresAt;
}

/** The current secret first, then the previous one while its grace period lasts. */
export function activeIdentitySecrets(workspace: WorkspaceIdentityFields, now: number): string[] {
  const secrets: string[] = [];
  if (workspace.identitySecret !== undefined) secrets.push(workspace.identitySecret);
  if (workspace.previousSecret !== undefined && previousSecretExpiry(workspace, now) !== null) {
    secrets.push(workspace.previousSecret);
  }
  return secrets;
}

export function identityPolicy(workspace: WorkspaceIdentityFields, now: number): IdentityPolicy {
  return {
    mode: identityMode(workspace),
    secrets: activeIdentitySecrets(workspace, now),
    jwtMaxAgeSeconds: jwtMaxAgeSeconds(workspace),
  };
}

export type RotatedSecretFields = {
  identitySecret: string;
  /** `undefined` removes the field (Convex patch semantics). */
  previousSecret: string | undefined;
  previousSecretExpiresAt: number | undefined;
};

/**
 * The workspace fields after rotating to `newSecret`. The current secret becomes
 * the previous one for `graceHours` (0 = revoke at once). Only one previous
 * secret is kept: rotating twice inside a grace period ends the older one.
 */
export function rotatedSecretFields(
  workspace: WorkspaceIdentityFields,
  newSecret: string,
  graceHours: number,
  now: number,
): RotatedSecretFields {
  const keepPrevious = workspace.identitySecret !== undefined && graceHours > 0;
  return {
    identitySecret: newSecret,
    previousSecret: keepPrevious ? workspace.identitySecret : undefined,
    previousSecretExpiresAt: keepPrevious ? now + graceHours * HOUR_MS : undefined,
  };
}
