import { afterEach, describe, expect, test, vi } from "vitest";
import { verifyOpencomSignature } from "../../../convex/lib/signatures";
import { fakeReceiver, settled } from "../outgoing/support";
import { BASE, configBackend, defaultConfiguration, json, oauthToken, send } from "./support";

afterEach(() => {
  vi.unstubAllEnvs();
  vi.unstubAllGlobals();
});

describe("audit entries and the callback", () => {
  test("every attempt is logged with its status, latency, validation, fields changed, ETag and errors", async () => {
    const { t } = await configBackend();
    const { id, etag } = await defaultConfiguration(t);
    const editor = await oauthToken(t, ["widget.config:view", "widget.config:edit"]);
    const auth = { bearer: editor.token };
    const ok = await send(t, `${BASE}/${id}`, { ...auth, method: "PATCH", body: { theme: { widgetSize: "large" } }, headers: { "If-Match": etag } });
    await send(t, `${BASE}/${id}`, { ...auth, method: "PATCH", body: { theme: { widgetSize: "small" } }, headers: { "If-Match": etag } });
    await send(t, `${BASE}/${id}`, { ...auth, method: "PATCH", body: { theme: { primaryColor: "nope" } }, headers: { "If-Match": "*" } });
    await send(t, `${BASE}/${id}?validateOnly=true`, { ...auth, method: "PATCH", body: { name: "n" }, headers: { "If-Match": "*" } });
    const page = await json(await send(t, `${BASE}/${id}/audit`, auth));
    const [validated, invalid, stale, updated] = page.data;
    expect(updated).toMatchObject({
      action: "widget_configuration.updated",
      actor: { type: "oauth_client", id: editor.clientId },
      target: { type: "widget_configuration", id },
      details: { status: "completed", httpStatus: 200, fieldsChanged: ["theme"], newEtag: ok.headers.get("ETag"), errors: [], validation: { valid: true } },
      callback: null,
    });
    expect(updated.details.latencyMs).toBeGreaterThanOrEqual(0);
    expect(stale.details).toMatchObject({ status: "failed", httpStatus: 412, errors: [{ code: "PRECONDITION_FAILED", message: expect.any(String) }] });
    expect(invalid.details).toMatchObject({ status: "failed", httpStatus: 400, validation: { valid: false, fields: { "theme.primaryColor": expect.any(String) } } });
    expect(validated).toMatchObject({ action: "widget_configuration.validated", details: { status: "validated" } });
    // The same entries are in the one audit log.
    const all = await json(await send(t, "/api/v1/audit?targetType=widget_configuration"));
    expect(all.data.map((entry: { id: string }) => entry.id)).toEqual(expect.arrayContaining(page.data.map((entry: { id: string }) => entry.id)));
  });

  test("a change is POSTed, signed, to the callback URL; the outcome shows in the audit entry; a purge is recorded", async () => {
    const receiver = fakeReceiver(() => 200);
    const { t } = await configBackend();
    const { id } = await defaultConfiguration(t);
    const first = await send(t, `${BASE}/${id}`, { method: "PATCH", body: { callbackUrl: "https://design.example.com/hooks/theme" }, headers: { "If-Match": "*" } });
    expect(first.status).toBe(200);
    const secret: string = (await json(first)).data.callbackSigningSecret;
    expect(secret).toMatch(/^whsec_/);
    const second = await send(t, `${BASE}/${id}`, { method: "PATCH", body: { theme: { primaryColor: "#1a73e8" } }, headers: { "If-Match": first.headers.get("ETag")! } });
    expect((await json(second)).data.callbackSigningSecret).toBeUndefined(); // shown once
    const [queued] = (await json(await send(t, `${BASE}/${id}/audit?limit=1`))).data;
    await settled(t, [queued.details.callbackDeliveryId]);
    const call = receiver.calls.at(-1)!;
    expect(call.url).toBe("https://design.example.com/hooks/theme");
    const body = JSON.parse(call.body);
    expect(body).toMatchObject({ event: "widget_customization_applied", configurationId: id, theme: { primaryColor: "#1a73e8" } });
    expect(new Date(body.timestamp).toISOString()).toBe(body.timestamp);
    const header = call.headers.get("Opencom-Signature") ?? "";
    expect(await verifyOpencomSignature({ header, body: call.body, secrets: [secret], nowSeconds: Math.floor(Date.now() / 1000) })).toEqual({ ok: true });
    const [latest] = (await json(await send(t, `${BASE}/${id}/audit?limit=1`))).data;
    expect(latest.details.status).toBe("updated");
    expect(latest.callback).toMatchObject({ status: "succeeded", attempts: 1, lastStatusCode: 200 });
    const purge = await send(t, `${BASE}/${id}/cache/purge`, { method: "POST" });
    expect(purge.status).toBe(202);
    expect((await json(purge)).cacheGeneration).toBe(1);
    const [purged] = (await json(await send(t, `${BASE}/${id}/audit?limit=1`))).data;
    expect(purged).toMatchObject({ action: "widget_configuration.cache_purged", details: { status: "completed" } });
  });
});
