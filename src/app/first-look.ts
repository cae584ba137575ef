import type { ResolvedConfig } from "../sdk/config";
import { DEFAULT_SETTINGS, type WidgetSettings } from "../runtime/settings";
import type { SettingsCache } from "../runtime/settings-cache";

/**
 * What the launcher paints with before the server has answered, so it never waits for the
 * socket: the look from the last visit (a returning visitor sees the right colour and corner
 * from the first frame), else the tag's `primaryColor` / `launcherPosition` hints, else the
 * defaults. Boot's settings and the live configuration replace it as soon as they arrive.
 */
export function firstLook(cache: SettingsCache, config: Pick<ResolvedConfig, "primaryColor" | "launcherPosition">): WidgetSettings {
  const cached = cache.read();
  if (cached !== null) return cached;
  return {
    ...DEFAULT_SETTINGS,
    ...(config.primaryColor !== undefined ? { primaryColor: config.primaryColor } : {}),
    ...(config.launcherPosition !== undefined ? { launcherPosition: config.launcherPosition } : {}),
  };
}
