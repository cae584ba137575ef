import { z } from "zod";
import { internal } from "../_generated/api";
import { generateIdentitySecret } from "../lib/crypto";
import {
  DEFAULT_ROTATION_GRACE_HOURS,
  MAX_JWT_MAX_AGE_SECONDS,
  MAX_ROTATION_GRACE_HOURS,
  MIN_JWT_MAX_AGE_SECONDS,
} from "../lib/identitySecrets";
import { isValidOriginPattern } from "../lib/origins";
import { MAX_ALLOWED_ORIGINS, MAX_ORIGIN_PATTERN_LENGTH } from "../lib/securitySettings";
import { MAX_SESSION_LIFETIME_HOURS, MIN_SESSION_LIFETIME_HOURS } from "../lib/sessionPolicy";
import { apiKeyActor } from "./auth";
import type { RestHandler } from "./conversations";
import { errorResponse, jsonResponse } from "./responses";

/*
 * /api/v1/workspace/security: identity verification, allowed origins, session
 * lifetime, and secret rotation. The identity secret is never returned, except
 * once by rotate-secret, which mints it.
 */

const originPattern = z
  .string()
  .trim()
  .max(MAX_ORIGIN_PATTERN_LENGTH)
  .refine(isValidOriginPattern, "must be an origin such as https://app.example.com, https://*.example.com, http://localhost:* or *");

const patchBody = z.strictObject({
  identityVerification: z
    .strictObject({
      mode: z.enum(["off", "optional", "required"]).optional(),
      jwtMaxAgeSeconds: z.number().int().min(MIN_JWT_MAX_AGE_SECONDS).max(MAX_JWT_MAX_AGE_SECONDS).optional(),
    })
    .optional(),
  allowedOrigins: z.array(originPattern).max(MAX_ALLOWED_ORIGINS).optional(),
  sessionLifetimeHours: z.number().int().min(MIN_SESSION_LIFETIME_HOURS).max(MAX_SESSION_LIFETIME_HOURS).optional(),
});

const rotateBody = z.strictObject({
  gracePeriodHours: z.number().min(0).max(MAX_ROTATION_GRACE_HOURS).default(DEFAULT_ROTATION_GRACE_HOURS),
});

/**
 * `{ "allowedOrigins.1": "…" }`: one message per offending field, keyed by its
 * path, as zodFieldErrors does; an unknown key is named as its own field
 * (`"identitySecret": "Unknown field."`), so a body can't smuggle a secret in.
 */
function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const unknownKeys: Array<string | null> = issue.code === "unrecognized_keys" ? issue.keys : [null];
    for (const key of unknownKeys) {
      const path = [...issue.path.map(String), ...(key === null ? [] : [key])].join(".") || "(body)";
      fields[path] ??= key === null ? issue.message : "Unknown field.";
    }
  }
  return fields;
}

/** An empty body counts as `{}`, so `POST …/rotate-secret` needs none. */
async function readOptionalJson(request: Request): Promise<{ ok: true; value: unknown } | { ok: false; response: Response }> {
  const text = await request.text();
  if (text.trim() === "") return { ok: true, value: {} };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false, response: errorResponse("INVALID_JSON", "Request body must be valid JSON.") };
  }
}

function invalidBody(error: z.ZodError): Response {
  return errorResponse("INVALID_ARGUMENT", "Invalid request body.", { fields: fieldErrors(error) });
}

/** GET /api/v1/workspace/security */
export const getSecuritySettings: RestHandler = async (ctx, _request, caller) => {
  const settings = await ctx.runQuery(internal.workspaceSecurity.get, { workspaceId: caller.workspaceId });
  return jsonResponse({ data: settings });
};

/** PATCH /api/v1/workspace/security  {identityVerification?: {mode}, allowedOrigins?, sessionLifetimeHours?} */
export const patchSecuritySettings: RestHandler = async (ctx, request, caller) => {
  const json = await readOptionalJson(request);
  if (!json.ok) return json.response;
  const parsed = patchBody.safeParse(json.value);
  if (!parsed.success) return invalidBody(parsed.error);
  const { identityVerification, allowedOrigins, sessionLifetimeHours } = parsed.data;
  const settings = await ctx.runMutation(internal.workspaceSecurity.update, {
    workspaceId: caller.workspaceId,
    actor: apiKeyActor(caller),
    ...(identityVerification?.mode !== undefined ? { identityVerificationMode: identityVerification.mode } : {}),
    ...(identityVerification?.jwtMaxAgeSeconds !== undefined
      ? { jwtMaxAgeSeconds: identityVerification.jwtMaxAgeSeconds }
      : {}),
    ...(allowedOrigins !== undefined ? { allowedOrigins } : {}),
    ...(sessionLifetimeHours !== undefined ? { sessionLifetimeHours } : {}),
  });
  return jsonResponse({ data: settings });
};

/**
 * POST /api/v1/workspace/security/rotate-secret  {gracePeriodHours?: 0..168 = 24}
 * The secret is minted here, in the HTTP action (true randomness), and shown once.
 */
export const rotateIdentitySecret: RestHandler = async (ctx, request, caller) => {
  const json = await readOptionalJson(request);
  if (!json.ok) return json.response;
  const parsed = rotateBody.safeParse(json.value);
  if (!parsed.success) return invalidBody(parsed.error);
  const identitySecret = generateIdentitySecret();
  const stored = await ctx.runMutation(internal.workspaceSecurity.storeRotatedSecret, {
    workspaceId: caller.workspaceId,
    actor: apiKeyActor(caller),
    identitySecret,
    gracePeriodHours: parsed.data.gracePeriodHours,
  });
  return jsonResponse({ data: { identitySecret, previousSecretExpiresAt: stored.previousSecretExpiresAt } });
};
