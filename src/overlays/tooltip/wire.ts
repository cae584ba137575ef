import * as v from "valibot";
import { parseOrNull } from "../shared/wire";

const tooltip = v.object({
  id: v.string(),
  selector: v.string(),
  placement: v.fallback(v.picklist(["top", "bottom", "left", "right", "auto"]), "auto"),
  title: v.nullable(v.string()),
  body: v.string(),
  /**
   * How the tip opens: by itself once due (`auto`), or from a beacon on the element, on
   * hover/focus (`hover`) or on click (`click`). The content model has no field for it
   * yet, so the backend's tooltips are all `auto` until it adds one.
   */
  showOn: v.fallback(v.picklist(["auto", "hover", "click"]), "auto"),
});

export type WidgetTooltip = v.InferOutput<typeof tooltip>;

export function parseTooltip(value: unknown): WidgetTooltip | null {
  return parseOrNull(tooltip, value);
}
