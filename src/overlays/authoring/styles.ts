/* The authoring chunk's stylesheet: the toolbar at the top and the hover highlight. */
export const AUTHORING_CSS = `
.oc-auth-bar{position:fixed;top:12px;left:50%;transform:translateX(-50%);z-index:5;pointer-events:auto;
box-sizing:border-box;width:min(720px,calc(100vw - 24px));padding:12px 16px;border-radius:12px;background:#0f172a;
color:#f8fafc;box-shadow:0 12px 32px rgba(15,23,42,.35);display:flex;flex-direction:column;gap:8px}
.oc-auth-line{margin:0}
.oc-auth-row{display:flex;flex-wrap:wrap;gap:8px;align-items:center;justify-content:flex-end}
.oc-auth-row>span{margin-right:auto;min-width:0;overflow-wrap:anywhere}
.oc-auth-bar code{padding:1px 6px;border-radius:5px;background:#1e293b;color:#e2e8f0;font-size:13px}
.oc-auth-muted{color:#cbd5e1}
.oc-auth-ok{color:#86efac}
.oc-auth-problem{color:#fca5a5}
.oc-auth-bar .oc-btn{background:#fff;color:#0f172a}
.oc-auth-bar .oc-btn-quiet{background:transparent;color:#f8fafc;border-color:#64748b}
.oc-auth-bar :focus-visible{outline-color:#fff;box-shadow:none}
.oc-auth-box{position:fixed;left:-9999px;top:0;pointer-events:none;border:2px solid #f97316;border-radius:4px;
background:rgba(249,115,22,.12);transition:left .08s linear,top .08s linear,width .08s linear,height .08s linear}
`;
