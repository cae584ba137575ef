import { v } from "convex/values";
import { contentAdminFunctions } from "./model/contentAdmin";
import { widgetChecklist, type WidgetChecklist } from "./lib/engagementViews";
import { appError, invalidArgument } from "./lib/errors";
import { checkUrl, normalizeEventName } from "./lib/inputRules";
import { visitorMutation, visitorQuery } from "./model/visitorFunctions";
import { enforceAddressLimit, enforceRateLimit } from "./model/rateLimits";
import { getInWorkspace, targetedContent } from "./model/engagement";
import {
  applyChecklistEvent,
  applyToChecklist,
  checklistProgressRow,
  type CompletedTask,
} from "./model/engagementEvents";

/*
 * Checklists: onboarding tasks completed by a tracked event, by visiting a URL,
 * or ticked off by the visitor. Tracked events (events:track) complete tasks
 * on their own; `recordEvent` is for pages the widget sees without tracking them.
 * Checklists have no trigger or frequency: the panel opens when the visitor
 * (or `OpencomWidget.startChecklist`) asks.
 */

export const { adminList, adminPage, adminGet, adminCreate, adminUpdate, adminRemove, windowBoundary } = contentAdminFunctions("checklists");

/** The checklists this visitor may see (audience, schedule, active), best first, with progress. */
export const getAllProgress = visitorQuery({
  args: { url: v.optional(v.string()) },
  handler: async (ctx, args): Promise<WidgetChecklist[]> => {
    checkUrl(args.url, "url");
    const { items } = await targetedContent(ctx, "checklists", args.url);
    return await Promise.all(
      items.map(async (checklist) =>
        widgetChecklist(checklist, await checklistProgressRow(ctx.db, ctx.visitor._id, checklist._id)),
      ),
    );
  },
});

/** Ticks off a `manual` task; tasks that complete on an event or URL refuse (INVALID_ARGUMENT). */
export const completeTask = visitorMutation({
  args: { checklistId: v.string(), taskId: v.string() },
  handler: async (ctx, args): Promise<WidgetChecklist> => {
    const checklist = await getInWorkspace(ctx.db, "checklists", ctx.workspace._id, args.checklistId, "checklistId");
    if (checklist.status !== "active") throw appError("NOT_FOUND", "This checklist is not running.", "checklistId");
    const task = checklist.tasks.find((candidate) => candidate.id === args.taskId);
    if (task === undefined) throw appError("NOT_FOUND", "No such task in this checklist.", "taskId");
    if (task.completion.type !== "manual") {
      throw invalidArgument("taskId", "This task completes by itself when the visitor does it.");
    }
    await applyToChecklist(ctx.db, ctx.visitor, checklist, { type: "manual", taskId: task.id }, Date.now());
    return widgetChecklist(checklist, await checklistProgressRow(ctx.db, ctx.visitor._id, checklist._id));
  },
});

/** Applies an event name and/or a visited URL to the visitor's checklists; returns the tasks it completed. */
export const recordEvent = visitorMutation({
  args: { name: v.optional(v.string()), url: v.optional(v.string()) },
  handler: async (ctx, args): Promise<{ completed: CompletedTask[] }> => {
    if (args.name === undefined && args.url === undefined) throw invalidArgument("name", "Give an event name or a url.");
    checkUrl(args.url, "url");
    await enforceRateLimit(ctx, "checklistEvents", ctx.visitor._id);
    await enforceAddressLimit(ctx, "eventsPerAddress");
    const now = Date.now();
    const completed: CompletedTask[] = [];
    if (args.name !== undefined) {
      const name = normalizeEventName(args.name);
      completed.push(...(await applyChecklistEvent(ctx.db, ctx.visitor, { type: "event", name }, now)));
    }
    if (args.url !== undefined) {
      completed.push(...(await applyChecklistEvent(ctx.db, ctx.visitor, { type: "url", url: args.url }, now)));
    }
    return { completed };
  },
});
