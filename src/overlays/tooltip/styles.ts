/* The tooltip chunk's stylesheet. */
export const TOOLTIP_CSS = `
.oc-tip{width:min(300px,calc(100vw - 32px));padding:14px 16px}
.oc-tip .oc-o-title{margin-inline-end:0;font-size:15px}
.oc-tip .oc-o-actions{margin-top:12px}
.oc-tip-beacon{position:fixed;left:-9999px;top:0;width:14px;height:14px;margin:0;padding:0;border:2px solid #fff;
border-radius:50%;background:var(--oc-primary);cursor:pointer;pointer-events:auto;
box-shadow:0 0 0 0 color-mix(in srgb,var(--oc-primary) 60%,transparent);animation:oc-tip-pulse 1.8s ease-out infinite}
@keyframes oc-tip-pulse{to{box-shadow:0 0 0 12px transparent}}
`;
