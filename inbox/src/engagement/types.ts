import type { ComponentType } from "preact";
import type { ContentType } from "../../../core/engagement/content-types";
import { emptyTour, TourEditor } from "./tours/tour-editor";
import { emptyTooltip, TooltipEditor } from "./tooltips/tooltip-editor";
import { OutboundEditor } from "./outbound/outbound-editor";
import { emptyOutbound } from "./outbound/draft";
import { SurveyEditor } from "./surveys/survey-editor";
import { emptySurvey } from "./surveys/draft";
import { ChecklistEditor } from "./checklists/checklist-editor";
import { emptyChecklist } from "./checklists/draft";

/**
 * What a type's editor gets from the studio's editor shell. `draft` is the whole item as
 * the REST API shows it (without id and timestamps); `errors` the server's messages keyed
 * by field path (`steps.1.selector`), exactly as the API's error body names them.
 */
export type EditorProps = {
  draft: Record<string, unknown>;
  onChange(draft: Record<string, unknown>): void;
  errors: Record<string, string>;
  workspaceId: string;
};

/**
 * One content type of the Engagement studio. The shell edits what every type shares
 * (name, status, schedule, audience, and trigger and frequency when `emptyDraft()` has
 * them); `Editor` edits the rest.
 */
export type EngagementType = {
  type: ContentType;
  /** Plural, as the tab and the list's heading say it. */
  label: string;
  Editor: ComponentType<EditorProps>;
  /** A new item's fields: valid once named, so "Save" works as soon as the author types a name. */
  emptyDraft(): Record<string, unknown>;
};

/** The studio's types, in the order of its tabs: one line each. */
export const ENGAGEMENT_TYPES: readonly EngagementType[] = [
  { type: "tours", label: "Tours", Editor: TourEditor, emptyDraft: emptyTour },
  { type: "tooltips", label: "Tooltips", Editor: TooltipEditor, emptyDraft: emptyTooltip },
  { type: "outboundMessages", label: "Messages", Editor: OutboundEditor, emptyDraft: emptyOutbound },
  { type: "surveys", label: "Surveys", Editor: SurveyEditor, emptyDraft: emptySurvey },
  { type: "checklists", label: "Checklists", Editor: ChecklistEditor, emptyDraft: emptyChecklist },
];

export function engagementType(type: ContentType): EngagementType | undefined {
  return ENGAGEMENT_TYPES.find((entry) => entry.type === type);
}
