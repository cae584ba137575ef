/* The panel's stylesheet: ships in the lazily loaded panel chunk, adopted on first open. */

/**
 * The dark theme's colours, for the workspace setting "dark", or "system" on a dark system
 * (light ones are in styles/base.ts; --oc-primary-text-dark comes from theme.ts).
 */
const DARK_THEME =
  "--oc-ink:#e5e7eb;--oc-muted:#9ca3af;--oc-line:#374151;--oc-soft:#262a33;--oc-surface:#181b21;--oc-field:#1f232b;" +
  "--oc-field-line:#6b7280;--oc-danger:#f87171;--oc-warn-bg:#422006;--oc-warn-ink:#fde68a;--oc-primary-text:var(--oc-primary-text-dark)";

export const PANEL_CSS = `
.oc-panel{position:fixed;right:var(--oc-gap);bottom:calc(var(--oc-launcher-size,56px) + 32px);
width:min(var(--oc-panel-width,380px),calc(100vw - 2 * var(--oc-gap)));height:calc(100vh - 112px - max(0px,var(--oc-top-inset,0px) - 12px));
height:calc(100dvh - 112px - max(0px,var(--oc-top-inset,0px) - 12px));max-height:var(--oc-panel-max-height,700px);min-height:320px;display:flex;flex-direction:column;overflow:hidden;
pointer-events:auto;background:var(--oc-surface);border-radius:var(--oc-radius);
--oc-panel-shadow:0 16px 48px rgba(15,23,42,.18),0 2px 8px rgba(15,23,42,.08),0 0 0 1px rgba(15,23,42,.04);
box-shadow:var(--oc-panel-shadow);
transform-origin:bottom right;animation:oc-panel-in .24s cubic-bezier(.2,.9,.3,1)}
.oc-left .oc-panel{right:auto;left:var(--oc-gap);transform-origin:bottom left}
@keyframes oc-panel-in{from{opacity:0;transform:translateY(16px) scale(.97)}}
.oc-panel .oc-hide{display:none}
/* Full screen on phones (unless the configuration turns mobileResponsive off: .oc-fixed);
   16px text in the composer stops iOS zooming in on focus. */
@media (max-width:479.98px){.oc-root:not(.oc-fixed) .oc-panel{inset:0;width:auto;height:auto;max-height:none;min-height:0;
border-radius:0;animation-name:oc-sheet-in}.oc-root:not(.oc-fixed)[data-open] .oc-launcher{display:none}
.oc-root:not(.oc-fixed) .oc-panel .oc-hide{display:inline-grid}
.oc-composer textarea{font-size:16px}}
@keyframes oc-sheet-in{from{opacity:0;transform:translateY(24px)}}
.oc-icon-button{width:36px;height:36px;margin:0;padding:0;border:0;border-radius:10px;display:inline-grid;
place-items:center;flex:none;background:transparent;color:inherit;cursor:pointer}
.oc-icon-button:hover{background:rgba(127,127,127,.16)}
.oc-icon-button svg{width:22px;height:22px}
.oc-banner{flex:none;margin:0;padding:8px 16px;font-size:13px;background:var(--oc-warn-bg);color:var(--oc-warn-ink);text-align:center}
.oc-home{flex:1;overflow-y:auto;background:var(--oc-soft)}
.oc-home-header{position:relative;padding:28px 24px 72px;background:var(--oc-primary);color:var(--oc-on-primary);
background-image:linear-gradient(160deg,rgba(255,255,255,.16),rgba(0,0,0,.12))}
.oc-home-header .oc-hide{position:absolute;top:12px;inset-inline-end:12px}
.oc-home-header :focus-visible{outline-color:var(--oc-on-primary);box-shadow:none}
.oc-team{margin:0 0 10px;font-size:15px;font-weight:600;opacity:.9}
.oc-greeting{margin:0;font-size:26px;line-height:1.2;font-weight:700;letter-spacing:-.01em;overflow-wrap:anywhere}
.oc-card{position:relative;margin:-48px 16px 16px;padding:8px;background:var(--oc-surface);border-radius:12px;
box-shadow:0 4px 16px rgba(15,23,42,.08),0 0 0 1px rgba(15,23,42,.05)}
.oc-card-title{margin:8px 8px 4px;font-size:14px;font-weight:600}
.oc-conversations{list-style:none;margin:0;padding:0}
.oc-row{width:100%;display:flex;gap:12px;align-items:center;margin:0;padding:10px 8px;border:0;border-radius:10px;
background:transparent;text-align:start;cursor:pointer}
.oc-row:hover{background:var(--oc-soft)}
.oc-row-main{flex:1;min-width:0;display:flex;flex-direction:column}
.oc-row-title{font-weight:600;font-size:14px}
.oc-row-preview{color:var(--oc-muted);font-size:13px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.oc-row-unread .oc-row-preview{color:var(--oc-ink);font-weight:600}
.oc-row-side{display:flex;flex-direction:column;align-items:flex-end;gap:6px;color:var(--oc-muted);font-size:12px}
.oc-dot{width:8px;height:8px;border-radius:50%;background:var(--oc-danger)}
.oc-note{margin:8px;color:var(--oc-muted);font-size:13px}
.oc-link{margin:0;padding:0;border:0;background:none;color:var(--oc-primary-text);font-weight:600;cursor:pointer;
text-decoration:underline;text-underline-offset:2px}
.oc-primary{width:calc(100% - 16px);margin:8px;padding:11px 16px;border:0;border-radius:10px;cursor:pointer;
display:flex;justify-content:center;align-items:center;gap:8px;font-weight:600;font-size:14px;
background:var(--oc-primary);color:var(--oc-on-primary);transition:filter .15s ease}
.oc-primary:hover{filter:brightness(1.08)}
.oc-primary svg{width:18px;height:18px}
.oc-skeleton{height:44px;margin:8px;border-radius:10px;background:linear-gradient(90deg,var(--oc-soft),var(--oc-line),var(--oc-soft));
background-size:200% 100%;animation:oc-shimmer 1.2s ease-in-out infinite}
@keyframes oc-shimmer{to{background-position:-200% 0}}
.oc-conversation{flex:1;min-height:0;display:flex;flex-direction:column}
.oc-bar{flex:none;display:flex;align-items:center;gap:10px;min-height:60px;padding:10px 12px;
border-bottom:1px solid var(--oc-line)}
.oc-bar-text{flex:1;min-width:0;display:flex;flex-direction:column}
.oc-bar-title{margin:0;font-size:15px;font-weight:600;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.oc-bar-subtitle{margin:0;color:var(--oc-muted);font-size:12px}
.oc-avatar{width:32px;height:32px;flex:none;border-radius:50%;overflow:hidden;display:grid;place-items:center;
background:var(--oc-primary);color:var(--oc-on-primary);font-size:12px;font-weight:600}
.oc-avatar img{width:100%;height:100%;object-fit:cover}
.oc-log{flex:1;min-height:0;overflow-y:auto;padding:16px 16px 8px;display:flex;flex-direction:column;gap:12px;
overscroll-behavior:contain}
.oc-intro{margin:auto 8px 8px;text-align:center;color:var(--oc-muted);font-size:13px}
.oc-intro strong{display:block;margin-bottom:4px;color:var(--oc-ink);font-size:15px}
.oc-day{align-self:center;margin:4px 0;color:var(--oc-muted);font-size:12px;font-weight:500}
.oc-group{display:flex;gap:8px;align-items:flex-end;max-width:100%}
.oc-mine{flex-direction:row-reverse}
.oc-group-body{min-width:0;max-width:80%;display:flex;flex-direction:column;gap:3px;align-items:flex-start}
.oc-mine .oc-group-body{align-items:flex-end}
.oc-sender{margin:0 0 2px;margin-inline-start:4px;color:var(--oc-muted);font-size:12px}
.oc-bubble{margin:0;padding:9px 13px;border-radius:18px;background:var(--oc-soft);white-space:pre-wrap;
overflow-wrap:anywhere;word-break:break-word}
.oc-mine .oc-bubble{background:var(--oc-primary);color:var(--oc-on-primary)}
.oc-theirs .oc-bubble:not(:last-of-type){border-end-start-radius:6px}
.oc-mine .oc-bubble:not(:last-of-type){border-end-end-radius:6px}
.oc-bubble.oc-sending{opacity:.72}
.oc-bubble.oc-failed{background:#fee2e2;color:#7f1d1d;box-shadow:inset 0 0 0 1px #fca5a5}
.oc-meta{margin:2px 4px 0;color:var(--oc-muted);font-size:11px}
.oc-failure{margin:0 4px;display:flex;gap:6px;align-items:center;color:var(--oc-danger);font-size:12px}
.oc-system{align-self:center;max-width:85%;margin:0;color:var(--oc-muted);font-size:12px;text-align:center}
.oc-composer{flex:none;padding:10px 12px 12px;border-top:1px solid var(--oc-line);background:var(--oc-surface)}
.oc-composer-row{display:flex;gap:8px;align-items:flex-end}
.oc-composer textarea{flex:1;min-width:0;min-height:42px;max-height:140px;margin:0;padding:10px 14px;resize:none;
field-sizing:content;border:1px solid var(--oc-field-line);border-radius:21px;background:var(--oc-field);color:var(--oc-ink);
font:inherit;line-height:1.4;transition:border-color .15s ease}
.oc-composer textarea::placeholder{color:#94a3b8}
.oc-composer textarea:focus-visible{outline:none;border-color:var(--oc-primary);
box-shadow:0 0 0 3px color-mix(in srgb,var(--oc-primary) 25%,transparent)}
.oc-composer textarea[aria-invalid=true]{border-color:var(--oc-danger)}
.oc-send{width:42px;height:42px;flex:none;margin:0;padding:0;border:0;border-radius:50%;display:grid;
place-items:center;cursor:pointer;background:var(--oc-primary);color:var(--oc-on-primary)}
.oc-send svg{width:20px;height:20px}
.oc-composer-hint{display:flex;gap:8px;justify-content:space-between;align-items:baseline;padding:0 6px}
.oc-composer-hint:empty{display:none}
.oc-composer-error{margin:6px 0 0;color:var(--oc-danger);font-size:12px}
.oc-counter{margin:6px 0 0;margin-inline-start:auto;color:var(--oc-muted);font-size:12px;font-variant-numeric:tabular-nums}
.oc-counter.oc-over{color:var(--oc-danger);font-weight:600}
.oc-send-notice{margin:6px 0 0;color:var(--oc-muted);font-size:12px}
.oc-plain{white-space:pre-wrap;overflow-wrap:anywhere}
.oc-markdown>:last-child{margin-bottom:0}
.oc-markdown p,.oc-markdown ul,.oc-markdown ol,.oc-markdown pre{margin:0 0 .5em}
.oc-markdown ul,.oc-markdown ol{padding-inline-start:1.25em}
.oc-markdown a{color:inherit;text-decoration:underline;text-underline-offset:2px}
.oc-markdown code{padding:.1em .3em;border-radius:4px;background:rgba(127,127,127,.18);
font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.9em}
.oc-markdown pre{padding:8px 10px;border-radius:8px;background:rgba(127,127,127,.18);overflow-x:auto;white-space:pre}
.oc-markdown pre code{padding:0;background:none}
.oc-theme-dark{${DARK_THEME}}@media (prefers-color-scheme:dark){.oc-theme-system{${DARK_THEME}}}
/* The panel takes focus itself only while its view loads. */
.oc-panel:focus-visible{outline:none;box-shadow:var(--oc-panel-shadow)}
.oc-view{flex:1;min-height:0;display:flex;flex-direction:column}
.oc-scroll{flex:1;min-height:0;overflow-y:auto;padding:12px 16px 16px}
.oc-card-flat{margin:12px 16px 16px;box-shadow:none;border:1px solid var(--oc-line)}
.oc-availability{margin:10px 0 0;font-size:13px;opacity:.9}
/* In right-to-left locales, arrows (back, send) point the other way. */
[dir=rtl] .oc-flip svg{transform:scaleX(-1)}
.oc-tabs{flex:none;display:flex;border-top:1px solid var(--oc-line);background:var(--oc-surface)}
.oc-tab{flex:1;min-width:0;display:flex;flex-direction:column;align-items:center;gap:2px;margin:0;padding:8px 0 10px;
border:0;background:none;color:var(--oc-muted);font-size:11px;font-weight:600;letter-spacing:-.01em;cursor:pointer}
.oc-tab svg{width:22px;height:22px}
.oc-tab[aria-selected=true]{color:var(--oc-primary-text)}
.oc-tab span{max-width:100%;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.oc-seen{align-self:flex-end;margin:-6px 4px 0;color:var(--oc-muted);font-size:11px}
.oc-typing{display:flex;align-items:center;gap:8px;margin:0;color:var(--oc-muted);font-size:12px}
.oc-typing-dots{display:inline-flex;gap:3px;padding:8px 10px;border-radius:14px;background:var(--oc-soft)}
.oc-typing-dots span{width:6px;height:6px;border-radius:50%;background:var(--oc-muted);animation:oc-dot 1s infinite ease-in-out}
.oc-typing-dots span:nth-child(2){animation-delay:.15s}.oc-typing-dots span:nth-child(3){animation-delay:.3s}
@keyframes oc-dot{50%{transform:translateY(-3px);opacity:.5}}
.oc-files{list-style:none;margin:2px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px;max-width:100%}
.oc-file-image img{display:block;max-width:220px;max-height:180px;border-radius:12px;object-fit:cover}
.oc-file{display:inline-block;padding:8px 12px;border-radius:12px;background:var(--oc-soft);color:var(--oc-ink);
font-size:13px;overflow-wrap:anywhere}
a.oc-file{color:var(--oc-primary-text)}
.oc-attach,.oc-emoji-toggle{width:42px;height:42px;color:var(--oc-muted)}
.oc-emoji-anchor{display:contents}
.oc-tray{list-style:none;margin:8px 0 0;padding:0;display:flex;flex-wrap:wrap;gap:6px}
.oc-tray-item{display:flex;align-items:center;gap:6px;max-width:100%;padding:4px;padding-inline-start:6px;border:1px solid var(--oc-line);
border-radius:10px;font-size:12px}
.oc-tray-item img{width:32px;height:32px;border-radius:6px;object-fit:cover}
.oc-tray-item.oc-failed{border-color:var(--oc-danger)}
.oc-tray-name{display:flex;flex-direction:column;min-width:0;max-width:160px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
.oc-tray-meta{color:var(--oc-muted)}
.oc-tray-remove{width:28px;height:28px}.oc-tray-remove svg{width:16px;height:16px}
.oc-conversation{position:relative}
.oc-dropzone{position:absolute;inset:8px;margin:0;display:grid;place-items:center;border:2px dashed var(--oc-primary);
border-radius:12px;background:color-mix(in srgb,var(--oc-surface) 88%,transparent);font-weight:600;pointer-events:none}
.oc-offline{flex:none;margin:0;padding:8px 16px;color:var(--oc-muted);font-size:12px;border-top:1px solid var(--oc-line)}
`;
