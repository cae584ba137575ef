import { importJWK, SignJWT } from "jose";
import type { AppProtocol } from "../../core/apps/protocol";
import type { SigningKey } from "./appSigningKeys";

/** Short: an app asks for a fresh token with the refreshToken action. */
export const APP_TOKEN_TTL_SECONDS = 10 * 60;

export type AppTokenSubject = {
  app: { id: string; name: string; protocol: AppProtocol };
  workspaceId: string;
  operator: { subject: string; email: string | undefined };
  /** The deployment's site URL; the issuer is this followed by `/apps`. */
  siteUrl: string;
};

export function appTokenIssuer(siteUrl: string): string {
  return `${siteUrl.replace(/\/+$/, "")}/apps`;
}

/**
 * The claims, per protocol. The vendor dialect gets its own claim names
 * (`custom-widget-name`, `businessId`); both get `iss` and `aud` (the app id), so
 * a token for one app is no good at another.
 */
export function appTokenClaims(subject: AppTokenSubject): Record<string, string> {
  const email = subject.operator.email === undefined ? {} : { email: subject.operator.email };
  if (subject.app.protocol === "bm-widget") {
    return { "custom-widget-name": subject.app.name, businessId: subject.workspaceId, ...email };
  }
  return { app_name: subject.app.name, workspace_id: subject.workspaceId, ...email };
}

/** Signs an RS256 token with `kid` in the header. `jti` must be random: call from an action. */
export async function signAppToken(key: SigningKey, subject: AppTokenSubject, nowMs: number): Promise<{ token: string; expiresAt: number }> {
  const privateKey = await importJWK(key.privateJwk, "RS256");
  const issuedAt = Math.floor(nowMs / 1000);
  const expiresAt = issuedAt + APP_TOKEN_TTL_SECONDS;
  const token = await new SignJWT(appTokenClaims(subject))
    .setProtectedHeader({ alg: "RS256", kid: key.kid, typ: "JWT" })
    .setIssuer(appTokenIssuer(subject.siteUrl))
    .setAudience(subject.app.id)
    .setSubject(subject.operator.subject)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .setJti(crypto.randomUUID())
    .sign(privateKey);
  return { token, expiresAt: expiresAt * 1000 };
}
