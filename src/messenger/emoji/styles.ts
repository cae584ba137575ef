/* The emoji picker's stylesheet: ships in its chunk, adopted the first time it opens. */
export const EMOJI_CSS = `
.oc-composer{position:relative}
.oc-emoji{position:absolute;bottom:calc(100% - 4px);inset-inline:8px;z-index:3;display:flex;flex-direction:column;
max-height:min(340px,60vh);background:var(--oc-surface);color:var(--oc-ink);border:1px solid var(--oc-line);
border-radius:12px;box-shadow:0 10px 28px rgba(15,23,42,.2);pointer-events:auto}
.oc-emoji-search{margin:10px 10px 6px;padding:7px 12px;border:1px solid var(--oc-field-line);border-radius:8px;
background:var(--oc-field);color:inherit;font:inherit;font-size:14px}
.oc-emoji-search:focus-visible{outline:2px solid var(--oc-primary);outline-offset:0;box-shadow:none}
.oc-emoji-tabs{display:flex;padding:0 6px 4px;border-bottom:1px solid var(--oc-line)}
.oc-emoji-tab{flex:1;height:32px;margin:0;padding:0;border:0;border-radius:8px;background:none;cursor:pointer;
font-size:17px;line-height:1}
.oc-emoji-tab:hover,.oc-emoji-tab[aria-pressed=true]{background:var(--oc-soft)}
.oc-emoji-tab[aria-pressed=true]{box-shadow:inset 0 -2px 0 var(--oc-primary)}
.oc-emoji-list{flex:1;min-height:0;overflow-y:auto;padding:0 8px 8px;overscroll-behavior:contain}
.oc-emoji-heading{margin:10px 4px 4px;color:var(--oc-muted);font-size:12px;font-weight:600}
.oc-emoji-grid{display:grid;grid-template-columns:repeat(8,1fr)}
.oc-emoji-option{display:grid;place-items:center;height:36px;border-radius:8px;cursor:pointer;font-size:22px;line-height:1;
font-family:"Apple Color Emoji","Segoe UI Emoji","Noto Color Emoji",sans-serif;user-select:none}
.oc-emoji-option:hover,.oc-emoji-option[aria-selected=true]{background:var(--oc-soft)}
.oc-emoji-option:focus-visible{outline-offset:-2px;box-shadow:none}
.oc-emoji-none{margin:12px 8px;color:var(--oc-muted);font-size:13px}
`;
