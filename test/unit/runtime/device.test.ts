import { describe, expect, it } from "vitest";
import { browserLocale, detectDevice } from "../../../src/runtime/device";

const UA = {
  chromeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  edgeWindows:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36 Edg/126.0.2592.87",
  safariMac:
    "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15",
  firefoxLinux: "Mozilla/5.0 (X11; Linux x86_64; rv:127.0) Gecko/20100101 Firefox/127.0",
  iphoneSafari:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1",
  iphoneChrome:
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/126.0.6478.54 Mobile/15E148 Safari/604.1",
  androidPhone:
    "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36",
  androidTablet:
    "Mozilla/5.0 (Linux; Android 13; SM-X710) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
  samsung:
    "Mozilla/5.0 (Linux; Android 14; SM-S911B) AppleWebKit/537.36 (KHTML, like Gecko) SamsungBrowser/25.0 Chrome/121.0.0.0 Mobile Safari/537.36",
  opera:
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/125.0.0.0 Safari/537.36 OPR/111.0.0.0",
  ipadOld:
    "Mozilla/5.0 (iPad; CPU OS 12_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/12.1 Mobile/15E148 Safari/604.1",
  chromebook:
    "Mozilla/5.0 (X11; CrOS x86_64 14541.0.0) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Safari/537.36",
};

describe("detectDevice", () => {
  it.each([
    [UA.chromeWindows, 0, { browser: "Chrome", os: "Windows", deviceType: "desktop" }],
    [UA.edgeWindows, 0, { browser: "Edge", os: "Windows", deviceType: "desktop" }],
    [UA.safariMac, 0, { browser: "Safari", os: "macOS", deviceType: "desktop" }],
    [UA.firefoxLinux, 0, { browser: "Firefox", os: "Linux", deviceType: "desktop" }],
    [UA.iphoneSafari, 5, { browser: "Safari", os: "iOS", deviceType: "mobile" }],
    [UA.iphoneChrome, 5, { browser: "Chrome", os: "iOS", deviceType: "mobile" }],
    [UA.androidPhone, 5, { browser: "Chrome", os: "Android", deviceType: "mobile" }],
    [UA.androidTablet, 5, { browser: "Chrome", os: "Android", deviceType: "tablet" }],
    [UA.samsung, 5, { browser: "Samsung Internet", os: "Android", deviceType: "mobile" }],
    [UA.opera, 0, { browser: "Opera", os: "Windows", deviceType: "desktop" }],
    [UA.ipadOld, 5, { browser: "Safari", os: "iPadOS", deviceType: "tablet" }],
    [UA.chromebook, 0, { browser: "Chrome", os: "ChromeOS", deviceType: "desktop" }],
  ])("%s", (ua, touchPoints, expected) => {
    expect(detectDevice(ua, touchPoints)).toEqual(expected);
  });

  it("tells a modern iPad (desktop-class Safari UA) from a Mac by touch points", () => {
    expect(detectDevice(UA.safariMac, 5)).toEqual({ browser: "Safari", os: "iPadOS", deviceType: "tablet" });
  });

  it("says Unknown for what it does not recognise", () => {
    expect(detectDevice("curl/8.0")).toEqual({ browser: "Unknown", os: "Unknown", deviceType: "desktop" });
  });
});

describe("browserLocale", () => {
  it("reports the browser's language and time zone, and leaves out what it does not know", () => {
    const found = browserLocale({ navigator: { language: "pt-BR" } as Navigator });
    expect(found.locale).toBe("pt-BR");
    expect(found.timeZone).toBe(Intl.DateTimeFormat().resolvedOptions().timeZone);
    expect(browserLocale({ navigator: { language: "" } as Navigator })).not.toHaveProperty("locale");
  });
});
