import { expect } from "vitest";
import { internal } from "../../../convex/_generated/api";
import type { Id } from "../../../convex/_generated/dataModel";
import { honoPath } from "../../../convex/rest/app";
import type { HttpMethod } from "../../../convex/rest/route";
import { REST_ROUTES } from "../../../convex/rest/routes";
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

/**
 * Calls a route and checks the answer against the schema its declaration
 * documents: the status is a declared one and the body parses to itself (no
 * missing, mistyped or undocumented fields). Returns the body's `data`.
 */
export async function callChecked(
  t: TestBackend,
  method: HttpMethod,
  path: string,
  body?: unknown,
): Promise<{ status: number; data: any }> {
  const response = await call(t, method, path, body === undefined ? {} : { body });
  const json = (await response.json()) as { data?: unknown; error?: unknown };
  const { pathname } = new URL(path, "http://localhost");
  const route = REST_ROUTES.find(
    (candidate) => candidate.method === method && new RegExp(`^${honoPath(candidate.path).replace(/:\w+/g, "[^/]+")}$`).test(pathname),
  );
  const declared = route?.responses[response.status as 200 | 201 | 204]?.schema;
  if (declared === undefined) throw new Error(`${method} ${path} answered ${response.status}, not a declared success: ${JSON.stringify(json)}`);
  const parsed = declared.safeParse(json);
  if (!parsed.success) throw new Error(`${method} ${path}: the answer does not match its schema: ${parsed.error.message}`);
  expect(parsed.data, `${method} ${path} answers fields its schema does not list`).toEqual(json);
  return { status: response.status, data: json.data };
}
