/** What boot tells the backend about the visitor's device. Coarse on purpose: no versions. */
export interface DeviceInfo {
  browser: string;
  os: string;
  deviceType: "desktop" | "mobile" | "tablet";
}

// Order matters: Edge, Opera and Samsung Internet also say "Chrome", Chrome also says "Safari".
const BROWSERS: ReadonlyArray<[string, RegExp]> = [
  ["Edge", /\bEdg(?:e|A|iOS)?\//],
  ["Opera", /\b(?:OPR|OPT|Opera)\//],
  ["Samsung Internet", /\bSamsungBrowser\//],
  ["Firefox", /\b(?:Firefox|FxiOS)\//],
  ["Chrome", /\b(?:Chrome|CriOS|Chromium)\//],
  ["Safari", /\bVersion\/[\d.]+.*\bSafari\//],
];

/**
 * Browser, OS and device type from a user agent string. `maxTouchPoints` tells iPads apart
 * from Macs: since iPadOS 13, Safari on an iPad sends a desktop Mac user agent.
 */
export function detectDevice(userAgent: string, maxTouchPoints = 0): DeviceInfo {
  const browser = BROWSERS.find(([, pattern]) => pattern.test(userAgent))?.[0] ?? "Unknown";
  const isIpad = /\biPad\b/.test(userAgent) || (/\bMacintosh\b/.test(userAgent) && maxTouchPoints > 1);
  const os = detectOs(userAgent, isIpad);
  let deviceType: DeviceInfo["deviceType"] = "desktop";
  if (isIpad || /\bTablet\b/i.test(userAgent) || (os === "Android" && !/\bMobile\b/.test(userAgent))) {
    deviceType = "tablet";
  } else if (/\b(?:Mobi|iPhone|iPod)\b|\bMobile\b/.test(userAgent)) {
    deviceType = "mobile";
  }
  return { browser, os, deviceType };
}

function detectOs(userAgent: string, isIpad: boolean): string {
  if (isIpad) return "iPadOS";
  if (/\b(?:iPhone|iPod)\b/.test(userAgent)) return "iOS";
  if (/\bAndroid\b/.test(userAgent)) return "Android";
  if (/\bWindows\b/.test(userAgent)) return "Windows";
  if (/\bCrOS\b/.test(userAgent)) return "ChromeOS";
  if (/\bMac OS X\b|\bMacintosh\b/.test(userAgent)) return "macOS";
  if (/\bLinux\b/.test(userAgent)) return "Linux";
  return "Unknown";
}

/** The browser's language and time zone, for the operators beside a conversation; nothing when the browser will not say. */
export function browserLocale(win: Pick<Window, "navigator">): { locale?: string; timeZone?: string } {
  const found: { locale?: string; timeZone?: string } = {};
  if (typeof win.navigator.language === "string" && win.navigator.language !== "") found.locale = win.navigator.language.slice(0, 35);
  try {
    const zone = timeZoneId();
    if (typeof zone === "string" && zone !== "") found.timeZone = zone.slice(0, 64);
  } catch {
    // An engine without time zone data: leave it out.
  }
  return found;
}

type WithTemporal = { Temporal?: { Now?: { timeZoneId?: () => unknown } } };

/**
 * The IANA time zone. Temporal answers without loading any locale data; the first
 * Intl.DateTimeFormat of a page loads the default locale's date formats, measured at 20–185 ms
 * at 4x CPU in the task that paints the launcher (most of boot's one long task), so it is only
 * the fallback for browsers without Temporal.
 */
function timeZoneId(): unknown {
  const temporal = (globalThis as WithTemporal).Temporal;
  if (typeof temporal?.Now?.timeZoneId === "function") return temporal.Now.timeZoneId();
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}
