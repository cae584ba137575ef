import { afterEach, describe, expect, test, vi } from "vitest";
import { createConfigurationClient, ConfigurationApiError } from "../../../src/config-client/index";
import type { TestBackend } from "../helpers";
import { BASE, configBackend, defaultConfiguration, oauthToken, send } from "./support";

/*
 * The typed client (`opencom-widget/config`) against the real routes: convex-test's
 * fetch stands in for the network, so every answer is the server's own.
 */

afterEach(() => vi.unstubAllEnvs());

const ORIGIN = "https://test.convex.site";

function clientFor(t: TestBackend, credentials: { clientId: string; clientSecret: string }, hooks: { before?: (path: string, init: RequestInit) => Promise<void> } = {}) {
  const calls: string[] = [];
  const waits: number[] = [];
  const client = createConfigurationClient({
    baseUrl: `${ORIGIN}/api/v1`,
    ...credentials,
    fetch: async (input, init) => {
      const path = input.slice(ORIGIN.length);
      calls.push(`${init.method} ${path}`);
      await hooks.before?.(path, init);
      return await t.fetch(path, init);
    },
    sleep: async (ms) => void waits.push(ms),
  });
  return { client, calls, waits };
}

describe("the configuration API client", () => {
  test("caches its token, reads then PATCHes with If-Match, and re-applies the change after a 412", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    const credentials = await oauthToken(t, ["widget.config:view", "widget.config:edit"]);
    let interfered = false;
    const { client, calls } = clientFor(t, credentials, {
      // Someone else changes the configuration between the client's GET and its PATCH, once.
      before: async (path, init) => {
        if (init.method !== "PATCH" || interfered) return;
        interfered = true;
        await send(t, `${BASE}/${id}`, { method: "PATCH", body: { layout: { zIndex: 77 } }, headers: { "If-Match": "*" } });
      },
    });
    const seen: number[] = [];
    const { configuration, etag } = await client.update(id, (current) => {
      seen.push(current.effective.layout.zIndex);
      return { theme: { widgetSize: "large" } };
    });
    expect(seen).toEqual([2147483000, 77]); // re-applied to the version that won
    expect(configuration.effective).toMatchObject({ theme: { widgetSize: "large" }, layout: { zIndex: 77 } });
    expect(etag).toMatch(/^"[0-9a-f]{16}"$/);
    expect(calls.filter((call) => call.includes("/oauth/token"))).toHaveLength(1);
    expect(calls.filter((call) => call.startsWith("PATCH"))).toHaveLength(2);
    await client.get(id);
    expect(calls.filter((call) => call.includes("/oauth/token"))).toHaveLength(1); // cached
  });

  test("waits Retry-After on each 429, up to its attempts, then reports the 429", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    const credentials = await oauthToken(t, ["widget.config:view", "widget.config:edit"]);
    const { client, waits } = clientFor(t, credentials);
    // Spend the client's write allowance.
    for (let index = 0; index < 10; index++) await client.purgeCache(id);
    const purged = client.purgeCache(id);
    await expect(purged).rejects.toBeInstanceOf(ConfigurationApiError); // the allowance refills slower than the fake sleep
    expect(waits.length).toBeGreaterThanOrEqual(1);
    expect(waits[0]).toBeGreaterThanOrEqual(1000);
    expect(((await purged.catch((error: unknown) => error)) as ConfigurationApiError).status).toBe(429);
  });

  test("a field error names the field", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    const credentials = await oauthToken(t, ["widget.config:view", "widget.config:edit"]);
    const { client } = clientFor(t, credentials);
    const error = (await client.update(id, { theme: { primaryColor: "#7a7a7a" } }).catch((caught: unknown) => caught)) as ConfigurationApiError;
    expect(error.status).toBe(400);
    expect(Object.keys(error.fields)).toEqual(["theme.primaryColor"]);
  });
});
