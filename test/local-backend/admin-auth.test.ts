// Admin auth as `npx convex run` and the dashboard use it: a key made on first start (printed,
// kept in the data dir) lets a client run internal and component functions and act as a user,
// over the WebSocket and the HTTP API, `/api/run/{path}` included.
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BackendProcess, client, httpClient, waitForValue } from "../support/backend-process";
import { RawClient } from "./support/raw-client";

/** ConvexHttpClient's admin methods, as `npx convex run` uses them (marked internal in its types). */
type AdminHttpClient = {
  setAdminAuth(key: string, actingAs?: Record<string, unknown>): void;
  function(name: string, componentPath: string | undefined, args: Record<string, unknown>): Promise<unknown>;
  query(name: never, args: never): Promise<unknown>;
};
const adminHttpClient = (url: string) => httpClient(url) as unknown as AdminHttpClient;

describe("admin auth", () => {
  const backend = new BackendProcess();
  let adminKey = "";
  beforeAll(async () => {
    await backend.start();
    adminKey = readFileSync(join(backend.dataDir, "admin-key"), "utf8").trim();
  });
  afterAll(() => backend.dispose());

  it("makes an owner-only admin key on first start and prints it", () => {
    expect(adminKey).toMatch(/^local-backend\|[0-9a-f]{64}$/);
    expect(statSync(join(backend.dataDir, "admin-key")).mode & 0o777).toBe(0o600);
    expect(backend.output).toContain(adminKey);
  });

  it("lets a ConvexClient with the admin key subscribe to internal queries, then clear its auth", async () => {
    const c = client(backend.apiUrl);
    (c.client as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
    expect(await waitForValue<number>(c, "notes:internalCount", {}, (n) => typeof n === "number")).toBeTypeOf("number");
    c.client.clearAuth();
    await expect(c.query("notes:list" as never, { author: "nobody" } as never)).resolves.toEqual([]);
    await c.close();
  });

  it("ends the connection with AuthError for a wrong admin key", async () => {
    const raw = new RawClient(backend.apiUrl);
    await raw.opened;
    raw.send({ type: "Connect", sessionId: "wrong-admin", connectionCount: 0, lastCloseReason: null });
    raw.send({ type: "Authenticate", tokenType: "Admin", value: "local-backend|nope", baseVersion: 0 });
    expect(await raw.next("AuthError")).toMatchObject({ baseVersion: 0 });
    expect(await raw.closed).toBe(1005);
  });

  it("runs internal and component functions over HTTP, and acts as a user", async () => {
    const http = adminHttpClient(backend.apiUrl);
    http.setAdminAuth(adminKey);
    const id = await http.function("notes:secret", undefined, {});
    expect(id).toBeTypeOf("string");
    const serverTime = await http.function("lib:getServerTime", "rateLimiter", {});
    expect(serverTime).toBeTypeOf("number");
    http.setAdminAuth(adminKey, { subject: "acting-user", issuer: "https://issuer.test" });
    expect(await http.query("whoami:identity" as never, {} as never)).toEqual({ subject: "acting-user", org: null });
    const plain = adminHttpClient(backend.apiUrl);
    await expect(plain.function("notes:secret", undefined, {})).rejects.toThrow(/Could not find public function/);
    await expect(plain.function("lib:getServerTime", "rateLimiter", {})).rejects.toThrow(/admin/);
    http.setAdminAuth("local-backend|wrong");
    await expect(http.query("notes:list" as never, {} as never)).rejects.toThrow(/admin key was invalid/);
  });

  it("answers POST /api/run/{path} in clean JSON", async () => {
    await httpClient(backend.apiUrl).mutation("notes:add" as never, { body: "via run", author: "run" } as never);
    const response = await fetch(`${backend.apiUrl}/api/run/notes/list`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ args: { author: "run" }, format: "json" }) });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { status: string; value: Array<{ body: string }> };
    expect(body.status).toBe("success");
    expect(body.value.map((n) => n.body)).toEqual(["via run"]);
    const internalRun = await fetch(`${backend.apiUrl}/api/run/notes/secret`, { method: "POST", body: JSON.stringify({ args: {} }) });
    expect(internalRun.status).toBe(560);
    const adminRun = await fetch(`${backend.apiUrl}/api/run/notes/internalCount`, { method: "POST", headers: { authorization: `Convex ${adminKey}` }, body: JSON.stringify({ args: {} }) });
    expect(await adminRun.json()).toMatchObject({ status: "success" });
    expect((await fetch(`${backend.apiUrl}/api/run/nothing`, { method: "POST", body: "{}" })).status).toBe(400);
  });
});
