import { describe, expect, test } from "vitest";
import { internal } from "../../../convex/_generated/api";
import { TEST_ORIGIN, createWorkspace } from "../helpers";
import { call, restBackend } from "./support";

const OTHER_ORIGIN = "https://console.other.test";
const OTHER_KEY = "oc_live_other-workspace-key-0000000000000";

/** acme allows TEST_ORIGIN; a second workspace allows OTHER_ORIGIN and has its own key. */
async function twoWorkspaces() {
  const { t } = await restBackend();
  const otherId = await createWorkspace(t, { publicId: "other", allowedOrigins: [OTHER_ORIGIN] });
  await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherId, name: "other", key: OTHER_KEY });
  return t;
}

const preflight = (t: Awaited<ReturnType<typeof twoWorkspaces>>, origin: string) =>
  t.fetch("/api/v1/workspace/security", {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "PATCH" },
  });

describe("CORS preflight", () => {
  test("allowed when any workspace lists the origin (it carries no key)", async () => {
    const t = await twoWorkspaces();
    for (const origin of [TEST_ORIGIN, OTHER_ORIGIN]) {
      const response = await preflight(t, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe(origin);
      expect(response.headers.get("Access-Control-Allow-Methods")).toContain("PATCH");
      expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
      expect(response.headers.get("Vary")).toContain("Origin");
    }
  });

  test("no CORS headers for an origin no workspace allows, or a look-alike", async () => {
    const t = await twoWorkspaces();
    for (const origin of ["https://evil.test", "https://shop.example.com.evil.test", "null"]) {
      const response = await preflight(t, origin);
      expect(response.status).toBe(204);
      expect(response.headers.get("Access-Control-Allow-Origin"), origin).toBeNull();
      expect(response.headers.get("Access-Control-Allow-Methods")).toBeNull();
    }
  });
});

describe("CORS on authenticated requests", () => {
  test("only the key's own workspace's origins get CORS headers, never the wildcard", async () => {
    const t = await twoWorkspaces();
    const own = await call(t, "GET", "/api/v1/conversations", { origin: TEST_ORIGIN });
    expect(own.status).toBe(200);
    expect(own.headers.get("Access-Control-Allow-Origin")).toBe(TEST_ORIGIN);
    expect(own.headers.get("Access-Control-Expose-Headers")).toContain("Retry-After");
    expect(own.headers.get("Access-Control-Expose-Headers")).toContain("Opencom-Next-Cursor"); // the bot connections list's next page
    expect(own.headers.get("Vary")).toContain("Origin");

    // Allowed by another workspace, but not by the one this key belongs to.
    const foreign = await call(t, "GET", "/api/v1/conversations", { origin: OTHER_ORIGIN });
    expect(foreign.status).toBe(200);
    expect(foreign.headers.get("Access-Control-Allow-Origin")).toBeNull();
    const viaOtherKey = await call(t, "GET", "/api/v1/conversations", { origin: OTHER_ORIGIN, key: OTHER_KEY });
    expect(viaOtherKey.headers.get("Access-Control-Allow-Origin")).toBe(OTHER_ORIGIN);

    const noOrigin = await call(t, "GET", "/api/v1/conversations");
    expect(noOrigin.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  test("wildcard patterns follow the boot rules (no look-alike domains)", async () => {
    const { t } = await restBackend({ allowedOrigins: ["https://*.example.com"] });
    const sub = await call(t, "GET", "/api/v1/conversations", { origin: "https://a.b.example.com" });
    expect(sub.headers.get("Access-Control-Allow-Origin")).toBe("https://a.b.example.com");
    const lookAlike = await call(t, "GET", "/api/v1/conversations", { origin: "https://evil-example.com" });
    expect(lookAlike.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  test("a 401 follows the preflight rule, so a console can read it", async () => {
    const t = await twoWorkspaces();
    const allowed = await call(t, "GET", "/api/v1/conversations", { origin: OTHER_ORIGIN, key: "oc_live_bad" });
    expect(allowed.status).toBe(401);
    expect(allowed.headers.get("Access-Control-Allow-Origin")).toBe(OTHER_ORIGIN);
    const unknown = await call(t, "GET", "/api/v1/conversations", { origin: "https://evil.test", key: null });
    expect(unknown.status).toBe(401);
    expect(unknown.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });
});
