/// <reference types="vite/client" />
import { convexTest } from "convex-test";
import { expect } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import schema from "../../convex/schema";
import type { BootResult } from "../../convex/widgetSessions";

/** Every module under convex/, _generated included (convex-test finds the root through it). */
export const modules = import.meta.glob("../../convex/**/*.ts");

export type TestBackend = ReturnType<typeof newBackend>;

export function newBackend() {
  return convexTest(schema, modules);
}

export const TEST_ORIGIN = "https://shop.example.com";

export async function createWorkspace(
  t: TestBackend,
  overrides: { publicId?: string; allowedOrigins?: string[]; sessionLifetimeHours?: number } = {},
): Promise<Id<"workspaces">> {
  return await t.mutation(internal.workspaces.create, {
    publicId: overrides.publicId ?? "acme",
    name: "Acme",
    allowedOrigins: overrides.allowedOrigins ?? [TEST_ORIGIN],
    identitySecret: "s3cret-for-tests",
    ...(overrides.sessionLifetimeHours !== undefined ? { sessionLifetimeHours: overrides.sessionLifetimeHours } : {}),
  });
}

export async function bootVisitor(t: TestBackend, sessionId: string, workspaceId = "acme"): Promise<BootResult> {
  return await t.action(api.widgetSessions.boot, { workspaceId, sessionId, origin: TEST_ORIGIN });
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
