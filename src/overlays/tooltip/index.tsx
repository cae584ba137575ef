import { mountOverlay } from "../shared/mount";
import type { OverlayContext, OverlayHandle } from "../types";
import { TOOLTIP_CSS } from "./styles";
import { TooltipOverlay } from "./tooltip-view";
import { parseTooltip } from "./wire";

/** The tooltip chunk's entry (loaded by the stage, src/overlays/stage.ts, when one is due). */
export function mount(context: OverlayContext): OverlayHandle {
  return mountOverlay(context, {
    name: "tooltip",
    css: TOOLTIP_CSS,
    parse: parseTooltip,
    view: (tooltip) => <TooltipOverlay tooltip={tooltip} />,
  });
}
