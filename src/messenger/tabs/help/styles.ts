import { SEARCH_CSS } from "./search-styles";

/* The Help tab's stylesheet: ships in its chunk. */
export const HELP_CSS = SEARCH_CSS + `
.oc-help{flex:1;min-height:0;display:flex;flex-direction:column}
.oc-collection{margin:0 0 16px}
.oc-collection-name{margin:0;font-size:15px;font-weight:600}
.oc-collection-meta,.oc-results-count{margin:2px 0 6px;color:var(--oc-muted);font-size:12px}
.oc-article-list{list-style:none;margin:0;padding:0;border:1px solid var(--oc-line);border-radius:10px;overflow:hidden}
.oc-article-list li+li{border-top:1px solid var(--oc-line)}
.oc-article-link{width:100%;display:flex;flex-direction:column;gap:2px;margin:0;padding:10px 12px;border:0;
background:var(--oc-surface);text-align:start;cursor:pointer}
.oc-article-link:hover{background:var(--oc-soft)}
.oc-article-link-title{font-weight:600;color:var(--oc-primary-text)}
.oc-article-snippet{color:var(--oc-muted);font-size:13px}
.oc-article-collection{margin:0;color:var(--oc-muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.oc-article-title{margin:4px 0 2px;font-size:20px;line-height:1.25}
.oc-article-updated{margin:0 0 12px;color:var(--oc-muted);font-size:12px}
.oc-article-body{line-height:1.55}
.oc-article-body a{color:var(--oc-primary-text)}
.oc-article-image{display:block;max-width:100%;height:auto;margin:8px 0 12px;border-radius:8px}
`;
