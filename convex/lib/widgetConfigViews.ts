import type { Doc } from "../_generated/dataModel";
import type { EffectiveConfiguration } from "../../core/theme/configuration";

/*
 * A widget configuration as the REST API shows it, its strong ETag, the
 * `If-Match` rules of RFC 9110 (§13.1.1) and the version bump.
 */

export type ConfigurationView = {
  id: string;
  name: string;
  baseConfigurationId: string | null;
  theme: Doc<"widgetConfigurations">["theme"];
  layout: Doc<"widgetConfigurations">["layout"];
  eventListeners: NonNullable<Doc<"widgetConfigurations">["eventListeners"]> | null;
  metadata: { lastModifiedBy: string; version: string };
  isDefault: boolean;
  callbackUrl: string | null;
  /** The base chain merged with this configuration's overrides: what a widget applies. */
  effective: EffectiveConfiguration;
  createdAt: number;
  updatedAt: number;
};

export function configurationView(doc: Doc<"widgetConfigurations">, effective: EffectiveConfiguration): ConfigurationView {
  return {
    id: doc._id,
    name: doc.name,
    baseConfigurationId: doc.baseConfigurationId ?? null,
    theme: doc.theme,
    layout: doc.layout,
    eventListeners: doc.eventListeners ?? null,
    metadata: { lastModifiedBy: doc.lastModifiedBy, version: doc.version },
    isDefault: doc.isDefault,
    callbackUrl: doc.callbackUrl ?? null,
    effective,
    createdAt: Math.floor(doc._creationTime),
    updatedAt: doc.updatedAt,
  };
}

/**
 * A strong ETag: a 64-bit FNV-1a hash of the exact representation, so it
 * changes whenever the answer would (a change to a base changes `effective`,
 * hence the ETag of every configuration built on it).
 */
export function etagOf(view: ConfigurationView): string {
  const text = JSON.stringify(view);
  let hash = 0xcbf29ce484222325n;
  for (let index = 0; index < text.length; index++) {
    hash ^= BigInt(text.charCodeAt(index));
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return `"${hash.toString(16).padStart(16, "0")}"`;
}

export type IfMatch = { kind: "any" } | { kind: "tags"; tags: string[] };

/** `*`, or a list of entity tags (weak ones kept with their `W/`, so they never match strongly). */
export function parseIfMatch(header: string | null): IfMatch | null {
  if (header === null || header.trim() === "") return null;
  if (header.trim() === "*") return { kind: "any" };
  const tags = header.match(/(?:W\/)?"[^"]*"/g) ?? [];
  return { kind: "tags", tags };
}

/** RFC 9110 §13.1.1: `*` matches any current representation; a list matches by strong comparison. */
export function ifMatchHolds(condition: IfMatch, currentEtag: string | null): boolean {
  if (currentEtag === null) return false;
  if (condition.kind === "any") return true;
  return condition.tags.some((tag) => !tag.startsWith("W/") && tag === currentEtag);
}

/** `1.0.3` → `1.0.4`; anything unreadable restarts at `1.0.0`'s successor. */
export function bumpPatch(version: string): string {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (match === null) return "1.0.1";
  return `${match[1]}.${match[2]}.${Number(match[3]) + 1}`;
}
