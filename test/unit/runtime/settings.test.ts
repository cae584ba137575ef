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
      raw,
    });
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
