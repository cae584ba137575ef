import type { Doc, Id } from "../_generated/dataModel";
import type { DatabaseReader, DatabaseWriter } from "../_generated/server";
import { DEFAULT_LAYOUT, DEFAULT_THEME, forWidget, mergeConfigurations, type EffectiveConfiguration, type WidgetPosition } from "../../core/theme/configuration";
import { configurationView, etagOf, type ConfigurationView } from "../lib/widgetConfigViews";

/*
 * Reading configurations through their base chain. The workspace's default
 * configuration is the one source of the widget's theme and layout; a
 * workspace made before configurations existed gets one from its messenger
 * settings' colour and side the first time it is needed.
 */

/** Longer chains are refused when saving; this only stops a loop written some other way. */
const MAX_CHAIN = 10;

/** The configuration and its bases, root first. Throws on a cycle (never stored: writes check). */
export async function chainOf(db: DatabaseReader, doc: Doc<"widgetConfigurations">): Promise<Doc<"widgetConfigurations">[]> {
  const chain = [doc];
  const seen = new Set<string>([doc._id]);
  let current = doc;
  while (current.baseConfigurationId !== undefined) {
    const base = await db.get("widgetConfigurations", current.baseConfigurationId);
    if (base === null) break; // a deleted base: deletion is refused while children exist, so only a race lands here
    if (seen.has(base._id) || chain.length >= MAX_CHAIN) throw new Error(`configuration ${doc._id}: base chain loops`);
    seen.add(base._id);
    chain.unshift(base);
    current = base;
  }
  return chain;
}

/** Whether making `baseId` the base of `id` would close a loop (or exceed the chain limit). */
export async function wouldCycle(db: DatabaseReader, id: Id<"widgetConfigurations"> | null, baseId: Id<"widgetConfigurations">): Promise<boolean> {
  let current: Id<"widgetConfigurations"> | undefined = baseId;
  for (let depth = 0; current !== undefined; depth++) {
    if (current === id || depth >= MAX_CHAIN - 1) return true;
    const doc: Doc<"widgetConfigurations"> | null = await db.get("widgetConfigurations", current);
    current = doc?.baseConfigurationId;
  }
  return false;
}

export async function effectiveOf(db: DatabaseReader, doc: Doc<"widgetConfigurations">): Promise<EffectiveConfiguration> {
  const chain = await chainOf(db, doc);
  return mergeConfigurations(
    chain.map((item) => ({
      theme: item.theme,
      layout: item.layout,
      ...(item.eventListeners !== undefined ? { eventListeners: item.eventListeners } : {}),
    })),
  );
}

export async function viewOf(db: DatabaseReader, doc: Doc<"widgetConfigurations">): Promise<{ view: ConfigurationView; etag: string }> {
  const view = configurationView(doc, await effectiveOf(db, doc));
  return { view, etag: etagOf(view) };
}

/** A configuration of the workspace, or null (another workspace's id reads as missing). */
export async function findConfiguration(
  db: DatabaseReader,
  workspaceId: Id<"workspaces">,
  id: string,
): Promise<Doc<"widgetConfigurations"> | null> {
  const normalized = db.normalizeId("widgetConfigurations", id);
  if (normalized === null) return null;
  const doc = await db.get("widgetConfigurations", normalized);
  return doc !== null && doc.workspaceId === workspaceId ? doc : null;
}

export async function findDefault(db: DatabaseReader, workspaceId: Id<"workspaces">): Promise<Doc<"widgetConfigurations"> | null> {
  return await db
    .query("widgetConfigurations")
    .withIndex("by_workspace_default", (q) => q.eq("workspaceId", workspaceId).eq("isDefault", true))
    .first();
}

const positionOf = (side: "left" | "right"): WidgetPosition => (side === "left" ? "bottom-left" : "bottom-right");

/** What a workspace without a stored default configuration shows: its messenger colour and side on the defaults. */
export function legacyDefault(workspace: Doc<"workspaces">): EffectiveConfiguration {
  return mergeConfigurations([
    { theme: { primaryColor: workspace.messenger.primaryColor }, layout: { position: positionOf(workspace.messenger.launcherPosition) } },
  ]);
}

/** The workspace's default configuration, created from its messenger settings when it has none yet. */
export async function ensureDefault(db: DatabaseWriter, workspace: Doc<"workspaces">): Promise<Doc<"widgetConfigurations">> {
  const existing = await findDefault(db, workspace._id);
  if (existing !== null) return existing;
  const legacy = legacyDefault(workspace);
  const id = await db.insert("widgetConfigurations", {
    workspaceId: workspace._id,
    name: "Default",
    theme: { ...DEFAULT_THEME, ...legacy.theme },
    layout: { ...DEFAULT_LAYOUT, ...legacy.layout },
    isDefault: true,
    version: "1.0.0",
    lastModifiedBy: "system",
    cacheGeneration: 0,
    updatedAt: Date.now(),
  });
  return (await db.get("widgetConfigurations", id))!;
}

/**
 * What the widget of a workspace applies: the chosen configuration (when it is the
 * workspace's), else the default; colours as hex (core/theme forWidget).
 */
export async function effectiveForWidget(
  db: DatabaseReader,
  workspace: Doc<"workspaces">,
  configurationId: string | undefined,
): Promise<{ id: string | null; cacheGeneration: number; configuration: EffectiveConfiguration }> {
  const chosen = configurationId === undefined ? null : await findConfiguration(db, workspace._id, configurationId);
  const doc = chosen ?? (await findDefault(db, workspace._id));
  if (doc === null) return { id: null, cacheGeneration: 0, configuration: forWidget(legacyDefault(workspace)) };
  return { id: doc._id, cacheGeneration: doc.cacheGeneration, configuration: forWidget(await effectiveOf(db, doc)) };
}
