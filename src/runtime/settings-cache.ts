import * as v from "valibot";
import { readConfiguration } from "./configuration";
import { withConfiguration, type LiveConfiguration } from "./live-configuration";
import { parseSettings, type WidgetSettings } from "./settings";
import { readJson, storageKeys, type KeyValueStore } from "./storage";

/*
 * The workspace's look from the last visit, so a returning visitor's launcher paints at once
 * in the right colour and corner, before the socket opens (stale-while-revalidate: boot and
 * the live configuration query replace it moments later, and rewrite it for next time).
 *
 * localStorage is already per page origin; the entry also names the workspace and the
 * deployment it came from, so a page that moves to another deployment (or a key written by
 * anything else) is never painted from. The entry is read as untrusted: anything that does
 * not match the schema below, or whose colour or side is not one the launcher could have
 * been given, is ignored as a whole and the widget starts as on a first visit.
 */

/** Bumped when the stored shape changes: older entries are then ignored, not misread. */
const CACHE_VERSION = 1;
/** Past this, the look is too old to trust for a first paint. */
export const CACHE_MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

const plainObject = v.custom<Record<string, unknown>>(
  (value) => typeof value === "object" && value !== null && !Array.isArray(value),
  "must be an object",
);

const entrySchema = v.object({
  version: v.picklist([CACHE_VERSION]),
  /** `${workspaceId} ${deployment origin}`. */
  scope: v.pipe(v.string(), v.maxLength(500)),
  savedAt: v.number(),
  /** Boot's settings as the server sent them (parsed again on read, like a boot answer). */
  settings: plainObject,
  /** The live configuration applied last, and its cache generation (a purge on the server bumps it). */
  live: v.optional(v.object({ id: v.union([v.string(), v.null()]), cacheGeneration: v.number(), configuration: plainObject })),
});

type CacheEntry = v.InferOutput<typeof entrySchema>;

export interface CacheScope {
  workspaceId: string;
  convexUrl: string;
}

export interface SettingsCache {
  /** The cached look, or null when there is none this widget may paint from. */
  read(): WidgetSettings | null;
  /** Boot's settings (raw, as the server sent them). */
  saveSettings(raw: unknown): void;
  /** The live configuration applied now (it replaces the stored one, whatever its generation). */
  saveConfiguration(live: LiveConfiguration): void;
  clear(): void;
}

function scopeOf({ workspaceId, convexUrl }: CacheScope): string {
  let origin = convexUrl;
  try {
    origin = new URL(convexUrl).origin;
  } catch {
    // Config validation already refused a bad URL; keep the text as the scope regardless.
  }
  return `${workspaceId} ${origin}`;
}

export function createSettingsCache(storage: KeyValueStore, scope: CacheScope, now: () => number = Date.now): SettingsCache {
  const key = storageKeys.settings(scope.workspaceId);
  const ownScope = scopeOf(scope);

  function readEntry(): CacheEntry | null {
    const parsed = v.safeParse(entrySchema, readJson(storage, key));
    if (!parsed.success || parsed.output.scope !== ownScope) return null;
    const age = now() - parsed.output.savedAt;
    return age >= 0 && age <= CACHE_MAX_AGE_MS ? parsed.output : null;
  }

  function write(entry: Omit<CacheEntry, "version" | "scope" | "savedAt">): void {
    storage.set(key, JSON.stringify({ version: CACHE_VERSION, scope: ownScope, savedAt: now(), ...entry }));
  }

  return {
    read() {
      const entry = readEntry();
      if (entry === null || !paintable(entry.settings)) return null;
      const settings = parseSettings(entry.settings);
      if (entry.live === undefined) return settings;
      const configuration = readConfiguration(entry.live.configuration);
      // A stored configuration that no longer reads means the entry was tampered with.
      return configuration === null ? null : withConfiguration(settings, configuration);
    },
    saveSettings(raw) {
      if (typeof raw !== "object" || raw === null || Array.isArray(raw)) return;
      const live = readEntry()?.live;
      write({ settings: raw as Record<string, unknown>, ...(live ? { live } : {}) });
    },
    saveConfiguration(live) {
      const entry = readEntry();
      write({ settings: entry?.settings ?? {}, live: { id: live.id, cacheGeneration: live.cacheGeneration, configuration: { ...live.configuration } } });
    },
    clear: () => storage.remove(key),
  };
}

/**
 * The two fields the launcher paints with must hold values the server could have sent: a
 * corrupt colour or side is not quietly replaced by a default (that would be the flash of a
 * wrong colour this cache exists to prevent); the whole entry is ignored instead.
 */
function paintable(settings: Record<string, unknown>): boolean {
  const { primaryColor, launcherPosition } = settings;
  if (primaryColor !== undefined && !(typeof primaryColor === "string" && /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(primaryColor))) return false;
  return launcherPosition === undefined || launcherPosition === "left" || launcherPosition === "right";
}
