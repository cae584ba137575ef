/* The Tickets tab's own rules (on top of the shared list sheet). */
export const TICKET_CSS = `
.oc-ticket-row{width:100%;margin:0;text-align:start;cursor:pointer;font:inherit;color:inherit}
.oc-ticket-row:hover{background:var(--oc-soft)}
.oc-ticket-form{display:flex;flex-direction:column;gap:12px}
.oc-ticket-form .oc-primary{width:100%;margin:4px 0 0}
.oc-field{display:flex;flex-direction:column;gap:4px}
.oc-field label{font-weight:600;font-size:13px}
.oc-required{font-weight:400;color:var(--oc-muted)}
.oc-field input,.oc-field textarea,.oc-field select{width:100%;padding:9px 12px;border:1px solid var(--oc-field-line);
border-radius:10px;background:var(--oc-field);color:var(--oc-ink);font:inherit}
.oc-field [aria-invalid=true]{border-color:var(--oc-danger)}
.oc-field :focus-visible{outline:none;border-color:var(--oc-primary);box-shadow:0 0 0 3px color-mix(in srgb,var(--oc-primary) 25%,transparent)}
.oc-ticket-heading{margin:16px 0 6px;font-size:13px;font-weight:600}
.oc-ticket-fields{margin:0;display:flex;flex-direction:column;gap:6px}
.oc-ticket-fields dt{color:var(--oc-muted);font-size:12px}
.oc-ticket-fields dd{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
.oc-history{list-style:none;margin:0;padding:0;border-inline-start:2px solid var(--oc-line)}
.oc-history li{position:relative;padding:0 0 12px 14px;padding-inline:14px 0;display:flex;flex-wrap:wrap;gap:4px 8px;align-items:baseline}
.oc-history li::before{content:"";position:absolute;inset-inline-start:-6px;top:5px;width:10px;height:10px;border-radius:50%;
background:var(--oc-primary)}
.oc-history-state{font-weight:600}
.oc-history time{color:var(--oc-muted);font-size:12px}
.oc-history-note{flex-basis:100%;margin:2px 0 0;color:var(--oc-ink)}
.oc-ticket-replies{list-style:none;margin:0 0 12px;padding:0;display:flex;flex-direction:column;gap:8px}
.oc-ticket-reply{padding:8px 12px;border-radius:12px;background:var(--oc-soft)}
.oc-ticket-reply-visitor{margin-inline-start:24px;border-inline-start:3px solid var(--oc-primary)}
.oc-ticket-reply-meta{margin:0 0 2px;display:flex;gap:8px;font-size:12px;color:var(--oc-ink)}
.oc-ticket-reply-meta span{font-weight:600}
.oc-ticket-reply-body{margin:0;white-space:pre-wrap;overflow-wrap:anywhere}
`;
