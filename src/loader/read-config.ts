/** `data-opencom-*` attribute → config key. Order matters: the legacy alias comes last. */
const ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ["convex-url", "convexUrl"],
  ["workspace-id", "workspaceId"],
  ["track-page-views", "trackPageViews"],
  ["onboarding-verification-token", "onboardingVerificationToken"],
  ["client-identifier", "clientIdentifier"],
  ["configuration-id", "configurationId"],
  ["primary-color", "primaryColor"],
  ["launcher-position", "launcherPosition"],
  // Legacy name of the onboarding verification token; used only when the new one is absent.
  ["verification-token", "onboardingVerificationToken"],
];

/** "false", "0", "no" and "off" turn a flag off; anything else (even "") leaves it on. */
export function parseFlag(value: string): boolean {
  return !/^(?:false|0|no|off)$/i.test(value.trim());
}

/**
 * The widget config from the script tag's attributes and `window.opencomSettings`.
 * Settings win over attributes, key by key; undefined settings values are ignored.
 */
export function readConfig(script: Element | null, settings: unknown): Record<string, unknown> {
  const config: Record<string, unknown> = {};
  for (const [attribute, key] of ATTRIBUTES) {
    const value = script?.getAttribute(`data-opencom-${attribute}`);
    if (value == null || key in config) continue;
    config[key] = key === "trackPageViews" ? parseFlag(value) : value.trim();
  }
  if (typeof settings === "object" && settings !== null && !Array.isArray(settings)) {
    for (const [key, value] of Object.entries(settings)) {
      if (value === undefined) continue;
      config[key] = key === "trackPageViews" && typeof value === "string" ? parseFlag(value) : value;
    }
  }
  return config;
}
