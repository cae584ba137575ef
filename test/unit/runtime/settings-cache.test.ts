import { describe, expect, it } from "vitest";
import { CACHE_MAX_AGE_MS, createSettingsCache } from "../../../src/runtime/settings-cache";
import { memoryStore, storageKeys } from "../../../src/runtime/storage";

const SCOPE = { workspaceId: "demo", convexUrl: "https://happy-otter-123.convex.cloud" };
const KEY = storageKeys.settings("demo");
const BOOT = { workspaceName: "Acme", primaryColor: "#16a34a", launcherPosition: "left", greeting: "Hello" };
const CONFIGURATION = {
  theme: { primaryColor: "#1a73e8", secondaryColor: "#ffffff", fontFamily: "Inter, sans-serif", borderRadius: "12px", widgetSize: "large" },
  layout: { position: "bottom-right", zIndex: 9999, mobileResponsive: true },
  eventListeners: [],
} as const;

function saved(now = 1_000_000) {
  const storage = memoryStore();
  const cache = createSettingsCache(storage, SCOPE, () => now);
  cache.saveSettings(BOOT);
  return { storage, cache, entry: () => JSON.parse(storage.get(KEY)!) as Record<string, unknown> };
}

/** Rewrites the stored entry as an attacker or a broken extension might. */
function tamper(storage: ReturnType<typeof memoryStore>, change: (entry: Record<string, unknown>) => unknown): void {
  storage.set(KEY, JSON.stringify(change(JSON.parse(storage.get(KEY)!) as Record<string, unknown>)));
}

describe("settings cache", () => {
  it("gives back boot's look on the next page load", () => {
    const { storage } = saved();
    const settings = createSettingsCache(storage, SCOPE, () => 1_000_500).read();
    expect(settings).toMatchObject({ name: "Acme", primaryColor: "#16a34a", launcherPosition: "left", greeting: "Hello", configuration: null });
  });

  it("paints with the live configuration's colour and side, kept across a later boot", () => {
    const { storage, cache } = saved();
    cache.saveConfiguration({ id: "cfg1", cacheGeneration: 2, configuration: structuredClone(CONFIGURATION) as never });
    cache.saveSettings(BOOT); // the next boot rewrites the settings, not the configuration
    const settings = cache.read();
    expect(settings?.primaryColor).toBe("#1a73e8");
    expect(settings?.launcherPosition).toBe("right");
    expect(settings?.configuration?.theme.widgetSize).toBe("large");
  });

  it("has nothing for a first visit, and nothing once cleared", () => {
    const storage = memoryStore();
    expect(createSettingsCache(storage, SCOPE).read()).toBeNull();
    const { cache } = saved(Date.now());
    cache.clear();
    expect(cache.read()).toBeNull();
  });

  it("ignores an entry written for another deployment or workspace key", () => {
    const { storage } = saved();
    expect(createSettingsCache(storage, { ...SCOPE, convexUrl: "https://other-deployment.convex.cloud" }, () => 1_000_000).read()).toBeNull();
    tamper(storage, (entry) => ({ ...entry, scope: "other https://happy-otter-123.convex.cloud" }));
    expect(createSettingsCache(storage, SCOPE, () => 1_000_000).read()).toBeNull();
  });

  it("ignores an entry too old to trust, or dated in the future", () => {
    const { storage } = saved(1_000_000);
    expect(createSettingsCache(storage, SCOPE, () => 1_000_000 + CACHE_MAX_AGE_MS).read()).not.toBeNull();
    expect(createSettingsCache(storage, SCOPE, () => 1_000_001 + CACHE_MAX_AGE_MS).read()).toBeNull();
    expect(createSettingsCache(storage, SCOPE, () => 999_999).read()).toBeNull();
  });

  it("ignores a corrupt or hostile entry as a whole, rather than painting a default colour", () => {
    const corruptions: Array<(entry: Record<string, unknown>) => unknown> = [
      () => "not an object",
      () => [1, 2, 3],
      (entry) => ({ ...entry, version: 99 }),
      (entry) => ({ ...entry, savedAt: "yesterday" }),
      (entry) => ({ ...entry, settings: ["#000000"] }),
      (entry) => ({ ...entry, settings: { ...BOOT, primaryColor: "red;}:host{display:none" } }),
      (entry) => ({ ...entry, settings: { ...BOOT, primaryColor: 12 } }),
      (entry) => ({ ...entry, settings: { ...BOOT, launcherPosition: "top" } }),
      (entry) => ({ ...entry, live: { id: "cfg1", cacheGeneration: 1, configuration: { ...CONFIGURATION, theme: { ...CONFIGURATION.theme, fontFamily: "x;}body{display:none" } } } }),
      (entry) => ({ ...entry, live: { id: 5, cacheGeneration: 1, configuration: CONFIGURATION } }),
    ];
    for (const corrupt of corruptions) {
      const { storage } = saved();
      tamper(storage, corrupt);
      expect(createSettingsCache(storage, SCOPE, () => 1_000_000).read(), JSON.stringify(corrupt({ ...BOOT }))).toBeNull();
    }
    const { storage } = saved();
    storage.set(KEY, "{not json");
    expect(createSettingsCache(storage, SCOPE, () => 1_000_000).read()).toBeNull();
  });

  it("stores nothing but an object from boot", () => {
    const storage = memoryStore();
    const cache = createSettingsCache(storage, SCOPE);
    cache.saveSettings("nope");
    cache.saveSettings(null);
    expect(storage.get(KEY)).toBeNull();
  });
});
