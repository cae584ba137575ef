import { afterEach, describe, expect, test, vi } from "vitest";
import { BASE, configBackend, defaultConfiguration, json, send } from "./support";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

const patch = (path: string, body: unknown, ifMatch?: string) =>
  ({ method: "PATCH", body, ...(ifMatch !== undefined ? { headers: { "If-Match": ifMatch } } : {}) }) as const;

describe("widget configurations over REST", () => {
  test("201 on create (ETag, Location, defaults filled), 200 on GET with the same ETag", async () => {
    const { t } = await configBackend();
    const created = await send(t, BASE, { method: "POST", body: { name: "Brand", theme: { primaryColor: "rgb(26, 115, 232)", fontFamily: 'Inter, "Helvetica Neue", sans-serif' } } });
    expect(created.status).toBe(201);
    const body = (await json(created)).data;
    expect(created.headers.get("Location")).toBe(`${BASE}/${body.id}`);
    expect(body.theme).toMatchObject({ primaryColor: "rgb(26, 115, 232)", widgetSize: "medium" });
    expect(body.metadata).toEqual({ lastModifiedBy: expect.stringContaining("api_key:"), version: "1.0.0" });
    const read = await send(t, `${BASE}/${body.id}`);
    expect(read.status).toBe(200);
    expect(read.headers.get("ETag")).toBe(created.headers.get("ETag"));
    expect(read.headers.get("ETag")).toMatch(/^"[0-9a-f]{16}"$/);
  });

  test("200 on PATCH with If-Match: version bumped, new ETag, effective merged through the base", async () => {
    const { t } = await configBackend();
    const base = await defaultConfiguration(t);
    const child = (await json(await send(t, BASE, { method: "POST", body: { baseConfigurationId: base.id, theme: { borderRadius: "4px" } } }))).data;
    expect(child.effective.theme.primaryColor).toBe(base.data.effective.theme.primaryColor);
    const changed = await send(t, `${BASE}/${base.id}`, patch("", { theme: { primaryColor: "#0b5394" } }, base.etag));
    expect(changed.status).toBe(200);
    const after = (await json(changed)).data;
    expect(after.metadata.version).toBe("1.0.1");
    expect(changed.headers.get("ETag")).not.toBe(base.etag);
    const childNow = (await json(await send(t, `${BASE}/${child.id}`))).data;
    expect(childNow.effective.theme).toMatchObject({ primaryColor: "#0b5394", borderRadius: "4px" });
  });

  test("428 without If-Match, 412 with a stale one, If-Match: * applies to the current version", async () => {
    const { t } = await configBackend();
    const { id, etag } = await defaultConfiguration(t);
    const missing = await send(t, `${BASE}/${id}`, patch("", { layout: { zIndex: 10 } }));
    expect(missing.status).toBe(428);
    expect((await json(missing)).error.code).toBe("PRECONDITION_REQUIRED");
    expect((await send(t, `${BASE}/${id}`, patch("", { layout: { zIndex: 10 } }, etag))).status).toBe(200);
    const stale = await send(t, `${BASE}/${id}`, patch("", { layout: { zIndex: 11 } }, etag));
    expect(stale.status).toBe(412);
    expect((await json(stale)).error.code).toBe("PRECONDITION_FAILED");
    const weak = await send(t, `${BASE}/${id}`, patch("", { layout: { zIndex: 11 } }, `W/${etag}`));
    expect(weak.status).toBe(412);
    const any = await send(t, `${BASE}/${id}`, patch("", { layout: { zIndex: 12 } }, "*"));
    expect(any.status).toBe(200);
    expect((await json(any)).data.layout.zIndex).toBe(12);
    // `*` on a resource that does not exist is a failed precondition (RFC 9110 §13.1.1).
    expect((await send(t, `${BASE}/${id}x`, patch("", { layout: { zIndex: 1 } }, "*"))).status).toBe(412);
  });

  test("two writers with the same ETag: exactly one wins, the other gets 412", async () => {
    const { t } = await configBackend();
    const { id, etag } = await defaultConfiguration(t);
    const [first, second] = await Promise.all([
      send(t, `${BASE}/${id}`, patch("", { theme: { secondaryColor: "#ffffff" } }, etag)),
      send(t, `${BASE}/${id}`, patch("", { theme: { secondaryColor: "#000000" } }, etag)),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 412]);
    const now = (await json(await send(t, `${BASE}/${id}`))).data;
    expect(now.metadata.version).toBe("1.0.1");
  });

  test("404 for an unknown id, another workspace's id, and a tag on nothing", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    expect((await send(t, `${BASE}/nope`)).status).toBe(404);
    expect((await send(t, `${BASE}/${id.slice(0, -2)}zz`)).status).toBe(404);
    expect((await send(t, `${BASE}/nope`, patch("", { name: "x" }, '"abc"'))).status).toBe(404);
    expect((await send(t, `${BASE}/nope/metrics`)).status).toBe(404);
  });

  test("400 with the fields named: grammar, enums, ranges, unknown fields, allow-listed events", async () => {
    const { t } = await configBackend();
    const response = await send(t, BASE, {
      method: "POST",
      body: {
        theme: { primaryColor: "red", fontFamily: "Inter; color: red", borderRadius: "12", widgetSize: "huge" },
        layout: { zIndex: 0, position: "top-center" },
        eventListeners: [{ eventType: "page_scroll", action: "emit", payload: {} }, { eventType: "widget_open", action: "eval", payload: {} }],
        colour: "#fff",
      },
    });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.code).toBe("INVALID_ARGUMENT");
    expect(Object.keys(error.fields).sort()).toEqual([
      "colour",
      "eventListeners.0.eventType",
      "eventListeners.1.action",
      "layout.position",
      "layout.zIndex",
      "theme.borderRadius",
      "theme.fontFamily",
      "theme.primaryColor",
      "theme.widgetSize",
    ]);
    expect(error.fields["eventListeners.0.eventType"]).toContain("transcript_export");
  });

  test.each([
    ["expression()", { theme: { fontFamily: "expression(alert(1))" } }, "theme.fontFamily", "expression"],
    ["javascript:", { theme: { primaryColor: "javascript:alert(1)" } }, "theme.primaryColor", "javascript"],
    ["@import", { theme: { borderRadius: "@import url(x)" } }, "theme.borderRadius", "@import"],
    ["url(data:)", { eventListeners: [{ eventType: "widget_open", action: "emit", payload: { bg: "url( 'data:text/css,x')" } }] }, "eventListeners.0.payload.bg", "data"],
    ["behavior:", { name: "x behavior: url(a.htc)" }, "name", "behavior"],
    ["<script", { eventListeners: [{ eventType: "widget_open", action: "emit", payload: { html: "<script>alert(1)</script>" } }] }, "eventListeners.0.payload.html", "script"],
  ])("the seed's injection pattern %s is refused where it appears", async (_name, body, field, pattern) => {
    const { t } = await configBackend();
    const response = await send(t, BASE, { method: "POST", body });
    expect(response.status).toBe(400);
    const { error } = await json(response);
    expect(error.fields[field]).toContain(pattern);
  });

  test("nesting deeper than 5 levels is refused, naming the path; 5 levels pass", async () => {
    const { t } = await configBackend();
    const fine = await send(t, BASE, { method: "POST", body: { eventListeners: [{ eventType: "widget_open", action: "emit", payload: { level5: "ok" } }] } });
    expect(fine.status).toBe(201);
    const deep = await send(t, BASE, { method: "POST", body: { eventListeners: [{ eventType: "widget_open", action: "emit", payload: { level5: { level6: "no" } } }] } });
    expect(deep.status).toBe(400);
    expect((await json(deep)).error.fields).toEqual({ "eventListeners.0.payload.level5.level6": expect.stringContaining("deeper than 5") });
  });

  test("an unreadable primary colour is refused with the measured ratio", async () => {
    const { t } = await configBackend();
    const { id, etag } = await defaultConfiguration(t);
    const response = await send(t, `${BASE}/${id}`, patch("", { theme: { primaryColor: "#7a7a7a" } }, etag));
    expect(response.status).toBe(400);
    const message: string = (await json(response)).error.fields["theme.primaryColor"];
    expect(message).toMatch(/reaches only 4\.2\d:1/);
    expect(message).toContain("4.5:1");
    // Nothing changed: the ETag still holds.
    expect((await send(t, `${BASE}/${id}`)).headers.get("ETag")).toBe(etag);
  });

  test("a base that would loop is refused; the default and a base of another cannot be deleted (409)", async () => {
    const { t } = await configBackend();
    const root = await defaultConfiguration(t);
    const child = (await json(await send(t, BASE, { method: "POST", body: { baseConfigurationId: root.id } }))).data;
    const loop = await send(t, `${BASE}/${root.id}`, patch("", { baseConfigurationId: child.id }, "*"));
    expect(loop.status).toBe(400);
    expect((await json(loop)).error.fields.baseConfigurationId).toContain("loop");
    expect((await send(t, `${BASE}/${root.id}`, { method: "DELETE", headers: { "If-Match": "*" } })).status).toBe(409);
    const second = (await json(await send(t, BASE, { method: "POST", body: { name: "other" } }))).data;
    const grandchild = (await json(await send(t, BASE, { method: "POST", body: { baseConfigurationId: second.id } }))).data;
    expect((await send(t, `${BASE}/${second.id}`, { method: "DELETE", headers: { "If-Match": "*" } })).status).toBe(409);
    expect((await send(t, `${BASE}/${grandchild.id}`, { method: "DELETE" })).status).toBe(428);
    expect((await send(t, `${BASE}/${grandchild.id}`, { method: "DELETE", headers: { "If-Match": "*" } })).status).toBe(200);
    expect((await send(t, `${BASE}/${grandchild.id}`)).status).toBe(404);
  });

  test("429 with Retry-After once a client's writes run out", async () => {
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    let limited: Response | undefined;
    for (let attempt = 0; attempt < 15 && limited === undefined; attempt++) {
      const response = await send(t, `${BASE}/${id}`, patch("", { layout: { zIndex: 100 + attempt } }, "*"));
      if (response.status === 429) limited = response;
      else expect(response.status).toBe(200);
    }
    expect(limited?.status).toBe(429);
    expect(Number(limited?.headers.get("Retry-After"))).toBeGreaterThanOrEqual(1);
    expect((await json(limited!)).error.code).toBe("RATE_LIMITED");
    // Reads are not writes.
    expect((await send(t, `${BASE}/${id}`)).status).toBe(200);
  });

  test("validateOnly checks and changes nothing", async () => {
    const { t } = await configBackend();
    const { id, etag } = await defaultConfiguration(t);
    const response = await send(t, `${BASE}/${id}?validateOnly=true`, patch("", { theme: { widgetSize: "large" } }, etag));
    expect(response.status).toBe(200);
    expect((await json(response)).validated).toBe(true);
    expect((await send(t, `${BASE}/${id}`)).headers.get("ETag")).toBe(etag);
  });
});
