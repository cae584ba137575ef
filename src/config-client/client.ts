import type { ConfigurationChange, EffectiveConfiguration, EventListenerSetting, LayoutSettings, ThemeSettings } from "../../core/theme/configuration";
import { clientCredentials, type FetchLike, type TokenSource } from "./token";

/*
 * A typed client of /api/v1/widget/configurations that does the workflow right:
 * token caching and refresh, GET → PATCH with If-Match, on 412 re-read and
 * re-apply the change, on 429 wait for Retry-After, every error with its fields.
 */

export type WidgetConfiguration = {
  id: string;
  name: string;
  baseConfigurationId: string | null;
  theme: Partial<ThemeSettings>;
  layout: Partial<LayoutSettings>;
  eventListeners: EventListenerSetting[] | null;
  metadata: { lastModifiedBy: string; version: string };
  isDefault: boolean;
  callbackUrl: string | null;
  effective: EffectiveConfiguration;
  createdAt: number;
  updatedAt: number;
  /** Only in the answer that gave the configuration its callback URL: shown once. */
  callbackSigningSecret?: string;
};

export type { ConfigurationChange };
export type NewConfiguration = {
  name?: string;
  baseConfigurationId?: string;
  theme?: Partial<ThemeSettings>;
  layout?: Partial<LayoutSettings>;
  eventListeners?: EventListenerSetting[];
  isDefault?: true;
  callbackUrl?: string;
};

/** A refusal of the API: `code` and, for 400, the message of each offending field. */
export class ConfigurationApiError extends Error {
  override readonly name = "ConfigurationApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
  ) {
    super(message);
  }
}

export interface ConfigurationClientOptions {
  /** The deployment's REST base, e.g. `https://happy-otter-123.convex.site/api/v1`. */
  baseUrl: string;
  /** OAuth client credentials (POST /api/v1/oauth/clients). */
  clientId: string;
  clientSecret: string;
  /** Space-delimited; @default every scope of the client */
  scope?: string;
  /** Attempts of one call in all (429 waits and 412 re-reads included). @default 5 */
  maxAttempts?: number;
  /** @default globalThis.fetch */
  fetch?: FetchLike;
  /** @default a timer */
  sleep?: (ms: number) => Promise<void>;
  /** @default Date.now */
  now?: () => number;
}

type Answer = { response: Response; body: any };

export function createConfigurationClient(options: ConfigurationClientOptions) {
  const baseUrl = options.baseUrl.replace(/\/+$/, "");
  const fetchImpl = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const maxAttempts = options.maxAttempts ?? 5;
  const tokens: TokenSource = clientCredentials({
    baseUrl,
    clientId: options.clientId,
    clientSecret: options.clientSecret,
    ...(options.scope !== undefined ? { scope: options.scope } : {}),
    fetch: fetchImpl,
    now: options.now ?? Date.now,
  });

  /** One call; waits out 429s and retries once with a new token after a 401. */
  async function call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
    let renewed = false;
    for (let attempt = 1; ; attempt++) {
      const response = await fetchImpl(`${baseUrl}${path}`, {
        method,
        headers: { Authorization: `Bearer ${await tokens.token()}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      const json = (await response.json().catch(() => ({}))) as any;
      if (response.status === 401 && !renewed) {
        renewed = true;
        tokens.invalidate();
        continue;
      }
      if (response.status === 429 && attempt < maxAttempts) {
        await sleep(retryAfterMs(response.headers.get("Retry-After"), attempt));
        continue;
      }
      return { response, body: json };
    }
  }

  const fail = ({ response, body }: Answer): never => {
    const error = body?.error ?? {};
    throw new ConfigurationApiError(response.status, String(error.code ?? "HTTP_" + response.status), String(error.message ?? response.statusText), error.fields ?? {});
  };
  const path = (id: string) => `/widget/configurations/${encodeURIComponent(id)}`;

  async function get(id: string): Promise<{ configuration: WidgetConfiguration; etag: string }> {
    const answer = await call("GET", path(id));
    if (!answer.response.ok) fail(answer);
    return { configuration: answer.body.data, etag: answer.response.headers.get("ETag") ?? "" };
  }

  return {
    async list(): Promise<WidgetConfiguration[]> {
      const answer = await call("GET", "/widget/configurations");
      return answer.response.ok ? answer.body.data : fail(answer);
    },
    get,
    async create(configuration: NewConfiguration): Promise<{ configuration: WidgetConfiguration; etag: string }> {
      const answer = await call("POST", "/widget/configurations", configuration);
      if (answer.response.status !== 201) fail(answer);
      return { configuration: answer.body.data, etag: answer.response.headers.get("ETag") ?? "" };
    },
    /**
     * Reads the configuration, computes the change from it and PATCHes it with If-Match. When
     * someone else changed it in between (412), reads it again and applies the change to the
     * new version: a function of the current configuration re-applies correctly.
     */
    async update(
      id: string,
      change: ConfigurationChange | ((current: WidgetConfiguration) => ConfigurationChange),
      options: { validateOnly?: boolean } = {},
    ): Promise<{ configuration: WidgetConfiguration; etag: string }> {
      for (let attempt = 1; ; attempt++) {
        const { configuration, etag } = await get(id);
        const patch = typeof change === "function" ? change(configuration) : change;
        const query = options.validateOnly ? "?validateOnly=true" : "";
        const answer = await call("PATCH", `${path(id)}${query}`, patch, { "If-Match": etag });
        if (answer.response.status === 412 && attempt < maxAttempts) continue;
        if (!answer.response.ok) fail(answer);
        return { configuration: answer.body.data, etag: answer.response.headers.get("ETag") ?? "" };
      }
    },
    async remove(id: string, etag = "*"): Promise<void> {
      const answer = await call("DELETE", path(id), undefined, { "If-Match": etag });
      if (!answer.response.ok) fail(answer);
    },
    async purgeCache(id: string): Promise<{ cacheGeneration: number; purgedAt: number }> {
      const answer = await call("POST", `${path(id)}/cache/purge`);
      return answer.response.status === 202 ? answer.body : fail(answer);
    },
    async metrics(id: string): Promise<Array<{ eventType: string; metric: string; count: number; p50Ms: number; p95Ms: number; maxMs: number; lastMs: number; lastAt: number }>> {
      const answer = await call("GET", `${path(id)}/metrics`);
      return answer.response.ok ? answer.body.data : fail(answer);
    },
    async audit(id: string, page: { limit?: number; cursor?: string } = {}): Promise<{ data: Array<Record<string, unknown>>; nextCursor: string | null }> {
      const query = new URLSearchParams();
      if (page.limit !== undefined) query.set("limit", String(page.limit));
      if (page.cursor !== undefined) query.set("cursor", page.cursor);
      const answer = await call("GET", `${path(id)}/audit${query.size > 0 ? `?${query}` : ""}`);
      return answer.response.ok ? answer.body : fail(answer);
    },
  };
}

export type ConfigurationClient = ReturnType<typeof createConfigurationClient>;

/** `Retry-After` in seconds or as an HTTP date; without one, backoff (1 s, 2 s, 4 s…). */
export function retryAfterMs(header: string | null, attempt: number, now = Date.now()): number {
  if (header !== null) {
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds >= 0) return seconds * 1000;
    const date = Date.parse(header);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  return Math.min(30_000, 1000 * 2 ** (attempt - 1));
}
