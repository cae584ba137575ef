/* The checklist chunk's stylesheet. The progress fill moves in tenths (classes, no inline style). */
export const CHECKLIST_CSS = `
.oc-checklist{width:min(340px,calc(100vw - 40px))}
.oc-checklist>.oc-o-body{margin-bottom:12px}
.oc-cl-progress{display:flex;align-items:center;gap:10px;margin:4px 0 12px}
.oc-cl-progress .oc-o-meta{margin:0;white-space:nowrap}
.oc-cl-bar{flex:1;height:8px;border-radius:4px;background:var(--oc-line);overflow:hidden}
.oc-cl-fill{display:block;height:100%;border-radius:4px;background:var(--oc-primary);transition:width .3s ease}
.oc-cl-fill-0{width:0%}.oc-cl-fill-1{width:10%}.oc-cl-fill-2{width:20%}.oc-cl-fill-3{width:30%}.oc-cl-fill-4{width:40%}.oc-cl-fill-5{width:50%}.oc-cl-fill-6{width:60%}.oc-cl-fill-7{width:70%}.oc-cl-fill-8{width:80%}.oc-cl-fill-9{width:90%}.oc-cl-fill-10{width:100%}
.oc-cl-done{margin:0 0 10px;font-weight:600}
.oc-cl-tasks{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:4px}
.oc-cl-task{display:flex;gap:10px;align-items:flex-start;padding:8px 4px;border-top:1px solid var(--oc-line)}
.oc-cl-check{flex:none;box-sizing:border-box;width:20px;height:20px;margin-top:1px;border-radius:50%;border:2px solid #94a3b8;
display:grid;place-items:center}
.oc-cl-complete .oc-cl-check{border-color:var(--oc-primary);background:var(--oc-primary);color:var(--oc-on-primary)}
.oc-cl-check svg{width:14px;height:14px}
.oc-cl-text{flex:1;min-width:0}
.oc-cl-title{margin:0;font-weight:600}
.oc-cl-complete .oc-cl-title{color:var(--oc-muted);text-decoration:line-through}
.oc-cl-description{margin:2px 0 0;color:var(--oc-muted);font-size:13px}
.oc-cl-tick{flex:none;min-height:30px;padding:4px 10px;font-size:13px}
`;
