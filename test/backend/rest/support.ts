import { internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { createWorkspace, newBackend, type TestBackend } from "../helpers";

export const KEY = "oc_live_security-tests-key-000000000000000";

export type RestError = { code: string; message: string; fields?: Record<string, string> };

/** A backend with the "acme" workspace and an admin key for it. */
export async function restBackend(
  overrides: Parameters<typeof createWorkspace>[1] = {},
): Promise<{ t: TestBackend; workspaceId: Id<"workspaces"> }> {
  const t = newBackend();
  const workspaceId = await createWorkspace(t, overrides);
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "tests", key: KEY });
  return { t, workspaceId };
}

export function call(
  t: TestBackend,
  method: string,
  path: string,
  options: { body?: unknown; key?: string | null; origin?: string } = {},
): Promise<Response> {
  const headers: Record<string, string> = {};
  const key = options.key === undefined ? KEY : options.key;
  if (key !== null) headers["Authorization"] = `Bearer ${key}`;
  if (options.origin !== undefined) headers["Origin"] = options.origin;
  const init: RequestInit = { method, headers };
  if (options.body !== undefined) {
    headers["Content-Type"] = "application/json";
    init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  return t.fetch(path, init);
}

export async function errorOf(response: Response): Promise<RestError> {
  return ((await response.json()) as { error: RestError }).error;
}
