import { describe, expect, it } from "vitest";
import { parseAttributes, parseConfig, parseUser } from "../../../src/sdk/config";

describe("parseConfig", () => {
  it("accepts a minimal config and defaults trackPageViews to true", () => {
    const parsed = parseConfig({ convexUrl: "https://happy-otter-123.convex.cloud", workspaceId: "demo" });
    expect(parsed).toEqual({
      ok: true,
      value: {
        convexUrl: "https://happy-otter-123.convex.cloud",
        workspaceId: "demo",
        trackPageViews: true,
        hideDefaultLauncher: false,
        sound: false,
      },
    });
  });

  it("keeps trackPageViews false and a user", () => {
    const parsed = parseConfig({
      convexUrl: "http://127.0.0.1:3210",
      workspaceId: "demo",
      trackPageViews: false,
      user: { userId: "u1", email: "ada@example.com", customAttributes: { plan: "pro", seats: 3, beta: true, note: null } },
    });
    expect(parsed.ok && parsed.value.trackPageViews).toBe(false);
    expect(parsed.ok && parsed.value.user?.customAttributes).toEqual({ plan: "pro", seats: 3, beta: true, note: null });
  });

  it("requires convexUrl, as an http(s) URL", () => {
    expect(parseConfig({ workspaceId: "demo" })).toEqual({ ok: false, message: "convexUrl is required" });
    expect(parseConfig({ convexUrl: "ftp://x.example", workspaceId: "demo" })).toEqual({
      ok: false,
      message: "convexUrl must be a valid http(s) URL",
    });
    expect(parseConfig({ convexUrl: "not a url", workspaceId: "demo" }).ok).toBe(false);
  });

  it("requires a non-empty workspaceId", () => {
    expect(parseConfig({ convexUrl: "https://a.convex.cloud" })).toEqual({ ok: false, message: "workspaceId is required" });
    expect(parseConfig({ convexUrl: "https://a.convex.cloud", workspaceId: "" })).toEqual({
      ok: false,
      message: "workspaceId must not be empty",
    });
  });

  it("explains wrong types", () => {
    expect(parseConfig({ convexUrl: "https://a.convex.cloud", workspaceId: "demo", trackPageViews: "yes" })).toEqual({
      ok: false,
      message: "trackPageViews must be a boolean",
    });
    expect(parseConfig(null)).toEqual({ ok: false, message: "config must be an object" });
  });
});

describe("parseUser / parseAttributes", () => {
  it("drops unknown user fields and rejects wrong types", () => {
    expect(parseUser({ userId: "u1", favouriteColour: "blue" })).toEqual({ ok: true, value: { userId: "u1" } });
    expect(parseUser({ email: 42 })).toEqual({ ok: false, message: "email must be a string" });
  });

  it("takes a company with the host's id, and leaves its other fields to the server, which names a bad one", () => {
    const company = { id: "co_1", name: "Acme", plan: "pro", size: 12, website: "https://acme.example", industry: "Retail", customAttributes: { tier: "gold" } };
    expect(parseUser({ userId: "u1", company })).toEqual({ ok: true, value: { userId: "u1", company } });
    expect(parseUser({ company: { name: "No id" } })).toMatchObject({ ok: false, message: expect.stringContaining("company.id") });
    expect(parseUser({ company: { id: "" } })).toMatchObject({ ok: false, message: expect.stringContaining("company.id") });
    expect(parseUser({ company: ["co"] })).toMatchObject({ ok: false, message: expect.stringContaining("company") });
  });

  it("refuses proofs that can never verify, naming the field", () => {
    expect(parseUser({ userHash: "ab".repeat(32) })).toEqual({
      ok: false,
      message: "userHash needs userId: it is the HMAC of the user id",
    });
    expect(parseUser({ userId: "u1", userHash: "not-hex" })).toEqual({
      ok: false,
      message: "userHash must be the hex HMAC-SHA256 of the user id (64 hex digits)",
    });
    expect(parseUser({ userJwt: "nope" })).toEqual({ ok: false, message: "userJwt must be a JWT (three base64url parts separated by dots)" });
    expect(parseUser({ userId: " " })).toEqual({ ok: false, message: "userId must not be empty" });
    expect(parseConfig({ convexUrl: "https://a.convex.cloud", workspaceId: "demo", user: { userHash: "AB".repeat(32) } })).toEqual({
      ok: false,
      message: "user.userHash needs user.userId: it is the HMAC of the user id",
    });
    expect(parseUser({ userId: "u1", userHash: "AB".repeat(32) }).ok).toBe(true);
    expect(parseUser({ userJwt: "eyJhbGciOiJIUzI1NiJ9.eyJ1c2VyX2lkIjoidTEifQ.c2ln" }).ok).toBe(true);
  });

  it("allows scalars only in attributes", () => {
    expect(parseAttributes({ a: 1, b: "x", c: false, d: null }).ok).toBe(true);
    expect(parseAttributes({ nested: { no: true } }).ok).toBe(false);
  });
});
