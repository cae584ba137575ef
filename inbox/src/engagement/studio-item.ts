import { createContext } from "preact";
import { useContext } from "preact/hooks";
import type { ContentType } from "../../../core/engagement/content-types";

/**
 * The item an editor works on, for controls that need it saved on the server first: the
 * site's selector picker writes to the stored item, so "Pick on site" saves a new or
 * changed draft before it opens the site.
 */
export type StudioItem = {
  type: ContentType;
  /** Saves the draft when it is new or changed; the item's id, or null when the save failed (errors show at their fields). */
  ensureSaved(): Promise<string | null>;
};

export const StudioItemContext = createContext<StudioItem | null>(null);

export function useStudioItem(): StudioItem {
  const item = useContext(StudioItemContext);
  if (item === null) throw new Error("useStudioItem outside the editor shell");
  return item;
}
