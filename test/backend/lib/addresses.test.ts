import { describe, expect, test } from "vitest";
import { checkTargetUrl, classifyIpLiteral, parseIPv4, resolvedAddressRefusal, parseIPv6 } from "../../../convex/lib/addresses";

describe("IP literals", () => {
  test.each([
    ["127.0.0.1", "loopback"],
    ["127.255.10.3", "loopback"],
    ["0x7f.1", "loopback"],
    ["0177.0.0.1", "loopback"],
    ["2130706433", "loopback"],
    ["0x7f000001", "loopback"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.255", "private"],
    ["172.32.0.1", "public"],
    ["172.15.255.255", "public"],
    ["192.168.1.1", "private"],
    ["192.169.0.1", "public"],
    ["169.254.169.254", "link-local"],
    ["100.64.0.1", "private"],
    ["0.0.0.0", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "reserved"],
    ["8.8.8.8", "public"],
    ["93.184.216.34", "public"],
  ])("IPv4 %s is %s", (address, category) => {
    expect(classifyIpLiteral(address)).toBe(category);
  });

  test.each([
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["0:0:0:0:0:0:0:1", "loopback"],
    ["::", "unspecified"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:169.254.169.254]", "link-local"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:8.8.8.8", "public"],
    ["64:ff9b::192.168.0.1", "private"],
    ["2002:7f00:1::", "loopback"],
    ["fc00::1", "private"],
    ["fd12:3456::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["febf:ffff::1", "link-local"],
    ["fec0::1", "private"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2606:4700:4700::1111", "public"],
  ])("IPv6 %s is %s", (address, category) => {
    expect(classifyIpLiteral(address)).toBe(category);
  });

  test("names and malformed text are not literals", () => {
    for (const text of ["example.com", "1e100.net", "256.1.1.1.1", "1.2.3.256", "::1::2", "12345:abcd::", "deadbeef"]) {
      expect(classifyIpLiteral(text), text).toBeNull();
    }
  });

  test("parsers give the bytes and groups", () => {
    expect(parseIPv4("0x7f.1")).toEqual([127, 0, 0, 1]);
    expect(parseIPv4("10.1")).toEqual([10, 0, 0, 1]);
    expect(parseIPv4("192.168.257")).toEqual([192, 168, 1, 1]);
    expect(parseIPv4("4294967296")).toBeNull();
    expect(parseIPv6("::ffff:1.2.3.4")).toEqual([0, 0, 0, 0, 0, 0xffff, 0x0102, 0x0304]);
    expect(parseIPv6("1:2:3:4:5:6:7:8:9")).toBeNull();
  });
});

describe("target URLs", () => {
  test.each([
    "http://127.0.0.1:8080/hook",
    "http://0x7f.1/",
    "http://2130706433/",
    "http://[::1]:3000/",
    "http://[::ffff:127.0.0.1]/",
    "http://169.254.169.254/latest/meta-data",
    "https://10.0.0.5/",
    "https://172.16.4.4/",
    "https://192.168.0.10/",
    "http://[fd00::1]/",
    "http://[fe80::1]/",
    "http://localhost:3000/",
    "http://api.localhost/",
  ])("%s is refused outside development and allowed in it", (url) => {
    const refused = checkTargetUrl(url, false);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toMatch(/must not point at a (loopback|private|link-local) address/);
    expect(checkTargetUrl(url, true).ok).toBe(true);
  });

  test("only absolute http(s) URLs without credentials", () => {
    expect(checkTargetUrl("ftp://example.com/", true)).toEqual({ ok: false, reason: "must use http or https" });
    expect(checkTargetUrl("/relative", true)).toEqual({ ok: false, reason: "must be an absolute http(s) URL" });
    expect(checkTargetUrl("https://user:pw@example.com/", true)).toMatchObject({ ok: false, reason: expect.stringContaining("credentials") });
  });

  test("a public literal passes; a name is left for resolution", () => {
    expect(checkTargetUrl("https://8.8.8.8/", false)).toMatchObject({ ok: true, host: { kind: "ip", category: "public" } });
    expect(checkTargetUrl("https://Hooks.Example.com./x", false)).toMatchObject({ ok: true, host: { kind: "name", name: "hooks.example.com" } });
  });

  test("a name is refused when any address it resolves to is private", () => {
    const answers = (...addresses: string[]) => addresses.map((address) => ({ address }));
    expect(resolvedAddressRefusal("hooks.example.com", answers("93.184.216.34"), false)).toBeNull();
    expect(resolvedAddressRefusal("rebind.example.com", answers("93.184.216.34", "127.0.0.1"), false)).toMatch(
      /loopback address \(rebind\.example\.com resolves to 127\.0\.0\.1\)/,
    );
    expect(resolvedAddressRefusal("meta.example.com", answers("::ffff:169.254.169.254"), false)).toMatch(/link-local/);
    expect(resolvedAddressRefusal("hooks.example.com", answers("127.0.0.1"), true)).toBeNull();
  });
});
