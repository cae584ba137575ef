import type { ContentType } from "../../../core/engagement/content-types";
import { ResultsPanel, type ResultsType } from "./results/results-panel";

/** The results' name for each studio type (the results API counts per kind of experience). */
const RESULTS_TYPE: Record<ContentType, ResultsType> = {
  tours: "tour",
  tooltips: "tooltip",
  outboundMessages: "outbound",
  surveys: "survey",
  checklists: "checklist",
};

/** The item page's "Results" section: live numbers, charts with table fallbacks (results/). */
export function ResultsSlot({ workspaceId, type, id }: { workspaceId: string; type: ContentType; id: string }) {
  return <ResultsPanel workspaceId={workspaceId} type={RESULTS_TYPE[type]} id={id} />;
}
