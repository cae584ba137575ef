/* The help search box, on Home and in Help: each tab's sheet includes it. */
export const SEARCH_CSS = `
.oc-search{display:flex;gap:8px;margin:4px 0 12px}
.oc-search input{flex:1;min-width:0;height:40px;padding:0 12px;border:1px solid var(--oc-field-line);border-radius:10px;
background:var(--oc-field);color:var(--oc-ink);font:inherit}
.oc-search input:focus-visible{outline:none;border-color:var(--oc-primary);box-shadow:0 0 0 3px color-mix(in srgb,var(--oc-primary) 25%,transparent)}
.oc-search-button{height:40px;padding:0 12px;border:0;border-radius:10px;cursor:pointer;font-weight:600;
background:var(--oc-primary);color:var(--oc-on-primary)}
.oc-card .oc-search{margin:4px 8px 8px}
`;
