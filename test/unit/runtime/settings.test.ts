import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, parseSettings } from "../../../src/runtime/settings";

describe("parseSettings", () => {
  it("reads what boot returns, keeping the raw object for the panel", () => {
    const raw = {
      workspaceId: "demo",
      workspaceName: "Acme",
      teamName: "Acme Support",
      greeting: "Hi!",
      primaryColor: "#16a34a",
      launcherPosition: "left",
      tabs: [{ id: "messages", enabled: true, visibleTo: "all" }],
      sessionLifetimeHours: 24,
      theme: "dark",
    };
    const settings = parseSettings(raw);
    expect(settings).toEqual({
      name: "Acme",
      teamName: "Acme Support",
      greeting: "Hi!",
      primaryColor: "#16a34a",
      launcherPosition: "left",
      tabs: [{ id: "messages", enabled: true, visibleTo: "all" }],
      theme: "dark",
      configuration: null,
      raw,
    });
  });

  it("takes a widget configuration only when every styled value passes the checks", () => {
    const configuration = {
      theme: { primaryColor: "#1a73e8", secondaryColor: "#ffffff", fontFamily: 'Inter, "Helvetica Neue", sans-serif', borderRadius: "12px", widgetSize: "large" },
      layout: { position: "bottom-left", zIndex: 9999, mobileResponsive: false },
      eventListeners: [{ eventType: "widget_open", action: "emit", payload: { source: "cfg" } }],
    };
    expect(parseSettings({ configuration }).configuration).toEqual(configuration);
    const hostile = [
      { ...configuration, theme: { ...configuration.theme, fontFamily: "x;}body{display:none" } },
      { ...configuration, theme: { ...configuration.theme, primaryColor: "rgb(1,2,3)" } },
      { ...configuration, theme: { ...configuration.theme, borderRadius: "1px;color:red" } },
      { ...configuration, layout: { ...configuration.layout, zIndex: "9" } },
      { ...configuration, eventListeners: [{ eventType: "eval", action: "emit", payload: {} }] },
    ];
    for (const value of hostile) expect(parseSettings({ configuration: value }).configuration).toBeNull();
  });

  it("falls back field by field", () => {
    const raw = {
      name: "Acme",
      primaryColor: "url(javascript:alert(1))",
      launcherPosition: "middle",
      greeting: 42,
      theme: "neon",
    };
    expect(parseSettings(raw)).toEqual({ ...DEFAULT_SETTINGS, name: "Acme", teamName: "Acme", raw });
  });

  it("falls back entirely when settings are not an object", () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings("nope")).toEqual(DEFAULT_SETTINGS);
  });
});
