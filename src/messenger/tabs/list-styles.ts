/* Lists of the Tours, Tasks and Tickets tabs: each chunk carries this sheet (adopted once per tab). */
export const LIST_CSS = `
.oc-list-tab{flex:1;min-height:0;display:flex;flex-direction:column}
.oc-items{list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:10px}
.oc-item{display:flex;flex-direction:column;gap:10px;margin:0 0 10px;padding:12px;border:1px solid var(--oc-line);
border-radius:12px;background:var(--oc-surface)}
.oc-item-main{min-width:0}
.oc-item-title{margin:0 0 2px;font-size:15px;font-weight:600}
.oc-item-text{margin:2px 0;color:var(--oc-muted);font-size:13px}
.oc-item-action{align-self:flex-start;padding:8px 12px;border:0;border-radius:8px;cursor:pointer;font-weight:600;
background:var(--oc-primary);color:var(--oc-on-primary)}
.oc-status{display:inline-block;margin-top:6px;padding:1px 8px;border-radius:999px;font-size:12px;font-weight:600;
background:var(--oc-soft);color:var(--oc-ink)}
.oc-progress{width:100%;height:8px;margin:8px 0 2px;accent-color:var(--oc-primary)}
.oc-task-list{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-direction:column;gap:6px;font-size:13px}
.oc-task{display:flex;align-items:center;gap:8px}
.oc-task-mark{width:14px;height:14px;flex:none;border-radius:50%;border:2px solid var(--oc-muted)}
.oc-task-done .oc-task-mark{border-color:var(--oc-primary);background:var(--oc-primary)}
.oc-task-done>span:nth-child(2){text-decoration:line-through;color:var(--oc-muted)}
`;
