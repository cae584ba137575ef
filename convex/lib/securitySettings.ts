import type { Doc } from "../_generated/dataModel";
import {
  identityMode,
  jwtMaxAgeSeconds,
  MAX_JWT_MAX_AGE_SECONDS,
  MIN_JWT_MAX_AGE_SECONDS,
  previousSecretExpiry,
} from "./identitySecrets";
import { invalidArgument } from "./errors";
import { isValidOriginPattern } from "./origins";
import { MAX_SESSION_LIFETIME_HOURS, MIN_SESSION_LIFETIME_HOURS, sessionLifetimeHours } from "./sessionPolicy";
import type { IdentityMode } from "./validators";

/**
 * A workspace's security settings as the admin API shows them. Built field by
 * field: the identity secrets never appear, not even hashed.
 */
export type SecuritySettingsView = {
  identityVerification: { mode: IdentityMode; jwtMaxAgeSeconds: number };
  allowedOrigins: string[];
  sessionLifetimeHours: number;
  secretRotation: { previousSecretExpiresAt: number | null };
};

export function securitySettingsView(workspace: Doc<"workspaces">, now: number): SecuritySettingsView {
  return {
    identityVerification: { mode: identityMode(workspace), jwtMaxAgeSeconds: jwtMaxAgeSeconds(workspace) },
    allowedOrigins: [...workspace.allowedOrigins],
    sessionLifetimeHours: sessionLifetimeHours(workspace),
    secretRotation: { previousSecretExpiresAt: previousSecretExpiry(workspace, now) },
  };
}

export const MAX_ALLOWED_ORIGINS = 100;
export const MAX_ORIGIN_PATTERN_LENGTH = 255;

export type SecuritySettingsPatch = {
  identityVerificationMode?: IdentityMode;
  jwtMaxAgeSeconds?: number;
  allowedOrigins?: string[];
  sessionLifetimeHours?: number;
};

/**
 * Checks a patch again inside the mutation (the REST layer validated it with
 * zod already; internal callers may not have). Returns the origins trimmed.
 */
export function checkSecurityPatch(patch: SecuritySettingsPatch): SecuritySettingsPatch {
  const checked: SecuritySettingsPatch = { ...patch };
  if (patch.allowedOrigins !== undefined) {
    if (patch.allowedOrigins.length > MAX_ALLOWED_ORIGINS) {
      throw invalidArgument("allowedOrigins", `At most ${MAX_ALLOWED_ORIGINS} origins.`);
    }
    checked.allowedOrigins = patch.allowedOrigins.map((pattern, index) => {
      const trimmed = pattern.trim();
      if (trimmed.length > MAX_ORIGIN_PATTERN_LENGTH || !isValidOriginPattern(trimmed)) {
        throw invalidArgument(`allowedOrigins.${index}`, `Not an origin pattern: ${trimmed.slice(0, 80)}`);
      }
      return trimmed;
    });
  }
  const hours = patch.sessionLifetimeHours;
  if (
    hours !== undefined &&
    !(Number.isInteger(hours) && hours >= MIN_SESSION_LIFETIME_HOURS && hours <= MAX_SESSION_LIFETIME_HOURS)
  ) {
    throw invalidArgument("sessionLifetimeHours", "sessionLifetimeHours must be a whole number from 1 to 168.");
  }
  const maxAge = patch.jwtMaxAgeSeconds;
  if (
    maxAge !== undefined &&
    !(Number.isInteger(maxAge) && maxAge >= MIN_JWT_MAX_AGE_SECONDS && maxAge <= MAX_JWT_MAX_AGE_SECONDS)
  ) {
    throw invalidArgument(
      "identityVerification.jwtMaxAgeSeconds",
      `jwtMaxAgeSeconds must be a whole number from ${MIN_JWT_MAX_AGE_SECONDS} to ${MAX_JWT_MAX_AGE_SECONDS}.`,
    );
  }
  return checked;
}
