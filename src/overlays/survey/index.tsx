import { mountOverlay } from "../shared/mount";
import type { OverlayContext, OverlayHandle } from "../types";
import { SURVEY_CSS } from "./styles";
import { SurveyOverlay } from "./survey-view";
import { parseSurvey } from "./wire";

/** The survey chunk's entry (loaded by the stage, src/overlays/stage.ts, when one is due). */
export function mount(context: OverlayContext): OverlayHandle {
  return mountOverlay(context, {
    name: "survey",
    css: SURVEY_CSS,
    parse: parseSurvey,
    view: (survey) => <SurveyOverlay survey={survey} />,
  });
}
