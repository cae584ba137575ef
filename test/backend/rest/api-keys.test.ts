import { describe, expect, test } from "vitest";
import { call, callChecked, errorOf, KEY, restBackend } from "./support";

describe("/api-keys", () => {
  test("mints a key shown once, lists keys without secrets, revokes one; a key cannot revoke itself", async () => {
    const { t } = await restBackend();
    const created = await callChecked(t, "POST", "/api/v1/api-keys", { name: "CRM sync" });
    expect(created.status).toBe(201);
    expect(created.data.key).toMatch(/^oc_live_/);
    expect((await call(t, "GET", "/api/v1/conversations", { key: created.data.key })).status).toBe(200);

    const listed = await callChecked(t, "GET", "/api/v1/api-keys");
    expect(listed.data.map((key: { name: string }) => key.name)).toEqual(["tests", "CRM sync"]);
    expect(JSON.stringify(listed.data)).not.toContain(created.data.key);

    // The new key revokes the old one, which then stops working; the new one cannot revoke itself.
    const original = listed.data[0].id;
    expect((await call(t, "DELETE", `/api/v1/api-keys/${original}`, { key: created.data.key })).status).toBe(200);
    expect((await call(t, "GET", "/api/v1/conversations", { key: KEY })).status).toBe(401);
    const self = await call(t, "DELETE", `/api/v1/api-keys/${created.data.id}`, { key: created.data.key });
    expect(self.status).toBe(409);
    expect((await errorOf(self)).code).toBe("CONFLICT");
    expect((await call(t, "DELETE", "/api/v1/api-keys/not-a-key", { key: created.data.key })).status).toBe(404);
    expect((await errorOf(await call(t, "POST", "/api/v1/api-keys", { key: created.data.key, body: {} }))).fields).toEqual({ name: "Required." });
  });
});
