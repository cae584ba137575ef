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
import { callerActor } from "./auth";
import { jsonResponse } from "./responses";
import { defineRoute, type Route } from "./route";
import { dataOf, epochMs, securitySettingsView } from "./views";

/*
 * /api/v1/workspace/security: identity verification, allowed origins, session
 * lifetime, and secret rotation. The identity secret is never returned, except
 * once by rotate-secret, which mints it. Unknown keys are refused by name, so a
 * body can't smuggle a secret in.
 */

const originPattern = z
  .string()
  .trim()
  .max(MAX_ORIGIN_PATTERN_LENGTH)
  .refine(isValidOriginPattern, "must be an origin such as https://app.example.com, https://*.example.com, http://localhost:* or *")
  .describe("https://app.example.com, https://*.example.com, http://localhost:* or *");

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

const rotated = z.object({
  identitySecret: z.string().regex(/^[0-9a-f]{64}$/),
  previousSecretExpiresAt: epochMs.nullable().describe("The old secret verifies until then; null when it was revoked at once."),
});

const TAGS = ["Workspace security"];

export const SECURITY_ROUTES: Route[] = [
  defineRoute({
    method: "GET",
    path: "/workspace/security",
    operationId: "getSecuritySettings",
    summary: "The workspace's security settings (never the secret)",
    tags: TAGS,
    responses: { 200: { description: "Settings", schema: dataOf(securitySettingsView) } },
    handler: async ({ ctx, caller }) =>
      jsonResponse({ data: await ctx.runQuery(internal.workspaceSecurity.get, { workspaceId: caller.workspaceId }) }),
  }),
  defineRoute({
    method: "PATCH",
    path: "/workspace/security",
    operationId: "updateSecuritySettings",
    summary: "Change any subset of the settings",
    tags: TAGS,
    body: patchBody,
    bodyOptional: true,
    responses: { 200: { description: "The settings after the change", schema: dataOf(securitySettingsView) } },
    handler: async ({ ctx, caller, body }) => {
      const { identityVerification, allowedOrigins, sessionLifetimeHours } = body;
      const settings = await ctx.runMutation(internal.workspaceSecurity.update, {
        workspaceId: caller.workspaceId,
        actor: callerActor(caller),
        ...(identityVerification?.mode !== undefined ? { identityVerificationMode: identityVerification.mode } : {}),
        ...(identityVerification?.jwtMaxAgeSeconds !== undefined
          ? { jwtMaxAgeSeconds: identityVerification.jwtMaxAgeSeconds }
          : {}),
        ...(allowedOrigins !== undefined ? { allowedOrigins } : {}),
        ...(sessionLifetimeHours !== undefined ? { sessionLifetimeHours } : {}),
      });
      return jsonResponse({ data: settings });
    },
  }),
  defineRoute({
    method: "POST",
    path: "/workspace/security/rotate-secret",
    operationId: "rotateIdentitySecret",
    summary: "Mint a new identity secret; the old one stays valid for the grace period",
    description: "The secret is made here, in the HTTP action (true randomness), and shown this once.",
    tags: TAGS,
    body: rotateBody,
    bodyOptional: true,
    responses: { 200: { description: "The new secret, shown this once", schema: dataOf(rotated) } },
    handler: async ({ ctx, caller, body }) => {
      const identitySecret = generateIdentitySecret();
      const stored = await ctx.runMutation(internal.workspaceSecurity.storeRotatedSecret, {
        workspaceId: caller.workspaceId,
        actor: callerActor(caller),
        identitySecret,
        gracePeriodHours: body.gracePeriodHours,
      });
      return jsonResponse({ data: { identitySecret, previousSecretExpiresAt: stored.previousSecretExpiresAt } });
    },
  }),
];
