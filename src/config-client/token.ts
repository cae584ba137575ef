/*
 * OAuth 2.0 client credentials for the configuration API: one token request at a
 * time, the token cached until shortly before it expires, and dropped when the API
 * refuses it (a revoked client, a rotated deployment key).
 */

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface TokenSource {
  /** A valid access token, from the cache or a new request. */
  token(): Promise<string>;
  /** Forget the cached token (the API answered 401 to it). */
  invalidate(): void;
}

/** An OAuth error answer (RFC 6749 §5.2) of the token endpoint. */
export class OAuthError extends Error {
  override readonly name = "OAuthError";
  constructor(
    readonly status: number,
    readonly error: string,
    description: string,
  ) {
    super(`${error}: ${description}`);
  }
}

/** Refresh this long before `expires_in` runs out, so a token never expires in flight. */
const EARLY_REFRESH_MS = 30_000;

export function clientCredentials(options: {
  baseUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
  fetch: FetchLike;
  now: () => number;
}): TokenSource {
  let cached: { token: string; refreshAt: number } | null = null;
  let pending: Promise<string> | null = null;
  const basic = btoa(`${encodeURIComponent(options.clientId)}:${encodeURIComponent(options.clientSecret)}`);

  async function request(): Promise<string> {
    const form = new URLSearchParams({ grant_type: "client_credentials" });
    if (options.scope !== undefined) form.set("scope", options.scope);
    const response = await options.fetch(`${options.baseUrl}/oauth/token`, {
      method: "POST",
      headers: { Authorization: `Basic ${basic}`, "Content-Type": "application/x-www-form-urlencoded" },
      body: form.toString(),
    });
    const body = (await response.json().catch(() => ({}))) as Record<string, unknown>;
    if (!response.ok || typeof body["access_token"] !== "string") {
      throw new OAuthError(response.status, String(body["error"] ?? "invalid_response"), String(body["error_description"] ?? response.statusText));
    }
    const lifetimeMs = (typeof body["expires_in"] === "number" ? body["expires_in"] : 300) * 1000;
    cached = { token: body["access_token"], refreshAt: options.now() + Math.max(0, lifetimeMs - EARLY_REFRESH_MS) };
    return body["access_token"];
  }

  return {
    async token() {
      if (cached !== null && options.now() < cached.refreshAt) return cached.token;
      pending ??= request().finally(() => {
        pending = null;
      });
      return await pending;
    },
    invalidate() {
      cached = null;
    },
  };
}
