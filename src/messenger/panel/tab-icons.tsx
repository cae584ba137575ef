import type { TabId } from "../tabs";

/** Outline icons of the tab bar, decorative (the tab's text names it). */
const PATHS: Record<TabId, string> = {
  home: "M4 11 12 4l8 7v9h-5v-6H9v6H4z",
  messages: "M4 5h16v11H9l-5 4z",
  help: "M12 21a9 9 0 1 0 0-18 9 9 0 0 0 0 18m-2.5-12a2.5 2.5 0 1 1 2.5 3v2m0 3v.01",
  tours: "M12 3 4 7v6c0 4 3.5 7 8 8 4.5-1 8-4 8-8V7z",
  tasks: "M9 6h11M9 12h11M9 18h11M4 6h1M4 12h1M4 18h1",
  tickets: "M4 6h16v4a2 2 0 0 0 0 4v4H4v-4a2 2 0 0 0 0-4z",
};

export function TabIcon({ tab }: { tab: TabId }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path d={PATHS[tab]} fill="none" stroke="currentColor" stroke-width="1.8" stroke-linecap="round" stroke-linejoin="round" />
    </svg>
  );
}
