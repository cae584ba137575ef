import { describe, expect, it } from "vitest";
import { checkAppUrl, checkOriginPattern, isLoopbackHost, isOriginAllowed, parseOrigin } from "../../../../core/apps/origins";

describe("parseOrigin", () => {
  it("reads scheme, host and port, filling in the default port", () => {
    expect(parseOrigin("https://app.example.com")).toEqual({ scheme: "https", host: "app.example.com", port: 443 });
    expect(parseOrigin("http://127.0.0.1:5181")).toEqual({ scheme: "http", host: "127.0.0.1", port: 5181 });
    expect(parseOrigin("http://[::1]:80")).toEqual({ scheme: "http", host: "[::1]", port: 80 });
  });

  it("refuses what a message origin never is", () => {
    for (const origin of ["null", "", "https://app.example.com/", "https://a@app.example.com", "ftp://x.com", "https://x.com:0", "https://x.com:70000", "https://-x.com", "file://"]) {
      expect(parseOrigin(origin), origin).toBeNull();
    }
  });
});

describe("allowed origin patterns", () => {
  it("accepts exact origins and subdomain wildcards", () => {
    expect(checkOriginPattern("https://app.example.com")).toMatchObject({ ok: true, pattern: { anySubdomain: false, port: 443 } });
    expect(checkOriginPattern("https://*.example.com")).toMatchObject({ ok: true, pattern: { host: "example.com", anySubdomain: true } });
    expect(checkOriginPattern("http://*.localhost:5181")).toMatchObject({ ok: true, pattern: { port: 5181 } });
  });

  it("refuses bad shapes with a reason", () => {
    const reasonOf = (text: string) => {
      const check = checkOriginPattern(text);
      return check.ok ? null : check.reason;
    };
    expect(reasonOf("*")).toMatch(/must be an origin/);
    expect(reasonOf("https://app.example.com/path")).toMatch(/no path/);
    expect(reasonOf("https://*.com")).toMatch(/domain under the wildcard/);
    expect(reasonOf("https://app.*.com")).toMatch(/must be an origin/);
    expect(reasonOf("http://app.example.com")).toMatch(/plain http only for loopback/);
    expect(reasonOf("http://*.example.com")).toMatch(/plain http only for loopback/);
    expect(reasonOf("https://x.com:99999")).toMatch(/port/);
    expect(reasonOf(`https://${"a".repeat(300)}.com`)).toMatch(/at most 255/);
  });
});

describe("isOriginAllowed", () => {
  const list = ["https://*.example.com", "https://exact.test", "http://127.0.0.1:5181"];

  it("matches exact origins only exactly (scheme, host and port)", () => {
    expect(isOriginAllowed("https://exact.test", list)).toBe(true);
    expect(isOriginAllowed("https://exact.test:443", list)).toBe(true);
    expect(isOriginAllowed("http://exact.test", list)).toBe(false);
    expect(isOriginAllowed("https://exact.test:8443", list)).toBe(false);
    expect(isOriginAllowed("https://sub.exact.test", list)).toBe(false);
    expect(isOriginAllowed("http://127.0.0.1:5181", list)).toBe(true);
    expect(isOriginAllowed("http://127.0.0.1:5182", list)).toBe(false);
  });

  it("matches a wildcard on true subdomains only", () => {
    expect(isOriginAllowed("https://app.example.com", list)).toBe(true);
    expect(isOriginAllowed("https://a.b.example.com", list)).toBe(true);
    expect(isOriginAllowed("https://APP.Example.com", list)).toBe(true);
    for (const lookalike of ["https://example.com", "https://evil-example.com", "https://example.com.evil.net", "https://app.example.com.evil.net", "https://.example.com", "http://app.example.com", "null"]) {
      expect(isOriginAllowed(lookalike, list), lookalike).toBe(false);
    }
  });

  it("treats a malformed stored pattern as matching nothing", () => {
    expect(isOriginAllowed("https://x.test", ["*", "https://x.test/"])).toBe(false);
  });
});

describe("loopback", () => {
  it("knows localhost names, 127/8 and ::1", () => {
    for (const host of ["localhost", "apps.localhost", "a.b.localhost", "127.0.0.1", "127.10.20.30", "[::1]"]) expect(isLoopbackHost(host), host).toBe(true);
    for (const host of ["localhost.evil.com", "128.0.0.1", "127.0.0.256", "mylocalhost", "10.0.0.1"]) expect(isLoopbackHost(host), host).toBe(false);
  });
});

describe("checkAppUrl", () => {
  it("gives the URL's origin", () => {
    expect(checkAppUrl("https://App.Example.com/panel?x=1#y")).toEqual({ ok: true, origin: "https://app.example.com" });
    expect(checkAppUrl("HTTP://sla.localhost:5181/")).toEqual({ ok: true, origin: "http://sla.localhost:5181" });
    expect(checkAppUrl("https://app.example.com:443")).toEqual({ ok: true, origin: "https://app.example.com" });
  });

  it("refuses credentials, other schemes, plain http off loopback, spaces and long URLs", () => {
    for (const url of ["https://user:pw@app.example.com/", "javascript:alert(1)", "data:text/html,hi", "//app.example.com", "http://app.example.com/", "https://app.example.com/a b", `https://a.com/${"x".repeat(2100)}`]) {
      expect(checkAppUrl(url).ok, url).toBe(false);
    }
  });
});
