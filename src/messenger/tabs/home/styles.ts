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
.oc-card-body{margin:0 8px 8px;color:var(--oc-muted);font-size:13px}
`;
