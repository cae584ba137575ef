import { vi } from "vitest";
import { restBackend, KEY } from "../rest/support";
import { SECRETS_KEY } from "../outgoing/support";
import type { TestBackend } from "../helpers";

/*
 * A workspace with an admin key and helpers to call the configuration API
 * with any credential and headers, as a client would.
 */

export const BASE = "/api/v1/widget/configurations";

export async function configBackend() {
  vi.stubEnv("OPENCOM_SECRETS_KEY", SECRETS_KEY);
  vi.stubEnv("OPENCOM_ALLOW_PRIVATE_OUTGOING", "1");
  vi.stubEnv("CONVEX_SITE_URL", "https://test.convex.site");
  return await restBackend();
}

export type Call = { method?: string; body?: unknown; bearer?: string | null; headers?: Record<string, string> };

export function send(t: TestBackend, path: string, options: Call = {}): Promise<Response> {
  const headers: Record<string, string> = { ...options.headers };
  const bearer = options.bearer === undefined ? KEY : options.bearer;
  if (bearer !== null) headers["Authorization"] = `Bearer ${bearer}`;
  const init: RequestInit = { method: options.method ?? "GET", headers };
  if (options.body !== undefined) {
    headers["Content-Type"] ??= "application/json";
    init.body = typeof options.body === "string" ? options.body : JSON.stringify(options.body);
  }
  return t.fetch(path, init);
}

export async function json(response: Response): Promise<any> {
  return await response.json();
}

/** The default configuration's id and ETag. */
export async function defaultConfiguration(t: TestBackend): Promise<{ id: string; etag: string; data: any }> {
  const list = await json(await send(t, BASE));
  const item = list.data.find((configuration: { isDefault: boolean }) => configuration.isDefault);
  const response = await send(t, `${BASE}/${item.id}`);
  return { id: item.id, etag: response.headers.get("ETag")!, data: (await json(response)).data };
}

/** An OAuth client and a token for it. */
export async function oauthToken(t: TestBackend, scopes: string[], requested?: string): Promise<{ token: string; clientId: string; clientSecret: string }> {
  const created = await json(await send(t, "/api/v1/oauth/clients", { method: "POST", body: { name: "design system", scopes } }));
  const { clientId, clientSecret } = created.data;
  const response = await tokenRequest(t, clientId, clientSecret, `grant_type=client_credentials${requested ? `&scope=${encodeURIComponent(requested)}` : ""}`);
  return { token: (await json(response)).access_token, clientId, clientSecret };
}

export function tokenRequest(t: TestBackend, clientId: string, clientSecret: string, form: string, contentType = "application/x-www-form-urlencoded"): Promise<Response> {
  return t.fetch("/api/v1/oauth/token", {
    method: "POST",
    headers: { Authorization: `Basic ${Buffer.from(`${clientId}:${clientSecret}`).toString("base64")}`, "Content-Type": contentType },
    body: form,
  });
}
