import { mountOverlay } from "../shared/mount";
import type { OverlayContext, OverlayHandle } from "../types";
import { TOUR_CSS } from "./styles";
import { TourOverlay } from "./tour-view";
import { parseTour } from "./wire";

/** The tour chunk's entry (loaded by the stage, src/overlays/stage.ts, when one is due). */
export function mount(context: OverlayContext): OverlayHandle {
  return mountOverlay(context, {
    name: "tour",
    css: TOUR_CSS,
    parse: parseTour,
    view: (tour) => <TourOverlay tour={tour} />,
  });
}
