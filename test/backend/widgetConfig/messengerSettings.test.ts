import { afterEach, describe, expect, test, vi } from "vitest";
import { bootVisitor } from "../helpers";
import { BASE, configBackend, defaultConfiguration, json, send } from "./support";

afterEach(() => vi.unstubAllEnvs());

describe("the default configuration is the one source of theme and layout", () => {
  test("messenger settings read and write its colour and side; boot themes the widget from it", async () => {
    const { t } = await configBackend();
    const before = await defaultConfiguration(t);
    expect(before.data.theme.primaryColor).toBe("#2563eb"); // made from the workspace's messenger colour
    const patched = await send(t, "/api/v1/workspace/messenger", { method: "PATCH", body: { primaryColor: "#0f766e", launcherPosition: "left" } });
    expect(patched.status).toBe(200);
    expect((await json(patched)).data).toMatchObject({ primaryColor: "#0f766e", launcherPosition: "left" });
    const after = await defaultConfiguration(t);
    expect(after.data.theme.primaryColor).toBe("#0f766e");
    expect(after.data.layout.position).toBe("bottom-left");
    expect(after.data.metadata.version).toBe("1.0.1");
    expect(after.etag).not.toBe(before.etag);
    // And the other way round: a PATCH of the configuration shows in the messenger settings and in boot.
    await send(t, `${BASE}/${after.id}`, { method: "PATCH", body: { theme: { primaryColor: "hsl(262, 83%, 58%)" } }, headers: { "If-Match": after.etag } });
    expect((await json(await send(t, "/api/v1/workspace/messenger"))).data.primaryColor).toBe("hsl(262, 83%, 58%)");
    const booted = await bootVisitor(t, "session-theme-1");
    expect(booted.settings.primaryColor).toMatch(/^#[0-9a-f]{6}$/);
    expect(booted.settings.configuration.theme.primaryColor).toBe(booted.settings.primaryColor);
    expect(booted.settings.launcherPosition).toBe("left");
  });

  test("an unreadable colour through the messenger settings is refused like any other change", async () => {
    const { t } = await configBackend();
    const response = await send(t, "/api/v1/workspace/messenger", { method: "PATCH", body: { primaryColor: "#7a7a7a" } });
    expect(response.status).toBe(400);
    expect((await json(response)).error.fields.primaryColor).toMatch(/4\.2\d:1/);
  });
});
