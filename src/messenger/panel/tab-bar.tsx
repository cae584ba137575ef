import { useRef } from "preact/hooks";
import { tabAfterKey, type TabId } from "../tabs";
import { isRtl } from "../../i18n/locales";
import { useI18n } from "./i18n";
import { TabIcon } from "./tab-icons";

export interface TabBarProps {
  tabs: readonly TabId[];
  active: TabId;
  onSelect(tab: TabId): void;
}

export const tabElementId = (tab: TabId) => `oc-tab-${tab}`;
export const TAB_PANEL_ID = "oc-tabpanel";

/**
 * The messenger's sections (WAI-ARIA tabs): one tab stop, arrow keys move along the bar
 * and select (mirrored in right-to-left locales), Home/End jump to the ends.
 */
export function TabBar({ tabs, active, onSelect }: TabBarProps) {
  const { t, locale } = useI18n();
  const listRef = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: KeyboardEvent) => {
    const next = tabAfterKey(tabs, active, event.key, isRtl(locale));
    if (next === null) return;
    event.preventDefault();
    onSelect(next);
    listRef.current?.querySelector<HTMLElement>(`#${tabElementId(next)}`)?.focus();
  };
  return (
    <div ref={listRef} class="oc-tabs" role="tablist" aria-label={t.sections} onKeyDown={onKeyDown}>
      {tabs.map((tab) => (
        <button
          key={tab}
          type="button"
          role="tab"
          id={tabElementId(tab)}
          class="oc-tab"
          aria-selected={tab === active ? "true" : "false"}
          aria-controls={TAB_PANEL_ID}
          tabIndex={tab === active ? 0 : -1}
          onClick={() => onSelect(tab)}
        >
          <TabIcon tab={tab} />
          <span>{t.tabs[tab]}</span>
        </button>
      ))}
    </div>
  );
}
