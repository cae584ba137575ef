/*
 * Styles needed before the panel opens: the host element, the launcher and its badge.
 * Everything on :host is !important because page rules can target the host element itself
 * (`* { all: unset !important }`, `body > * { display: none !important }`); for important
 * declarations the shadow tree's own rules win over the page's.
 */
export const BASE_CSS = `
:host{all:initial!important;display:block!important;position:fixed!important;inset:auto 0 0 auto!important;
width:0!important;height:0!important;min-width:0!important;min-height:0!important;max-width:none!important;
max-height:none!important;margin:0!important;padding:0!important;border:0!important;overflow:visible!important;
z-index:2147483000!important;visibility:visible!important;opacity:1!important;transform:none!important;
filter:none!important;contain:none!important;clip-path:none!important;pointer-events:none!important}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.oc-root,.oc-overlays{--oc-ink:#0f172a;--oc-muted:#64748b;--oc-line:#e2e8f0;--oc-soft:#f1f5f9;--oc-danger:#dc2626;
--oc-surface:#fff;--oc-field:#fff;--oc-field-line:#94a3b8;--oc-warn-bg:#fef3c7;--oc-warn-ink:#78350f;
--oc-radius:16px;--oc-gap:20px;font:400 14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,
sans-serif,"Apple Color Emoji","Segoe UI Emoji";color:var(--oc-ink);-webkit-font-smoothing:antialiased;
letter-spacing:normal;text-align:start;text-transform:none;pointer-events:none}
button{font:inherit;color:inherit}
:focus{outline:none}
:focus-visible{outline:2px solid var(--oc-primary);outline-offset:2px;box-shadow:0 0 0 4px var(--oc-surface)}
.oc-launcher{position:fixed;bottom:var(--oc-gap);right:var(--oc-gap);width:var(--oc-launcher-size,56px);height:var(--oc-launcher-size,56px);margin:0;padding:0;
border:0;border-radius:50%;display:grid;place-items:center;cursor:pointer;pointer-events:auto;
background:var(--oc-primary);color:var(--oc-on-primary);
box-shadow:0 6px 16px rgba(15,23,42,.18),0 1px 3px rgba(15,23,42,.12);transition:transform .18s ease,box-shadow .18s ease}
.oc-launcher[aria-expanded=false]:hover{transform:scale(1.06);box-shadow:0 8px 22px rgba(15,23,42,.22),0 2px 4px rgba(15,23,42,.12)}
.oc-launcher:active{transform:scale(.96)}
.oc-left .oc-launcher{right:auto;left:var(--oc-gap)}
.oc-launcher svg{width:26px;height:26px;grid-area:1/1;transition:transform .2s ease,opacity .2s ease}
.oc-launcher .oc-icon-close{opacity:0;transform:rotate(-60deg) scale(.6)}
.oc-launcher[aria-expanded=true] .oc-icon-chat{opacity:0;transform:rotate(60deg) scale(.6)}
.oc-launcher[aria-expanded=true] .oc-icon-close{opacity:1;transform:none}
.oc-launcher.oc-loading svg{opacity:0}
.oc-badge{position:absolute;top:-3px;right:-3px;min-width:20px;height:20px;padding:0 6px;border-radius:10px;
border:2px solid #fff;background:var(--oc-danger);color:#fff;font:600 11px/16px system-ui,sans-serif;text-align:center}
.oc-left .oc-badge{right:auto;left:-3px}
.oc-spinner{width:22px;height:22px;border-radius:50%;border:2.5px solid currentColor;border-right-color:transparent;
animation:oc-spin .8s linear infinite}
@keyframes oc-spin{to{transform:rotate(360deg)}}
.oc-visually-hidden{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;
clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation-duration:1ms!important;
animation-iteration-count:1!important;transition-duration:1ms!important}.oc-spinner{animation:none}}
`;
