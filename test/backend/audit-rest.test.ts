import { afterEach, describe, expect, test, vi } from "vitest";
import { internal } from "../../convex/_generated/api";
import { KEY, OTHER_KEY, messengerSetup, rest } from "./messenger/support";

afterEach(() => {
  vi.useRealTimers();
});

type Entry = {
  id: string;
  at: number;
  action: string;
  actor: { type: string; id?: string; label?: string };
  target: { type: string; id?: string } | null;
  changes: Array<{ field: string; from: unknown; to: unknown }>;
  details: Record<string, unknown>;
};

async function audit(t: Awaited<ReturnType<typeof messengerSetup>>["t"], query = "", key = KEY) {
  const answer = await rest(t, "GET", `/api/v1/audit${query}`, undefined, key);
  return answer as { status: number; json: { data: Entry[]; nextCursor: string | null; error?: { fields: Record<string, string> } } };
}

describe("GET /api/v1/audit", () => {
  test("secret rotation, security and origin changes, key creation and use, deletions: actor, time, what changed", async () => {
    const { t } = await messengerSetup();
    const before = Date.now();
    await rest(t, "POST", "/api/v1/workspace/security/rotate-secret", { gracePeriodHours: 0 });
    await rest(t, "PATCH", "/api/v1/workspace/security", {
      identityVerification: { mode: "required" },
      allowedOrigins: ["https://shop.example.com", "https://new.example.com"],
    });
    const tip = await rest(t, "POST", "/api/v1/tooltips", { name: "Tip", body: "Psst", selector: "#buy" });
    expect((await rest(t, "DELETE", `/api/v1/tooltips/${tip.json.data.id}`)).status).toBeLessThan(300);

    const { json } = await audit(t);
    const actions = json.data.map((entry) => entry.action);
    // Newest first.
    expect(actions.slice(0, 6)).toEqual([
      "tooltips.deleted",
      "api_key.used", // POST /tooltips
      "api_key.used", // PATCH /workspace/security
      "security_settings.updated",
      "api_key.used", // POST rotate-secret
      "identity_secret.rotated",
    ]);
    expect(actions).toContain("api_key.created");
    const byAction = (action: string) => json.data.find((entry) => entry.action === action)!;
    const rotated = byAction("identity_secret.rotated");
    expect(rotated).toMatchObject({
      actor: { type: "api_key", label: expect.stringContaining("oc_live_") },
      details: { gracePeriodHours: 0, previousSecretExpiresAt: null },
    });
    expect(JSON.stringify(json)).not.toMatch(/[0-9a-f]{64}/); // the secret never appears
    expect(rotated.at).toBeGreaterThanOrEqual(before);
    expect(byAction("security_settings.updated").changes).toEqual([
      { field: "identityVerification.mode", from: "optional", to: "required" },
      { field: "allowedOrigins", from: ["https://shop.example.com"], to: ["https://shop.example.com", "https://new.example.com"] },
    ]);
    expect(byAction("tooltips.deleted")).toMatchObject({
      target: { type: "tooltips", id: tip.json.data.id },
      details: { method: "DELETE", status: expect.any(Number), latencyMs: expect.any(Number) },
    });
    // The other workspace sees none of it.
    const other = await audit(t, "", OTHER_KEY);
    expect(other.json.data.map((entry) => entry.action)).toEqual(["api_key.created"]);
  });

  test("filters by action, actor, target and time; pages with a cursor", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    const { t, workspaceId } = await messengerSetup();
    const start = Date.now();
    for (let i = 0; i < 5; i++) {
      vi.setSystemTime(start + (i + 1) * 1000);
      await rest(t, "PATCH", "/api/v1/workspace/security", { sessionLifetimeHours: i + 2 });
    }
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId, name: "script", key: "oc_live_second-key-0000000000000000000000" });

    const updates = await audit(t, "?action=security_settings.updated&limit=2");
    expect(updates.json.data.map((entry) => entry.changes[0]?.to)).toEqual([6, 5]);
    const page2 = await audit(t, `?action=security_settings.updated&limit=2&cursor=${encodeURIComponent(updates.json.nextCursor!)}`);
    const page3 = await audit(t, `?action=security_settings.updated&limit=2&cursor=${encodeURIComponent(page2.json.nextCursor!)}`);
    expect([...page2.json.data, ...page3.json.data].map((entry) => entry.changes[0]?.to)).toEqual([4, 3, 2]);
    expect(page3.json.nextCursor).toBeNull();

    const window = await audit(t, `?action=security_settings.updated&since=${start + 2000}&until=${start + 4000}`);
    expect(window.json.data.map((entry) => entry.changes[0]?.to)).toEqual([4, 3]);
    const system = await audit(t, "?actorType=system");
    expect(system.json.data.map((entry) => entry.action)).toEqual(["api_key.created", "api_key.created"]);
    const keyUse = updates.json.data[0]!.actor.id!;
    expect((await audit(t, `?actorId=${keyUse}&action=api_key.used`)).json.data).toHaveLength(5);
    expect((await audit(t, "?targetType=api_key")).json.data).toHaveLength(2);
  });

  test("bad filters name the field; a foreign cursor is refused", async () => {
    const { t } = await messengerSetup();
    // Query parameters the route does not declare are ignored, as on every route.
    const bad = await audit(t, "?limit=0&actorType=robot&since=yesterday&colour=red");
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error!.fields).sort()).toEqual(["actorType", "limit", "since"]);
    const cursor = await audit(t, "?cursor=not-a-cursor");
    expect(cursor.status).toBe(400);
    expect(cursor.json.error!.fields).toHaveProperty("cursor");
  });
});
