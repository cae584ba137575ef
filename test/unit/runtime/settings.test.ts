import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, parseSettings } from "../../../src/runtime/settings";

describe("parseSettings", () => {
  it("reads what boot returns, ignoring unknown fields", () => {
    const settings = parseSettings({
      workspaceId: "demo",
      workspaceName: "Acme",
      teamName: "Acme Support",
      greeting: "Hi!",
      primaryColor: "#16a34a",
      launcherPosition: "left",
      tabs: [{ id: "messages", enabled: true, visibleTo: "all" }],
      sessionLifetimeHours: 24,
    });
    expect(settings).toEqual({
      name: "Acme",
      teamName: "Acme Support",
      greeting: "Hi!",
      primaryColor: "#16a34a",
      launcherPosition: "left",
      tabs: [{ id: "messages", enabled: true }],
    });
  });

  it("falls back field by field", () => {
    const settings = parseSettings({
      name: "Acme",
      primaryColor: "url(javascript:alert(1))",
      launcherPosition: "middle",
      greeting: 42,
    });
    expect(settings).toEqual({ ...DEFAULT_SETTINGS, name: "Acme", teamName: "Acme" });
  });

  it("falls back entirely when settings are not an object", () => {
    expect(parseSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    expect(parseSettings("nope")).toEqual(DEFAULT_SETTINGS);
  });
});
