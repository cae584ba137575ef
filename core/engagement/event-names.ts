/**
 * The events the widget records on its own, beside the host site's: a page view (with the
 * page's URL) and the once-a-minute presence beat of a visible tab. Operators' views of a
 * visitor's activity tell the two kinds apart by these names.
 */
export const PAGE_VIEW_EVENT = "$pageview";
export const PRESENCE_EVENT = "$presence";
