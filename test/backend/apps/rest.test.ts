import { describe, expect, test } from "vitest";
import { internal } from "../../../convex/_generated/api";
import { createWorkspace } from "../helpers";
import { call, errorOf, restBackend } from "../rest/support";

const SLA = {
  name: "SLA guardian",
  url: "https://sla.apps.example.com/guardian/",
  allowedOrigins: ["https://*.apps.example.com"],
  screens: ["TICKETS"],
};

async function create(t: Awaited<ReturnType<typeof restBackend>>["t"], body: unknown) {
  const response = await call(t, "POST", "/api/v1/apps", { body });
  return { response, json: (await response.json()) as { data: Record<string, unknown>; error?: { code: string; message: string; fields?: Record<string, string> } } };
}

describe("/api/v1/apps", () => {
  test("creates with defaults, reads, lists, patches and deletes", async () => {
    const { t } = await restBackend();
    const { response, json } = await create(t, SLA);
    expect(response.status).toBe(201);
    expect(json.data).toEqual({ ...SLA, id: expect.any(String), enabled: true, protocol: "opencom", createdAt: expect.any(Number), updatedAt: expect.any(Number) });
    const id = json.data["id"] as string;

    expect(await (await call(t, "GET", `/api/v1/apps/${id}`)).json()).toEqual({ data: json.data });
    const list = (await (await call(t, "GET", "/api/v1/apps")).json()) as { data: unknown[] };
    expect(list.data).toEqual([json.data]);

    const patched = await call(t, "PATCH", `/api/v1/apps/${id}`, { body: { enabled: false, protocol: "bm-widget", screens: ["TICKETS", "CHATS"] } });
    expect(patched.status).toBe(200);
    expect(((await patched.json()) as { data: unknown }).data).toMatchObject({ enabled: false, protocol: "bm-widget", screens: ["TICKETS", "CHATS"], name: SLA.name });

    const removed = await call(t, "DELETE", `/api/v1/apps/${id}`);
    expect(await removed.json()).toEqual({ data: { id, deleted: true } });
    expect((await call(t, "GET", `/api/v1/apps/${id}`)).status).toBe(404);
    expect((await call(t, "DELETE", `/api/v1/apps/${id}`)).status).toBe(404);
  });

  test("needs the admin key", async () => {
    const { t } = await restBackend();
    expect((await call(t, "GET", "/api/v1/apps", { key: null })).status).toBe(401);
    expect((await call(t, "POST", "/api/v1/apps", { key: "oc_live_wrong", body: SLA })).status).toBe(401);
  });

  test("keeps names unique per workspace, whatever their case", async () => {
    const { t } = await restBackend();
    await create(t, SLA);
    const { response, json } = await create(t, { ...SLA, name: "  sla GUARDIAN " });
    expect(response.status).toBe(409);
    expect(json.error).toMatchObject({ code: "CONFLICT", fields: { name: 'An app named "SLA guardian" already exists.' } });
    const other = await create(t, { ...SLA, name: "Other" });
    const rename = await call(t, "PATCH", `/api/v1/apps/${other.json.data["id"] as string}`, { body: { name: "SLA Guardian" } });
    expect(rename.status).toBe(409);
  });

  test("another workspace's key neither sees nor changes the app, and may reuse its name", async () => {
    const { t } = await restBackend();
    const { json } = await create(t, SLA);
    const otherId = await createWorkspace(t, { publicId: "other" });
    const otherKey = "oc_live_other-apps-workspace-key-00000000000";
    await t.mutation(internal.apiKeys.createWithKey, { workspaceId: otherId, name: "other", key: otherKey });
    const id = json.data["id"] as string;
    expect((await call(t, "GET", `/api/v1/apps/${id}`, { key: otherKey })).status).toBe(404);
    expect((await call(t, "PATCH", `/api/v1/apps/${id}`, { key: otherKey, body: { enabled: false } })).status).toBe(404);
    expect((await call(t, "DELETE", `/api/v1/apps/${id}`, { key: otherKey })).status).toBe(404);
    expect((await call(t, "POST", "/api/v1/apps", { key: otherKey, body: SLA })).status).toBe(201);
  });

  test("refuses bad fields, naming each", async () => {
    const { t } = await restBackend();
    const fieldsOf = async (body: unknown) => (await errorOf(await call(t, "POST", "/api/v1/apps", { body }))).fields;
    expect(await fieldsOf({ ...SLA, url: "https://elsewhere.example.net/" })).toEqual({ url: "url its origin https://elsewhere.example.net must be one of allowedOrigins." });
    expect(await fieldsOf({ ...SLA, url: "http://sla.apps.example.com/", allowedOrigins: ["http://sla.apps.example.com"] })).toEqual({
      "allowedOrigins.0": '"http://sla.apps.example.com" may use plain http only for loopback hosts; use https.',
      url: "url may use plain http only for loopback hosts; use https.",
    });
    expect(await fieldsOf({ ...SLA, allowedOrigins: ["https://evil-example.com", "*"] })).toMatchObject({ "allowedOrigins.1": expect.stringContaining("must be an origin") });
    expect(await fieldsOf({ ...SLA, screens: ["SETTINGS"] })).toHaveProperty("screens.0");
    expect(await fieldsOf({ ...SLA, screens: [] })).toEqual({ screens: "screens must list at least one of CHATS, TICKETS, CONTACTS." });
    expect(await fieldsOf({ ...SLA, name: "" })).toEqual({ name: "name must not be empty." });
    expect(await fieldsOf({ ...SLA, protocol: "soap" })).toHaveProperty("protocol");
    expect(await fieldsOf({ ...SLA, secret: 1 })).toEqual({ secret: "Unknown field." });
    const bad = await call(t, "POST", "/api/v1/apps", { body: "{nope" });
    expect(bad.status).toBe(400);
    expect((await errorOf(bad)).code).toBe("INVALID_JSON");
  });

  test("plain http is fine on loopback, *.localhost included", async () => {
    const { t } = await restBackend();
    const { response } = await create(t, { ...SLA, url: "http://sla.localhost:5181/", allowedOrigins: ["http://*.localhost:5181"] });
    expect(response.status).toBe(201);
    expect((await create(t, { ...SLA, name: "Loop", url: "http://127.0.0.1:5182/x", allowedOrigins: ["http://127.0.0.1:5182"] })).response.status).toBe(201);
  });

  test("a PATCH is checked against the stored app", async () => {
    const { t } = await restBackend();
    const { json } = await create(t, SLA);
    const id = json.data["id"] as string;
    const moved = await call(t, "PATCH", `/api/v1/apps/${id}`, { body: { url: "https://other.example.org/" } });
    expect(moved.status).toBe(400);
    expect(await errorOf(moved)).toMatchObject({ code: "INVALID_ARGUMENT", fields: { url: "url its origin https://other.example.org must be one of allowedOrigins." } });
    const narrowed = await call(t, "PATCH", `/api/v1/apps/${id}`, { body: { allowedOrigins: ["https://exact.example.org"] } });
    expect(narrowed.status).toBe(400);
    expect((await call(t, "PATCH", `/api/v1/apps/${id}`, { body: {} })).status).toBe(400);
    const both = await call(t, "PATCH", `/api/v1/apps/${id}`, { body: { url: "https://exact.example.org/a", allowedOrigins: ["https://exact.example.org"] } });
    expect(both.status).toBe(200);
  });
});
