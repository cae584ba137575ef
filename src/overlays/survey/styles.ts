/* The survey chunk's stylesheet: questions as segmented scales, choice lists and text boxes. */
export const SURVEY_CSS = `
.oc-survey{width:min(380px,calc(100vw - 40px))}
.oc-survey-large{width:min(520px,calc(100vw - 32px));padding:24px}
.oc-survey form{margin:0}
.oc-survey-intro{margin:0 28px 12px 0}
.oc-q{margin:0;padding:0;border:0;min-width:0}
.oc-q-title{display:block;margin:0 28px 12px 0;padding:0;font-size:15px;font-weight:650;line-height:1.4}
.oc-q-hint{color:var(--oc-muted);font-size:12px;font-weight:500}
.oc-q-scale{display:flex;gap:4px}
.oc-q-scale .oc-q-choice{flex:1;min-width:0}
.oc-q-scale .oc-q-face{display:grid;place-items:center;height:36px;border:1px solid #cbd5e1;border-radius:8px;
cursor:pointer;font-weight:600;font-variant-numeric:tabular-nums;background:#fff}
.oc-q-scale .oc-q-face:hover{background:var(--oc-soft)}
.oc-q-scale input:checked+.oc-q-face{background:var(--oc-primary);color:var(--oc-on-primary);border-color:var(--oc-primary)}
.oc-q-scale input:focus-visible+.oc-q-face{outline:2px solid var(--oc-primary);outline-offset:2px}
.oc-q-nps{gap:3px}.oc-q-nps .oc-q-face{height:32px;font-size:13px;border-radius:6px}
.oc-q-ends{display:flex;justify-content:space-between;margin:6px 0 0;color:var(--oc-muted);font-size:12px}
.oc-q-choices{display:flex;flex-direction:column;gap:6px}
.oc-q-choices .oc-q-choice{display:flex;gap:10px;align-items:center;padding:8px 12px;border:1px solid #cbd5e1;
border-radius:9px;cursor:pointer}
.oc-q-choices .oc-q-choice:hover{background:var(--oc-soft)}
.oc-q-choices input{margin:0;accent-color:var(--oc-primary)}
.oc-q-text{box-sizing:border-box;width:100%;margin:0;padding:9px 12px;border:1px solid #94a3b8;border-radius:9px;
font:inherit;color:var(--oc-ink);background:#fff;resize:vertical}
.oc-q-text:focus-visible{outline:2px solid var(--oc-primary);outline-offset:1px}
.oc-q-text[aria-invalid=true]{border-color:var(--oc-danger)}
`;
