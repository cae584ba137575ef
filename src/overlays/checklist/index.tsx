import { mountOverlay } from "../shared/mount";
import type { OverlayContext, OverlayHandle } from "../types";
import { ChecklistOverlay } from "./checklist-view";
import { CHECKLIST_CSS } from "./styles";
import { parseChecklist } from "./wire";

/** The checklist chunk's entry (loaded by the stage, src/overlays/stage.ts, when one is due). */
export function mount(context: OverlayContext): OverlayHandle {
  return mountOverlay(context, {
    name: "checklist",
    css: CHECKLIST_CSS,
    parse: parseChecklist,
    view: (checklist) => <ChecklistOverlay checklist={checklist} />,
  });
}
