import type { EffectiveConfiguration } from "../../core/theme/configuration";
import { readConfiguration } from "./configuration";
import { backend } from "./functions";
import type { Gateway } from "./gateway";
import type { WidgetSettings } from "./settings";

/*
 * The widget configuration as a live query: a PATCH on the server re-themes an
 * open widget within a second, without a reload. The applied configuration is
 * also kept in the settings cache (settings-cache.ts), so the next page load
 * paints with it.
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
