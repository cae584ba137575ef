// Operators for backend tests: Convex Auth's deployment variables, and signed-in members
// made the way Convex Auth makes them (a user, a session, a token subject "user|session").
import { beforeAll } from "vitest";
import { convexAuthKeys as generateAuthKeys } from "../../../local-backend/engine/deployment-env";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, type TestBackend } from "../helpers";

export const TEST_SITE_URL = "https://test-deployment.convex.site";

/** Convex Auth reads its keys from the environment; the local backend sets them the same way. */
export function useAuthEnvironment(): void {
  beforeAll(() => {
    const keys = generateAuthKeys();
    process.env.JWT_PRIVATE_KEY = keys.JWT_PRIVATE_KEY;
    process.env.JWKS = keys.JWKS;
    process.env.CONVEX_SITE_URL = TEST_SITE_URL;
    process.env.SITE_URL = "http://127.0.0.1:5174";
  });
}

export type TestOperator = {
  userId: Id<"users">;
  sessionId: Id<"authSessions">;
  client: ReturnType<TestBackend["withIdentity"]>;
};

export async function signedInOperator(
  t: TestBackend,
  workspaceId: Id<"workspaces"> | null,
  role: "admin" | "agent",
  email = `${role}-${Math.random().toString(36).slice(2)}@example.com`,
): Promise<TestOperator> {
  const { userId, sessionId } = await t.run(async (ctx) => {
    const userId = await ctx.db.insert("users", { email, name: email.split("@")[0] ?? email });
    const sessionId = await ctx.db.insert("authSessions", { userId, expirationTime: Date.now() + 3_600_000 });
    if (workspaceId !== null) {
      await ctx.db.insert("members", { workspaceId, userId, role, name: email.split("@")[0] ?? email, createdAt: Date.now() });
    }
    return { userId, sessionId };
  });
  return { userId, sessionId, client: t.withIdentity({ subject: `${userId}|${sessionId}`, issuer: TEST_SITE_URL }) };
}

/** Two workspaces, each with an admin and an agent, and one outsider signed in to neither. */
export async function twoTeams(t: TestBackend) {
  const acme = await createWorkspace(t, { publicId: "acme" });
  const globex = await createWorkspace(t, { publicId: "globex" });
  return {
    acme,
    globex,
    acmeAdmin: await signedInOperator(t, acme, "admin"),
    acmeAgent: await signedInOperator(t, acme, "agent"),
    globexAdmin: await signedInOperator(t, globex, "admin"),
  };
}
