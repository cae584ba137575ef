import { describe, expect, it } from "vitest";
import { checkAppName, checkScreens, checkUrlAndOrigins } from "../../../../core/apps/registration";

describe("app registration rules", () => {
  it("needs the URL's origin among the allowed origins", () => {
    expect(checkUrlAndOrigins("https://sla.example.com/app", ["https://*.example.com"])).toEqual({});
    expect(checkUrlAndOrigins("http://127.0.0.1:5181/", ["http://127.0.0.1:5181"])).toEqual({});
    expect(checkUrlAndOrigins("https://sla.example.com/app", ["https://other.example.net"])).toEqual({ url: "its origin https://sla.example.com must be one of allowedOrigins" });
    expect(checkUrlAndOrigins("https://example.com/", ["https://*.example.com"])).toMatchObject({ url: expect.stringContaining("must be one of") });
  });

  it("names each bad origin by index, and the URL problem", () => {
    expect(checkUrlAndOrigins("http://app.example.com/", ["https://ok.test", "http://app.example.com"])).toEqual({
      "allowedOrigins.1": '"http://app.example.com" may use plain http only for loopback hosts; use https',
      url: "may use plain http only for loopback hosts; use https",
    });
    expect(checkUrlAndOrigins("https://a.test/", [])).toEqual({ allowedOrigins: "must list at least one origin" });
    expect(Object.keys(checkUrlAndOrigins("https://a.test/", Array.from({ length: 21 }, () => "https://a.test")))).toEqual(["allowedOrigins"]);
  });

  it("checks names and screens", () => {
    expect(checkAppName("SLA guardian")).toBeNull();
    expect(checkAppName("  ")).toBe("must not be empty");
    expect(checkAppName("x".repeat(81))).toMatch(/at most 80/);
    expect(checkAppName("a\u0000b")).toMatch(/control/);
    expect(checkScreens([])).toMatch(/at least one/);
    expect(checkScreens(["CHATS", "CHATS"])).toMatch(/repeat/);
    expect(checkScreens(["CHATS", "TICKETS"])).toBeNull();
  });
});
