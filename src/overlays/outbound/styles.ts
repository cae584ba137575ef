/* The outbound chunk's stylesheet: posts reuse the shared modal card; chats and banners are here. */
export const OUTBOUND_CSS = `
.oc-post{width:min(440px,calc(100vw - 32px));padding:22px 24px}
.oc-chat-head{display:flex;align-items:center;gap:8px;margin:0 28px 8px 0}
.oc-chat-head .oc-o-meta{margin:0}
.oc-chat-avatar{width:28px;height:28px;border-radius:50%;display:grid;place-items:center;flex:none;
background:var(--oc-primary);color:var(--oc-on-primary);font-size:13px;font-weight:700}
.oc-banner-o{position:fixed;left:0;right:0;top:0;display:flex;align-items:center;justify-content:center;gap:12px;
min-height:48px;padding:8px 52px 8px 16px;pointer-events:auto;background:var(--oc-primary);color:var(--oc-on-primary);
box-shadow:0 2px 10px rgba(15,23,42,.18);animation:oc-banner-in .25s ease}
.oc-banner-o[data-position=bottom]{top:auto;bottom:0;animation-name:oc-banner-up}
@keyframes oc-banner-in{from{transform:translateY(-100%)}}
@keyframes oc-banner-up{from{transform:translateY(100%)}}
.oc-banner-text{min-width:0;overflow-wrap:anywhere}
.oc-banner-text p{display:inline;margin:0}
.oc-banner-text a{color:inherit}
.oc-banner-actions{display:flex;gap:8px;flex:none}
.oc-banner-o .oc-btn{min-height:32px;padding:5px 12px;background:#fff;color:#0f172a}
.oc-banner-o .oc-btn-quiet{background:transparent;color:inherit;border-color:currentColor}
.oc-banner-o .oc-x{top:50%;inset-inline-end:8px;transform:translateY(-50%);color:inherit}
.oc-banner-o .oc-x:hover{background:rgba(255,255,255,.18);color:inherit}
.oc-banner-o :focus-visible{outline-color:currentColor;box-shadow:none}
@media (max-width:599.98px){.oc-banner-o{flex-wrap:wrap;justify-content:flex-start}}
`;
