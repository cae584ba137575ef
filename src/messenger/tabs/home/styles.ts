import { SEARCH_CSS } from "../help/search-styles";

/* The Home tab's stylesheet: ships in its chunk, adopted the first time Home shows. */
export const HOME_CSS = SEARCH_CSS + `
.oc-home-tab .oc-home-header{padding-bottom:64px}
.oc-cards{display:flex;flex-direction:column;gap:12px;margin:-48px 16px 16px;position:relative}
.oc-cards .oc-card{margin:0}
.oc-presence{display:flex;align-items:center;gap:8px;margin:4px 8px;color:var(--oc-muted);font-size:13px}
.oc-presence-dot{width:8px;height:8px;border-radius:50%;flex:none;background:var(--oc-muted)}
.oc-online .oc-presence-dot{background:#16a34a}
.oc-home-card a{color:var(--oc-primary-text);text-underline-offset:2px}
.oc-team-faces{display:flex;list-style:none;margin:6px 8px 2px;padding:0}
.oc-team-face{margin-inline-end:-8px;border-radius:50%;box-shadow:0 0 0 2px var(--oc-surface)}
.oc-team-face .oc-avatar{width:36px;height:36px;font-size:13px}
.oc-tone-0 .oc-avatar{background:#1d4ed8;color:#fff}.oc-tone-1 .oc-avatar{background:#047857;color:#fff}
.oc-tone-2 .oc-avatar{background:#b45309;color:#fff}.oc-tone-3 .oc-avatar{background:#7c3aed;color:#fff}
.oc-tone-4 .oc-avatar{background:#be123c;color:#fff}.oc-tone-5 .oc-avatar{background:#0f766e;color:#fff}
.oc-card-body{margin:0 8px 8px;color:var(--oc-muted);font-size:13px}
`;
