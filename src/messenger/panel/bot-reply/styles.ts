/** The rich replies' stylesheet, adopted when the chunk loads. */
export const CSS = `
.oc-bot-image{display:block;max-width:100%;max-height:240px;border-radius:14px;margin:2px 0}
.oc-bot-chips,.oc-bot-buttons{display:flex;flex-wrap:wrap;gap:6px;margin:6px 0}
.oc-bot-buttons{flex-direction:column;align-items:stretch}
.oc-bot-chip,.oc-bot-button,.oc-bot-nav{font:inherit;font-size:.9em;cursor:pointer;border:1px solid var(--oc-primary);
color:var(--oc-primary);background:var(--oc-surface,#fff);border-radius:999px;padding:6px 12px;text-decoration:none;text-align:center}
.oc-bot-button{border-radius:10px}
.oc-bot-chip:hover,.oc-bot-button:hover{background:var(--oc-soft)}
.oc-bot-chip:focus-visible,.oc-bot-button:focus-visible,.oc-bot-nav:focus-visible{outline:2px solid var(--oc-primary);outline-offset:2px}
.oc-bot-cards{margin:4px 0;max-width:260px}
.oc-bot-card{border:1px solid rgba(127,127,127,.3);border-radius:14px;overflow:hidden;padding-bottom:4px}
.oc-bot-card>p,.oc-bot-card>.oc-bot-buttons{margin-inline:10px}
.oc-bot-card-image{display:block;width:100%;max-height:140px;object-fit:cover}
.oc-bot-card-title{font-weight:600;margin-top:8px;margin-bottom:2px}
.oc-bot-card-subtitle{margin:0;opacity:.8;font-size:.9em}
.oc-bot-cards-nav{display:flex;align-items:center;justify-content:space-between;margin-top:4px;font-size:.85em}
.oc-bot-nav{padding:2px 10px}
.oc-bot-nav[aria-disabled=true]{opacity:.4;cursor:default}
.oc-webview{position:absolute;inset-inline:0;bottom:0;z-index:5;display:flex;flex-direction:column;
background:var(--oc-surface,#fff);border-radius:16px 16px 0 0;box-shadow:0 -6px 24px rgba(0,0,0,.2)}
.oc-webview-full{top:0}.oc-webview-tall{height:75%}.oc-webview-compact{height:50%}
.oc-webview-bar{display:flex;align-items:center;justify-content:space-between;gap:8px;padding:8px 12px}
.oc-webview-title{margin:0;font-weight:600;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.oc-webview-frame{flex:1;border:0;width:100%}
`;
