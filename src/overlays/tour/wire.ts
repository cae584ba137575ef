import * as v from "valibot";
import type { TourStep } from "../../../core/engagement/tour-machine";
import { parseOrNull } from "../shared/wire";

const placement = v.picklist(["top", "bottom", "left", "right", "auto"]);

const step = v.object({
  selector: v.exactOptional(v.string()),
  placement: v.exactOptional(placement),
  kind: v.picklist(["modal", "pointer"]),
  title: v.string(),
  body: v.string(),
  waitForElementMs: v.exactOptional(v.number()),
  onMissing: v.exactOptional(v.picklist(["skip", "end"])),
  advanceOn: v.exactOptional(v.picklist(["button", "click"])),
});

const tour = v.object({
  id: v.string(),
  name: v.string(),
  status: v.picklist(["new", "in_progress", "completed"]),
  stepIndex: v.number(),
  steps: v.array(step),
});

export type WidgetTour = { id: string; name: string; status: "new" | "in_progress" | "completed"; stepIndex: number; steps: TourStep[] };

/** A tour from `tours:listAll`, or null when it is malformed. */
export function parseTour(value: unknown): WidgetTour | null {
  return parseOrNull(tour, value);
}
