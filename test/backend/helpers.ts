/// <reference types="vite/client" />
import { convexTest } from "convex-test";
import rateLimiterSchema from "../../node_modules/@convex-dev/rate-limiter/dist/component/schema.js";
import batchWorkerSchema from "../../node_modules/@convex-dev/batch-worker/dist/component/schema.js";
import { expect } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import schema from "../../convex/schema";
import type { UserInput } from "../../convex/lib/validators";
import type { BootResult } from "../../convex/widgetSessions";

/** Every module under convex/, _generated included (convex-test finds the root through it). */
export const modules = import.meta.glob("../../convex/**/*.ts");

export type TestBackend = ReturnType<typeof newBackend>;

/**
 * The rate limiter component (and the batch worker it installs), from the
 * packages' built component folders, as convex.config.ts installs them.
 */
const rateLimiterModules = import.meta.glob("../../node_modules/@convex-dev/rate-limiter/dist/component/**/*.js");
const batchWorkerModules = import.meta.glob("../../node_modules/@convex-dev/batch-worker/dist/component/**/*.js");

export function newBackend() {
  const t = convexTest(schema, modules);
  t.registerComponent("rateLimiter", rateLimiterSchema, rateLimiterModules);
  t.registerComponent("rateLimiter/batchWorker", batchWorkerSchema, batchWorkerModules);
  return t;
}

export const TEST_ORIGIN = "https://shop.example.com";
/** Every test workspace's identity secret (userHash / userJwt key). */
export const TEST_SECRET = "s3cret-for-tests";

export async function createWorkspace(
  t: TestBackend,
  overrides: {
    publicId?: string;
    allowedOrigins?: string[];
    sessionLifetimeHours?: number;
    identityVerificationMode?: "off" | "optional" | "required";
  } = {},
): Promise<Id<"workspaces">> {
  return await t.mutation(internal.workspaces.create, {
    publicId: overrides.publicId ?? "acme",
    name: "Acme",
    allowedOrigins: overrides.allowedOrigins ?? [TEST_ORIGIN],
    identitySecret: TEST_SECRET,
    ...(overrides.sessionLifetimeHours !== undefined ? { sessionLifetimeHours: overrides.sessionLifetimeHours } : {}),
    ...(overrides.identityVerificationMode !== undefined
      ? { identityVerificationMode: overrides.identityVerificationMode }
      : {}),
  });
}

export async function bootVisitor(
  t: TestBackend,
  sessionId: string,
  workspaceId = "acme",
  user?: UserInput,
): Promise<BootResult> {
  return await t.action(api.widgetSessions.boot, {
    workspaceId,
    sessionId,
    origin: TEST_ORIGIN,
    ...(user !== undefined ? { user } : {}),
  });
}

/** A workspace plus two unrelated visitors, the common starting point. */
export async function twoVisitors(t: TestBackend) {
  const workspaceId = await createWorkspace(t);
  const alice = await bootVisitor(t, "visitor-alice");
  const bob = await bootVisitor(t, "visitor-bob");
  return { workspaceId, alice, bob };
}

/** Asserts that `promise` rejects with a ConvexError carrying `code` (and `field`, when given). */
export async function expectAppError(promise: Promise<unknown>, code: string, field?: string): Promise<void> {
  const expected: Record<string, unknown> = { code };
  if (field !== undefined) expected["field"] = field;
  await expect(promise).rejects.toMatchObject({ data: expected });
}

export async function sessionRowsOf(t: TestBackend, visitorId: Id<"visitors">) {
  return await t.run(async (ctx) =>
    ctx.db
      .query("widgetSessions")
      .withIndex("by_visitor", (q) => q.eq("visitorId", visitorId))
      .collect(),
  );
}

export async function visitorRow(t: TestBackend, visitorId: Id<"visitors">) {
  return await t.run(async (ctx) => ctx.db.get("visitors", visitorId));
}
