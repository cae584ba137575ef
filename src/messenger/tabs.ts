/**
 * Which messenger tabs a visitor sees, and which one the messenger opens on. Pure: the
 * panel feeds it the workspace's tab settings and whether the visitor is a known user.
 */

export const TAB_IDS = ["home", "messages", "help", "tours", "tasks", "tickets"] as const;
export type TabId = (typeof TAB_IDS)[number];

export interface TabSetting {
  id: string;
  enabled: boolean;
  /** @default "all" */
  visibleTo?: string;
}

const isTabId = (id: string): id is TabId => (TAB_IDS as readonly string[]).includes(id);

function audienceMatches(visibleTo: string | undefined, identified: boolean): boolean {
  if (visibleTo === "users") return identified;
  if (visibleTo === "visitors") return !identified;
  return true;
}

/**
 * The tabs to show, in the workspace's order: enabled ones whose audience (`all`,
 * `visitors` = anonymous, `users` = identified) includes this visitor. Unknown ids and
 * repeats are ignored. Messages is always there (first when the settings leave it out);
 * Home only when enabled.
 */
export function visibleTabs(settings: readonly TabSetting[], identified: boolean): TabId[] {
  const tabs: TabId[] = [];
  for (const tab of settings) {
    if (!isTabId(tab.id) || tabs.includes(tab.id)) continue;
    if (tab.id === "messages" || (tab.enabled && audienceMatches(tab.visibleTo, identified))) tabs.push(tab.id);
  }
  if (!tabs.includes("messages")) tabs.unshift("messages");
  return tabs;
}

/** The preferred tab when visible (the workspace's default, else Home), then the first visible tab, then Messages. */
export function defaultTab(visible: readonly TabId[], preferred: string | null = null): TabId {
  const wanted = preferred ?? "home";
  if (isTabId(wanted) && visible.includes(wanted)) return wanted;
  return visible[0] ?? "messages";
}

/** Arrow-key movement along the tab bar, wrapping at both ends; Home/End jump. `step` is ±1 (mirrored by the caller in RTL). */
export function tabAfterKey(visible: readonly TabId[], current: TabId, key: string, rtl: boolean): TabId | null {
  const index = Math.max(0, visible.indexOf(current));
  const forward = rtl ? "ArrowLeft" : "ArrowRight";
  const backward = rtl ? "ArrowRight" : "ArrowLeft";
  if (key === "Home") return visible[0] ?? null;
  if (key === "End") return visible[visible.length - 1] ?? null;
  if (key === forward) return visible[(index + 1) % visible.length] ?? null;
  if (key === backward) return visible[(index - 1 + visible.length) % visible.length] ?? null;
  return null;
}
