import { describe, expect, it } from "vitest";
import { parseFlag, readConfig } from "../../../src/loader/read-config";

function script(attributes: Record<string, string>): HTMLScriptElement {
  const element = document.createElement("script");
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  return element;
}

describe("readConfig", () => {
  it("reads every data-opencom-* attribute", () => {
    const config = readConfig(
      script({
        "data-opencom-convex-url": " http://127.0.0.1:3210 ",
        "data-opencom-workspace-id": "demo",
        "data-opencom-track-page-views": "false",
        "data-opencom-onboarding-verification-token": "tok",
        "data-opencom-client-identifier": "shop-1",
      }),
      undefined,
    );
    expect(config).toEqual({
      convexUrl: "http://127.0.0.1:3210",
      workspaceId: "demo",
      trackPageViews: false,
      onboardingVerificationToken: "tok",
      clientIdentifier: "shop-1",
    });
  });

  it("maps the legacy verification-token only when the new attribute is absent", () => {
    expect(readConfig(script({ "data-opencom-verification-token": "old" }), undefined)).toEqual({
      onboardingVerificationToken: "old",
    });
    expect(
      readConfig(
        script({ "data-opencom-verification-token": "old", "data-opencom-onboarding-verification-token": "new" }),
        undefined,
      ),
    ).toEqual({ onboardingVerificationToken: "new" });
  });

  it("lets window.opencomSettings win over attributes, key by key", () => {
    const config = readConfig(
      script({ "data-opencom-convex-url": "http://attr.example", "data-opencom-workspace-id": "from-attr" }),
      { workspaceId: "from-settings", convexUrl: undefined, user: { userId: "u1" }, trackPageViews: "off" },
    );
    expect(config).toEqual({
      convexUrl: "http://attr.example",
      workspaceId: "from-settings",
      user: { userId: "u1" },
      trackPageViews: false,
    });
  });

  it("works without a script element and ignores non-object settings", () => {
    expect(readConfig(null, { workspaceId: "w" })).toEqual({ workspaceId: "w" });
    expect(readConfig(null, "nonsense")).toEqual({});
    expect(readConfig(null, ["a"])).toEqual({});
  });
});

describe("parseFlag", () => {
  it("turns off only on explicit negatives", () => {
    for (const off of ["false", "FALSE", "0", "no", "off", " false "]) expect(parseFlag(off)).toBe(false);
    for (const on of ["true", "", "1", "yes"]) expect(parseFlag(on)).toBe(true);
  });
});
