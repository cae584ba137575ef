import type { EffectiveConfiguration } from "../../core/theme/configuration";
import { readConfiguration } from "./configuration";
import { backend } from "./functions";
import type { Gateway } from "./gateway";
import type { WidgetSettings } from "./settings";
import { readJson, type KeyValueStore } from "./storage";

/*
 * The widget configuration as a live query: a PATCH on the server re-themes an
 * open widget within a second, without a reload. The applied configuration is
 * also kept with the stored settings, so the next page load starts with it;
 * a cache purge on the server (a new generation) drops that stored copy first.
 */

export type LiveConfiguration = { id: string | null; cacheGeneration: number; configuration: EffectiveConfiguration };

function readLive(value: unknown): LiveConfiguration | null {
  if (typeof value !== "object" || value === null) return null;
  const { id, cacheGeneration, configuration } = value as Record<string, unknown>;
  const effective = readConfiguration(configuration);
  if ((id !== null && typeof id !== "string") || typeof cacheGeneration !== "number" || effective === null) return null;
  return { id, cacheGeneration, configuration: effective };
}

/** The settings with a configuration applied: the colour and side the rest of the widget reads follow it. */
export function withConfiguration(settings: WidgetSettings, configuration: EffectiveConfiguration): WidgetSettings {
  return {
    ...settings,
    configuration,
    primaryColor: configuration.theme.primaryColor, // hex: see readConfiguration
    launcherPosition: configuration.layout.position === "bottom-left" ? "left" : "right",
  };
}

/** Rewrites the stored settings with the live configuration; a new cache generation drops the old copy first. */
export function storeConfiguration(storage: KeyValueStore, key: string, live: LiveConfiguration): void {
  const stored = readJson(storage, key);
  const base = typeof stored === "object" && stored !== null ? (stored as Record<string, unknown>) : {};
  if (base["configurationGeneration"] !== live.cacheGeneration) storage.remove(key);
  storage.set(key, JSON.stringify({ ...base, configuration: live.configuration, configurationGeneration: live.cacheGeneration }));
}

export function watchConfiguration(
  gateway: Gateway,
  configurationId: string | undefined,
  onConfiguration: (live: LiveConfiguration) => void,
): () => void {
  return gateway.watch(backend.widgetConfig.live, configurationId === undefined ? {} : { configurationId }, (value) => {
    const live = readLive(value);
    // A configuration the widget cannot read changes nothing on screen.
    if (live !== null) onConfiguration(live);
  });
}
