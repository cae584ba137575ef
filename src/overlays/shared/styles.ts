/*
 * What every overlay shares: the layer's stacking order (its own stacking context, under
 * the messenger, which comes later in the shadow root), cards, buttons, the backdrop,
 * the dock beside the launcher and the opposite corner. Adopted with the first overlay
 * chunk that loads; the base sheet's reduced-motion rule covers these animations too.
 * A modal's dimming is the card's own spread shadow over a transparent click catcher,
 * not a translucent layer: the page under it is out of reach either way, and contrast
 * checkers do not mistake a dimmed page for unreadable text.
 */
export const SHARED_CSS = `
.oc-overlays{position:relative;z-index:0}
.oc-overlays>[data-slot],.oc-overlays>div{position:relative;z-index:1}
.oc-overlays>[data-slot=corner]{z-index:2}.oc-overlays>[data-slot=banner]{z-index:3}
.oc-overlays>[data-slot=blocking]{z-index:4}
.oc-o-card{position:relative;pointer-events:auto;box-sizing:border-box;width:min(360px,calc(100vw - 32px));
padding:18px 20px;border-radius:14px;background:#fff;color:var(--oc-ink);overflow-wrap:anywhere;
box-shadow:0 12px 40px rgba(15,23,42,.22),0 2px 6px rgba(15,23,42,.08),0 0 0 1px rgba(15,23,42,.05);
animation:oc-o-in .2s cubic-bezier(.2,.9,.3,1)}
@keyframes oc-o-in{from{opacity:0;transform:translateY(6px) scale(.98)}}
.oc-o-card:focus{outline:none}
.oc-o-title{margin:0 0 6px;margin-inline-end:28px;font-size:16px;line-height:1.35;font-weight:650}
.oc-o-body{margin:0;color:#334155}
.oc-o-body p{margin:0 0 8px}.oc-o-body p:last-child{margin-bottom:0}
.oc-o-body a{color:var(--oc-primary)}
.oc-o-meta{margin:0 0 6px;color:var(--oc-muted);font-size:12px;font-weight:600}
.oc-o-actions{display:flex;flex-wrap:wrap;gap:8px;justify-content:flex-end;align-items:center;margin-top:16px}
.oc-o-actions .oc-o-meta{margin:0;margin-inline-end:auto}
.oc-btn{min-height:36px;margin:0;padding:7px 14px;border:1px solid transparent;border-radius:9px;cursor:pointer;
font:inherit;font-weight:600;line-height:1.3;background:var(--oc-primary);color:var(--oc-on-primary);
transition:filter .15s ease}
.oc-btn:hover{filter:brightness(1.08)}
.oc-btn:disabled{cursor:default;opacity:.6}
.oc-btn-quiet{background:#fff;color:var(--oc-ink);border-color:#cbd5e1}
.oc-btn-quiet:hover{filter:none;background:var(--oc-soft)}
.oc-x{position:absolute;top:10px;inset-inline-end:10px;width:32px;height:32px;margin:0;padding:0;border:0;border-radius:8px;
display:grid;place-items:center;background:transparent;color:var(--oc-muted);cursor:pointer}
.oc-x:hover{background:var(--oc-soft);color:var(--oc-ink)}
.oc-x svg{width:18px;height:18px}
.oc-modal{position:fixed;inset:0;display:grid;place-items:center;padding:16px;pointer-events:auto}
.oc-modal>.oc-o-card{box-shadow:0 0 0 200vmax rgba(15,23,42,.55),0 12px 40px rgba(15,23,42,.22)}
.oc-dock{position:fixed;right:20px;bottom:88px;max-height:calc(100vh - 112px);overflow:auto}
.oc-overlays[data-side=left] .oc-dock{right:auto;left:20px}
.oc-overlays[data-messenger-open] .oc-dock{display:none}
.oc-corner{position:fixed;left:20px;bottom:20px;max-height:calc(100vh - 40px);overflow:auto}
.oc-overlays[data-side=left] .oc-corner{left:auto;right:20px}
.oc-anchored{position:fixed;left:-9999px;top:0;margin:0}
.oc-arrow{position:absolute;width:12px;height:12px;background:#fff;transform:rotate(45deg);pointer-events:none}
.oc-error{margin:8px 0 0;color:var(--oc-danger);font-size:13px}
.oc-o-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap;border:0}
`;
