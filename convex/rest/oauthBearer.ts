import { internal } from "../_generated/api";
import type { ActionCtx } from "../_generated/server";
import { looksLikeJwt, verifyAccessToken } from "../lib/oauthTokens";
import { siteUrl } from "../lib/siteUrl";
import { bearerToken, type AuthVerdict } from "./auth";

/*
 * The OAuth bearer scheme (RFC 6750): an access token from POST /oauth/token,
 * valid, unexpired, of a client that is not revoked, holding every scope the
 * route lists. Refusals carry WWW-Authenticate with RFC 6750's error codes.
 */

const REALM = 'Bearer realm="opencom"';

const refusedToken = (description: string): AuthVerdict => ({
  ok: false,
  code: "UNAUTHENTICATED",
  message: "Missing or invalid credential: send Authorization: Bearer <admin API key or OAuth access token>.",
  headers: { "WWW-Authenticate": `${REALM}, error="invalid_token", error_description="${description}"` },
});

export async function verifyOAuthBearer(ctx: ActionCtx, request: Request, scopes: readonly string[]): Promise<AuthVerdict> {
  const token = bearerToken(request);
  if (token === null || !looksLikeJwt(token)) {
    return { ok: false, code: "UNAUTHENTICATED", message: "Missing or invalid credential: send Authorization: Bearer <admin API key or OAuth access token>.", headers: { "WWW-Authenticate": REALM } };
  }
  const claims = await verifyAccessToken(token, siteUrl(), Date.now());
  if (claims === null) return refusedToken("The access token is invalid or expired.");
  const client = await ctx.runQuery(internal.oauthClients.findActive, { clientId: claims.clientId });
  if (client === null || client.workspaceId !== claims.workspaceId) return refusedToken("The client was revoked.");
  if (client.secretRotatedAt !== null && claims.issuedAtSeconds < Math.floor(client.secretRotatedAt / 1000)) {
    return refusedToken("The client's secret was replaced after this token was issued.");
  }
  const missing = scopes.filter((scope) => !claims.scopes.includes(scope as never));
  if (missing.length > 0) {
    return {
      ok: false,
      code: "FORBIDDEN",
      message: `insufficient_scope: this call needs ${missing.join(" ")}.`,
      headers: { "WWW-Authenticate": `${REALM}, error="insufficient_scope", scope="${scopes.join(" ")}"` },
    };
  }
  return {
    ok: true,
    caller: {
      workspaceId: client.workspaceId,
      allowedOrigins: client.allowedOrigins,
      rateLimitKey: `oauth:${client.clientId}`,
      credential: { scheme: "oauthBearer", clientId: client.clientId, label: client.name, scopes: claims.scopes },
    },
  };
}
