import type { ActionCtx } from "../_generated/server";
import { verifyAdminApiKey, type AuthVerdict, type Caller } from "./auth";
import { verifyOAuthBearer } from "./oauthBearer";
import { errorResponse } from "./responses";

/*
 * How a route proves who calls it. Every route declares one requirement or a
 * list of alternatives (any one suffices); the default is the admin API key.
 *
 * Adding a scheme: give it a verifier and its OpenAPI security scheme in
 * AUTH_SCHEMES below (and, when its caller differs, a variant of
 * Caller.credential). A route that declares a scheme with no verifier is refused
 * when the app is built, so a half-added scheme never answers requests.
 */

export type AuthRequirement =
  | { scheme: "adminApiKey" }
  /** An OAuth 2.0 bearer token (client credentials) holding every listed scope. */
  | { scheme: "oauthBearer"; scopes: readonly string[] }
  /** A signature over the raw body with a secret the route's resource holds. */
  | { scheme: "signature" }
  /** No credential (the OpenAPI document, public keys, a token endpoint). */
  | { scheme: "public" };

export type AuthSchemeName = AuthRequirement["scheme"];

export const AUTH = {
  adminApiKey: { scheme: "adminApiKey" },
  public: { scheme: "public" },
  signature: { scheme: "signature" },
  oauth: (...scopes: string[]): AuthRequirement => ({ scheme: "oauthBearer", scopes }),
} as const satisfies Record<string, AuthRequirement | ((...scopes: string[]) => AuthRequirement)>;

/**
 * Checks one request against one requirement. A verifier that needs the body
 * (a signature over the raw bytes) reads `request.clone()`, so the route can
 * still read it.
 */
export type AuthVerifier = (ctx: ActionCtx, request: Request, requirement: AuthRequirement) => Promise<AuthVerdict>;

/** An OpenAPI 3.1 Security Scheme Object. */
export type SecuritySchemeObject = { type: string } & Record<string, unknown>;

type SchemeDefinition = { verify: AuthVerifier; openApi: SecuritySchemeObject };

export const AUTH_SCHEMES: Partial<Record<Exclude<AuthSchemeName, "public">, SchemeDefinition>> = {
  adminApiKey: {
    verify: (ctx, request) => verifyAdminApiKey(ctx, request),
    openApi: {
      type: "http",
      scheme: "bearer",
      description: "An admin API key of the workspace (`oc_live_…`): full access to that workspace.",
    },
  },
  oauthBearer: {
    verify: (ctx, request, requirement) => verifyOAuthBearer(ctx, request, requirement.scheme === "oauthBearer" ? requirement.scopes : []),
    openApi: {
      type: "oauth2",
      description: "An access token from POST /api/v1/oauth/token (client credentials grant, HTTP Basic client authentication).",
      flows: {
        clientCredentials: {
          tokenUrl: "/api/v1/oauth/token",
          scopes: {
            "widget.config:view": "Read widget configurations, their audit entries and metrics.",
            "widget.config:edit": "Create, change, delete widget configurations and purge their caches.",
          },
        },
      },
    },
  },
};

export function requirementsOf(auth: AuthRequirement | readonly AuthRequirement[] | undefined): readonly AuthRequirement[] {
  if (auth === undefined) return [AUTH.adminApiKey];
  return Array.isArray(auth) ? auth : [auth as AuthRequirement];
}

export const isPublic = (requirements: readonly AuthRequirement[]): boolean =>
  requirements.some((requirement) => requirement.scheme === "public");

/** Throws (a programmer error) when a requirement names a scheme without a verifier. */
export function assertVerifiable(label: string, requirements: readonly AuthRequirement[]): void {
  for (const { scheme } of requirements) {
    if (scheme !== "public" && AUTH_SCHEMES[scheme] === undefined) {
      throw new Error(`${label} declares auth scheme "${scheme}", which has no verifier yet (rest/authSchemes.ts).`);
    }
  }
}

/**
 * Tries each alternative in order; the first that accepts wins. Otherwise the
 * refusal: 403 when some credential was valid but not allowed, else the first 401.
 */
export async function authenticate(
  ctx: ActionCtx,
  request: Request,
  requirements: readonly AuthRequirement[],
): Promise<{ ok: true; caller: Caller | null } | { ok: false; response: Response }> {
  if (isPublic(requirements)) return { ok: true, caller: null };
  let refusal: Extract<AuthVerdict, { ok: false }> | undefined;
  for (const requirement of requirements) {
    const scheme = requirement.scheme === "public" ? undefined : AUTH_SCHEMES[requirement.scheme];
    if (scheme === undefined) continue; // refused at build time by assertVerifiable
    const verdict = await scheme.verify(ctx, request, requirement);
    if (verdict.ok) return verdict;
    if (refusal === undefined || (verdict.code === "FORBIDDEN" && refusal.code !== "FORBIDDEN")) refusal = verdict;
  }
  const { code, message, headers } = refusal ?? { code: "UNAUTHENTICATED" as const, message: "Not authenticated." };
  return { ok: false, response: errorResponse(code, message, headers === undefined ? {} : { headers }) };
}
