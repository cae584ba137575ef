import { v } from "convex/values";
import { isDue, NEVER_SHOWN } from "../core/engagement/frequency";
import { contentAdminFunctions } from "./model/contentAdmin";
import { widgetTooltip, type WidgetTooltip } from "./lib/engagementViews";
import { checkUrl } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { getInWorkspace, historiesOf, recordImpression as saveImpression, targetedContent } from "./model/engagement";

/*
 * Tooltips: short hints anchored to an element of the host page. They are
 * non-blocking (src/engine/arbitration.ts): several may show at once, beside a tour.
 */

export const { adminList, adminPage, adminGet, adminCreate, adminUpdate, adminRemove, windowBoundary } = contentAdminFunctions("tooltips");

/**
 * The tooltips for this visitor on `url`: targeted (audience, schedule,
 * active, URL trigger), due by their frequency, and with a selector (a tooltip
 * still waiting for the authoring picker is not served). Best first.
 */
export const getActiveForVisitor = visitorQuery({
  args: { url: v.optional(v.string()) },
  handler: async (ctx, args): Promise<WidgetTooltip[]> => {
    checkUrl(args.url, "url");
    const { items } = await targetedContent(ctx, "tooltips", args.url);
    const histories = await historiesOf(ctx.db, ctx.visitor._id, "tooltip");
    const now = Date.now();
    return items
      .filter((tooltip) => isDue(tooltip.frequency, histories.get(tooltip._id) ?? NEVER_SHOWN, now))
      .flatMap((tooltip) => (tooltip.selector === undefined ? [] : [widgetTooltip({ ...tooltip, selector: tooltip.selector })]));
  },
});

/** `shown` when the tooltip opens, `dismissed` when the visitor closes it ("Got it"). */
export const recordImpression = visitorMutation({
  args: { tooltipId: v.string(), action: v.union(v.literal("shown"), v.literal("dismissed")) },
  handler: async (ctx, args): Promise<null> => {
    const tooltip = await getInWorkspace(ctx.db, "tooltips", ctx.workspace._id, args.tooltipId, "tooltipId");
    await saveImpression(ctx.db, ctx.visitor, "tooltip", tooltip._id, args.action, Date.now());
    return null;
  },
});
