import * as v from "valibot";
import { mountOverlay } from "../shared/mount";
import { parseOrNull } from "../shared/wire";
import { SURVEY_CSS } from "../survey/styles";
import type { OverlayContext, OverlayHandle } from "../types";
import { CsatOverlay } from "./csat-view";

// The workspace's own words are optional: without them the prompt speaks the visitor's language.
const pending = v.object({
  conversationId: v.string(),
  lastMessagePreview: v.fallback(v.string(), ""),
  question: v.fallback(v.optional(v.string()), undefined),
  commentPrompt: v.fallback(v.optional(v.string()), undefined),
});

// The two-line clamp sits on the paragraph, which has no padding: on the padded quote
// itself, the top of a third line showed through the bottom padding.
export const CSAT_CSS = `
.oc-csat{width:min(360px,calc(100vw - 40px))}
.oc-csat form{margin:0;display:flex;flex-direction:column;gap:14px}
.oc-csat .oc-o-actions{margin-top:0}
.oc-csat-quote{margin:0;padding:6px 10px;border-inline-start:3px solid var(--oc-line);color:var(--oc-muted);font-size:13px}
.oc-csat-quote>p{margin:0;overflow:hidden;display:-webkit-box;-webkit-line-clamp:2;-webkit-box-orient:vertical}
.oc-csat .oc-q-title{margin-bottom:8px}
`;

/** The CSAT chunk's entry (loaded by the stage, src/overlays/stage.ts, when one is due). */
export function mount(context: OverlayContext): OverlayHandle {
  return mountOverlay(context, {
    name: "satisfaction rating",
    css: SURVEY_CSS + CSAT_CSS,
    parse: (value) => parseOrNull(pending, value),
    view: (item) => <CsatOverlay pending={item} />,
  });
}
